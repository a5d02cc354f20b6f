import { HOOK_EVENT, HOOK_HELLO_EVENT, RELAY_READY_EVENT, type HookItem } from '../contract/page-events';
import { parseHookBatch } from '../contract/hook-items';
import type { DraftPageContext } from '../contract/draft-page-url';

export interface RelayEnv {
  target: EventTarget;
  page: DraftPageContext;
  /** Delivers one batch to the worker; rejects if the worker could not take it. */
  deliver(page: DraftPageContext, items: HookItem[]): Promise<void>;
  warn(message: string): void;
  sleep(ms: number): Promise<void>;
  /** False once the extension was reloaded or updated: this script is orphaned and must stop. */
  contextValid(): boolean;
}

/** Backoff while the worker is unreachable; the last delay repeats for as long as it takes. */
const RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000, 4000];

/**
 * Forwards the hook's batches to the worker in order. A delivery can fail while
 * Chrome restarts the service worker; retrying is safe because the worker drops
 * frames it has already seen (by socket id and sequence number).
 */
export function startRelay(env: RelayEnv): void {
  let chain: Promise<void> = Promise.resolve();

  // Never give up on a batch while the extension lives: a dropped batch is a pick the worker
  // would have to wait for the next INIT to learn about.
  const deliverWithRetry = async (items: HookItem[]): Promise<void> => {
    for (let attempt = 0; env.contextValid(); attempt += 1) {
      try {
        await env.deliver(env.page, items);
        return;
      } catch (error) {
        if (attempt === RETRY_DELAYS_MS.length) env.warn(`Draft Watch: the extension worker is not answering (${String(error)}); still trying`);
        await env.sleep(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!);
      }
    }
  };

  const onHookBatch = (event: Event): void => {
    if (!env.contextValid()) {
      env.target.removeEventListener(HOOK_EVENT, onHookBatch);
      return;
    }
    const parsed = parseHookBatch((event as CustomEvent<unknown>).detail);
    if (!parsed.ok) {
      env.warn(`Draft Watch: ${parsed.error}`);
      return;
    }
    if (parsed.firstError !== null) env.warn(`Draft Watch: dropped ${parsed.rejected} invalid item(s); ${parsed.firstError}`);
    if (parsed.items.length === 0) return;
    chain = chain.then(() => deliverWithRetry(parsed.items));
  };
  env.target.addEventListener(HOOK_EVENT, onHookBatch);
  env.target.addEventListener(HOOK_HELLO_EVENT, () => env.target.dispatchEvent(new CustomEvent(RELAY_READY_EVENT)));
  env.target.dispatchEvent(new CustomEvent(RELAY_READY_EVENT));
}
