import { z } from '../zod-setup';
import type { HookItem } from './page-events';
import type { Assert, SameType } from './same-type';


const socketId = z.string().min(1).max(64);
const epochMs = z.number().int().nonnegative();

/** The relay's check of each item the page sends (`HookItem`, declared zod-free for the page hook). */
const hookItemSchema = z.discriminatedUnion('k', [
  z.object({ k: z.literal('open'), sid: socketId, at: epochMs, url: z.string().max(4096) }),
  z.object({
    k: z.literal('frame'),
    sid: socketId,
    seq: z.number().int().nonnegative(),
    dir: z.enum(['in', 'out']),
    at: epochMs,
    // INIT frames grow with the draft; 1 MiB is far above any real one (~20 kB at 160 picks).
    data: z.string().max(1 << 20),
  }),
  z.object({
    k: z.literal('close'),
    sid: socketId,
    at: epochMs,
    code: z.number().int(),
    reason: z.string().max(1024),
    clean: z.boolean(),
  }),
  z.object({ k: z.literal('error'), sid: socketId, at: epochMs }),
  z.object({
    k: z.literal('stall'),
    sid: socketId,
    at: epochMs,
    cause: z.enum(['silence', 'pong-timeout']),
    silentForMs: z.number().nonnegative(),
  }),
  z.object({ k: z.literal('unload'), at: epochMs }),
]);
export type HookItemSchemaMatches = Assert<SameType<z.infer<typeof hookItemSchema>, HookItem>>;

/** Larger than the page bridge's backlog, so a startup backlog always fits in one batch. */
export const MAX_BATCH_ITEMS = 50_000;

export const hookBatchSchema = z.array(hookItemSchema).max(MAX_BATCH_ITEMS);

export type HookBatchParse = { ok: true; items: HookItem[]; rejected: number; firstError: string | null } | { ok: false; error: string };

/**
 * The page world is untrusted: ESPN's scripts (or anything else on the page) could dispatch our
 * event. Items are checked one by one, so one bad item costs only itself; the worker notices
 * the gap it leaves in the socket's sequence numbers.
 */
export function parseHookBatch(json: unknown): HookBatchParse {
  if (typeof json !== 'string') return { ok: false, error: 'hook batch is not a string' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: 'hook batch is not valid JSON' };
  }
  if (!Array.isArray(value)) return { ok: false, error: 'hook batch rejected: not an array' };
  if (value.length > MAX_BATCH_ITEMS) return { ok: false, error: `hook batch rejected: more than ${MAX_BATCH_ITEMS} items` };
  const items: HookItem[] = [];
  let rejected = 0;
  let firstError: string | null = null;
  for (const entry of value) {
    const result = hookItemSchema.safeParse(entry);
    if (result.success) items.push(result.data);
    else {
      rejected += 1;
      firstError ??= `hook batch rejected: ${result.error.issues[0]?.message ?? 'invalid'}`;
    }
  }
  return { ok: true, items, rejected, firstError };
}
