import { z } from '../zod-setup';
import type { HookItem } from './page-events';
import type { Assert, SameType } from './same-type';
import { MAX_BATCH_ITEMS, MAX_FRAME_CHARS } from './channel-limits';
import { redactSocketUrl, redactTokenFrame } from './redact';


const socketId = z.string().min(1).max(64);
const epochMs = z.number().int().nonnegative().max(8.64e15);
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** The worker's check of each item the page sends (`HookItem`, declared zod-free for the page hook). */
const hookItemSchema = z.discriminatedUnion('k', [
  z.strictObject({ k: z.literal('open'), sid: socketId, at: epochMs, url: z.string().max(4096) }),
  z.strictObject({
    k: z.literal('frame'),
    sid: socketId,
    seq: count,
    dir: z.enum(['in', 'out']),
    at: epochMs,
    // INIT frames grow with the draft; 1 MiB is far above any real one (~20 kB at 160 picks).
    data: z.string().max(MAX_FRAME_CHARS),
  }),
  z.strictObject({
    k: z.literal('close'),
    sid: socketId,
    at: epochMs,
    // Close codes are 16-bit; -1 stands for "none" in some stand-ins.
    code: z.number().int().min(-1).max(0xffff),
    reason: z.string().max(1024),
    clean: z.boolean(),
  }),
  z.strictObject({ k: z.literal('error'), sid: socketId, at: epochMs }),
  z.strictObject({
    k: z.literal('stall'),
    sid: socketId,
    at: epochMs,
    cause: z.enum(['silence', 'pong-timeout']),
    silentForMs: z.number().nonnegative().max(8.64e15),
  }),
  z.strictObject({ k: z.literal('unload'), at: epochMs }),
]);
export type HookItemSchemaMatches = Assert<SameType<z.infer<typeof hookItemSchema>, HookItem>>;

export { MAX_BATCH_ITEMS };

/**
 * The worker's check of a whole batch (strict items, bounded sizes). The relay no longer parses:
 * it shares the page's thread, and the batch reaches it over a port the page cannot reach.
 */
export const hookBatchSchema = z.array(hookItemSchema).max(MAX_BATCH_ITEMS);

export type HookBatchParse = { ok: true; items: HookItem[]; rejected: number; firstError: string | null } | { ok: false; error: string };

/** The secret-free form the hook already sends; the worker applies it again so a tampered page world cannot get a secret stored. */
export function redactHookItem(item: HookItem): HookItem {
  if (item.k === 'open') return { ...item, url: redactSocketUrl(item.url) };
  if (item.k === 'frame' && item.data.startsWith('TOKEN')) return { ...item, data: redactTokenFrame(item.data) };
  return item;
}

/**
 * Item-by-item form of the same check, for callers that would rather lose one bad item than the
 * batch (the worker notices the gap it leaves in the socket's sequence numbers). Strict (no
 * unknown keys, bounded sizes), and redacted like the worker's path.
 */
export function parseHookBatch(value: unknown): HookBatchParse {
  if (!Array.isArray(value)) return { ok: false, error: 'hook batch rejected: not an array' };
  if (value.length > MAX_BATCH_ITEMS) return { ok: false, error: `hook batch rejected: more than ${MAX_BATCH_ITEMS} items` };
  const items: HookItem[] = [];
  let rejected = 0;
  let firstError: string | null = null;
  for (const entry of value) {
    const result = hookItemSchema.safeParse(entry);
    if (result.success) items.push(redactHookItem(result.data));
    else {
      rejected += 1;
      firstError ??= `hook batch rejected: ${result.error.issues[0]?.message ?? 'invalid'}`;
    }
  }
  return { ok: true, items, rejected, firstError };
}
