import { z } from '../zod-setup';
import type { HookItem } from './hook-items';

const socketId = z.string().min(1).max(64);
const epochMs = z.number().int().nonnegative();

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

export const hookBatchSchema = z.array(hookItemSchema).max(10_000);

export type HookBatchParse = { ok: true; items: HookItem[] } | { ok: false; error: string };

/** The page world is untrusted: ESPN's scripts (or anything else on the page) could dispatch our event. */
export function parseHookBatch(json: unknown): HookBatchParse {
  if (typeof json !== 'string') return { ok: false, error: 'hook batch is not a string' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: 'hook batch is not valid JSON' };
  }
  const result = hookBatchSchema.safeParse(value);
  if (!result.success) return { ok: false, error: `hook batch rejected: ${result.error.issues[0]?.message ?? 'invalid'}` };
  return { ok: true, items: result.data as HookItem[] };
}
