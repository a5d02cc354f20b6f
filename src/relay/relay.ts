import type { HookItem } from '../contract/page-events';
import type { DraftPageContext } from '../contract/draft-page-url';
import { redactBatchInPlace } from './redact-batch';
import { MAX_BATCH_CHARS, MAX_BATCH_ITEMS, MAX_PENDING_ITEMS, RELAY_RETRY_DELAYS_MS } from '../contract/channel-limits';

export interface RelayEnv {
  page: DraftPageContext;
  /** Delivers one batch to the worker; rejects if the worker could not take it. */
  deliver(page: DraftPageContext, items: HookItem[]): Promise<void>;
  warn(message: string): void;
  sleep(ms: number): Promise<void>;
  /** Milliseconds on any steady clock; only differences are used (the drop warning's rate). */
  now(): number;
  /** False once the extension was reloaded or updated: this script is orphaned and must stop. */
  contextValid(): boolean;
}

export interface Relay {
  /** One message from the hook's private port (a batch, by structured clone). */
  receive(batch: unknown): void;
  /** False once the relay stopped for good (orphaned); the caller may close the port. */
  readonly running: boolean;
}

/** Characters of frame text and URLs in a batch; a loop over the items with no allocation. */
function batchChars(batch: readonly unknown[]): number {
  let chars = 0;
  for (const item of batch) {
    const data = (item as { data?: unknown } | null)?.data;
    const url = (item as { url?: unknown } | null)?.url;
    if (typeof data === 'string') chars += data.length;
    if (typeof url === 'string') chars += url.length;
  }
  return chars;
}

/** At most one drop warning a second: a worker that falls behind a flood would otherwise cost the page a console line per batch. */
export const DROP_WARNING_INTERVAL_MS = 1000;

/**
 * Forwards the hook's batches to the worker in order, one delivery at a time. It only checks
 * sizes and takes the member's secrets out (./redact-batch.ts): the batch comes from the hook over
 * a port the page cannot reach, and the worker validates every item (the isolated world shares
 * the page's thread, so no parsing here).
 *
 * A delivery can fail while Chrome restarts the service worker; it is retried a bounded number
 * of times (safe, since the worker drops frames it has already seen by socket id and sequence
 * number) and then given up with a warning: the worker sees the gap and recovers the picks from
 * ESPN's next INIT. Batches waiting meanwhile are bounded too.
 */
export function startRelay(env: RelayEnv): Relay {
  let chain: Promise<void> = Promise.resolve();
  let pendingItems = 0;
  let running = true;
  let droppedUnreported = 0;
  let lastDropWarningAt = Number.NEGATIVE_INFINITY;

  const reportDrops = (): void => {
    if (droppedUnreported === 0) return;
    env.warn(`Draft Watch: dropped ${droppedUnreported} item(s) while the worker was behind (${pendingItems} still waiting)`);
    droppedUnreported = 0;
    lastDropWarningAt = env.now();
  };

  const stop = (): boolean => {
    if (running && !env.contextValid()) running = false;
    return !running;
  };

  const deliverWithRetry = async (items: HookItem[]): Promise<void> => {
    for (let attempt = 0; !stop(); attempt += 1) {
      try {
        await env.deliver(env.page, items);
        return;
      } catch (error) {
        if (attempt === RELAY_RETRY_DELAYS_MS.length) {
          env.warn(`Draft Watch: the extension worker is not answering (${String(error)}); gave up on ${items.length} item(s) after ${attempt + 1} attempts`);
          return;
        }
        await env.sleep(RELAY_RETRY_DELAYS_MS[attempt]!);
      }
    }
  };

  return {
    get running() {
      return running;
    },
    receive(batch) {
      if (stop()) return;
      if (!Array.isArray(batch)) {
        env.warn('Draft Watch: hook batch rejected: not an array');
        return;
      }
      if (batch.length === 0) return;
      if (batch.length > MAX_BATCH_ITEMS) {
        env.warn(`Draft Watch: hook batch rejected: ${batch.length} items, more than ${MAX_BATCH_ITEMS}`);
        return;
      }
      const chars = batchChars(batch);
      if (chars > MAX_BATCH_CHARS) {
        env.warn(`Draft Watch: hook batch rejected: ${chars} characters, more than ${MAX_BATCH_CHARS}`);
        return;
      }
      if (pendingItems + batch.length > MAX_PENDING_ITEMS) {
        droppedUnreported += batch.length;
        const sinceLastWarning = env.now() - lastDropWarningAt;
        const warnedJustNow = sinceLastWarning >= 0 && sinceLastWarning < DROP_WARNING_INTERVAL_MS;
        if (!warnedJustNow) reportDrops();
        return;
      }
      redactBatchInPlace(batch);
      pendingItems += batch.length;
      const items = batch as HookItem[];
      chain = chain.then(async () => {
        await deliverWithRetry(items);
        pendingItems -= items.length;
        // Drops since the last warning are told once the worker catches up, so none go unreported.
        reportDrops();
      });
    },
  };
}
