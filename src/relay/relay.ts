import { HOOK_EVENT, HOOK_HELLO_EVENT, RELAY_READY_EVENT, type HookItem } from './hook-items';
import { parseHookBatch } from './hook-items-schema';
import type { DraftPageContext } from './page-context';

export interface RelayEnv {
  target: EventTarget;
  page: DraftPageContext;
  /** Delivers one batch to the worker; rejects if the worker could not take it. */
  deliver(page: DraftPageContext, items: HookItem[]): Promise<void>;
  warn(message: string): void;
  sleep(ms: number): Promise<void>;
}

const RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000, 4000];

/**
 * Forwards the hook's batches to the worker in order. A delivery can fail while
 * Chrome restarts the service worker; retrying is safe because the worker drops
 * frames it has already seen (by socket id and sequence number).
 */
export function startRelay(env: RelayEnv): void {
  let chain: Promise<void> = Promise.resolve();

  const deliverWithRetry = async (items: HookItem[]): Promise<void> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await env.deliver(env.page, items);
        return;
      } catch (error) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined) {
          env.warn(`Draft Watch: could not reach the extension worker: ${String(error)}`);
          return;
        }
        await env.sleep(delay);
      }
    }
  };

  env.target.addEventListener(HOOK_EVENT, (event) => {
    const parsed = parseHookBatch((event as CustomEvent<unknown>).detail);
    if (!parsed.ok) {
      env.warn(`Draft Watch: ${parsed.error}`);
      return;
    }
    chain = chain.then(() => deliverWithRetry(parsed.items));
  });
  env.target.addEventListener(HOOK_HELLO_EVENT, () => env.target.dispatchEvent(new CustomEvent(RELAY_READY_EVENT)));
  env.target.dispatchEvent(new CustomEvent(RELAY_READY_EVENT));
}
