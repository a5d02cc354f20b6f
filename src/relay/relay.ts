import type { HookItem } from '../contract/page-events';
import type { DraftPageContext } from '../contract/draft-page-url';
import { MAX_BATCH_CHARS, MAX_BATCH_ITEMS, MAX_PENDING_ITEMS, RELAY_RETRY_DELAYS_MS } from '../contract/channel-limits';

export interface RelayEnv {
  page: DraftPageContext;
  /** Delivers one batch to the worker; rejects if the worker could not take it. */
  deliver(page: DraftPageContext, items: HookItem[]): Promise<void>;
  warn(message: string): void;
  sleep(ms: number): Promise<void>;
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

/** At most one warning about dropped batches per this many ms; the rest are counted into the next. */
export const DROP_WARNING_INTERVAL_MS = 1000;

/**
 * Forwards the hook's batches to the worker in order, one delivery at a time. It only checks
 * sizes: the batch comes from the hook over a port the page cannot reach, and the worker
 * validates every item (the isolated world shares the page's thread, so no parsing here).
 *
 * While a delivery is under way, later batches wait; when it ends, everything waiting goes in
 * one runtime message (within the batch limits the worker accepts), so a worker that fell
 * behind costs the page one message per round trip instead of one per batch.
 *
 * A delivery can fail while Chrome restarts the service worker; it is retried a bounded number
 * of times (safe, since the worker drops frames it has already seen by socket id and sequence
 * number) and then given up with a warning: the worker sees the gap and recovers the picks from
 * ESPN's next INIT. Batches waiting meanwhile are bounded too; dropping one warns at once, and
 * further drops are summed into at most one warning a second (the console is the page's too).
 */
export function startRelay(env: RelayEnv): Relay {
  /** Batches waiting for the delivery under way to end, oldest first, with their characters. */
  const waiting: Array<{ items: HookItem[]; chars: number }> = [];
  let delivering = false;
  let pendingItems = 0;
  let running = true;
  let dropWindowOpen = false;
  let droppedBatches = 0;
  let droppedItems = 0;

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

  /** Takes the oldest waiting batches that fit together in one batch the worker accepts. */
  const takeWaiting = (): HookItem[] => {
    const first = waiting.shift()!;
    let items = first.items;
    let chars = first.chars;
    while (waiting.length > 0 && items.length + waiting[0]!.items.length <= MAX_BATCH_ITEMS && chars + waiting[0]!.chars <= MAX_BATCH_CHARS) {
      const next = waiting.shift()!;
      items = items === first.items ? items.concat(next.items) : (items.push(...next.items), items);
      chars += next.chars;
    }
    return items;
  };

  const pump = async (): Promise<void> => {
    delivering = true;
    while (waiting.length > 0) {
      const items = takeWaiting();
      await deliverWithRetry(items);
      pendingItems -= items.length;
    }
    delivering = false;
  };

  const closeDropWindow = async (): Promise<void> => {
    await env.sleep(DROP_WARNING_INTERVAL_MS);
    if (droppedBatches === 0) {
      dropWindowOpen = false;
      return;
    }
    env.warn(`Draft Watch: dropped ${droppedBatches} more batch(es), ${droppedItems} item(s) in all, in the last second: ${pendingItems} still waiting for the worker`);
    droppedBatches = 0;
    droppedItems = 0;
    void closeDropWindow();
  };

  const dropped = (count: number): void => {
    if (dropWindowOpen) {
      droppedBatches += 1;
      droppedItems += count;
      return;
    }
    env.warn(`Draft Watch: dropped a batch of ${count} item(s): ${pendingItems} still waiting for the worker`);
    dropWindowOpen = true;
    void closeDropWindow();
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
        dropped(batch.length);
        return;
      }
      pendingItems += batch.length;
      waiting.push({ items: batch as HookItem[], chars });
      if (!delivering) void pump();
    },
  };
}
