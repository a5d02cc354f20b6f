import { z } from '../zod-setup';
import { hookBatchSchema } from '../relay/hook-items-schema';
import { settingsSchema } from '../worker/settings';

/** Content scripts carry page-derived data, so the worker validates every message it is sent. */
export const pageContextSchema = z.object({
  sport: z.string().max(32),
  leagueId: z.string().regex(/^\d{1,12}$/),
  seasonId: z.number().int().min(2000).max(2100),
  teamId: z.number().int().positive().nullable(),
});

export const hookBatchMessageSchema = z.object({
  type: z.literal('hook-batch'),
  page: pageContextSchema,
  items: hookBatchSchema,
});
export type HookBatchMessage = z.infer<typeof hookBatchMessageSchema>;

export const viewRequestSchema = z.object({
  type: z.literal('get-view'),
  /** The popup's active tab, when it is a draft room. */
  tabId: z.number().int().nullable(),
});
export type ViewRequest = z.infer<typeof viewRequestSchema>;

export const reloadNowRequestSchema = z.object({ type: z.literal('reload-now'), tabId: z.number().int() });

export const setSettingsRequestSchema = z.object({ type: z.literal('set-settings'), settings: settingsSchema });

export const pageConfigRequestSchema = z.object({ type: z.literal('get-page-config') });

export const workerMessageSchema = z.discriminatedUnion('type', [
  hookBatchMessageSchema,
  viewRequestSchema,
  reloadNowRequestSchema,
  setSettingsRequestSchema,
  pageConfigRequestSchema,
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

/** Worker → isolated content script: fetch a URL from the page's origin, so the user's ESPN cookies go along. */
export const pageFetchRequestSchema = z.object({
  type: z.literal('page-fetch'),
  url: z.string().url(),
  headers: z.record(z.string(), z.string()).optional(),
  timeoutMs: z.number().int().positive().max(60_000),
});
export type PageFetchRequest = z.infer<typeof pageFetchRequestSchema>;

export type PageFetchResult =
  | { ok: true; status: number; body: string }
  | { ok: false; error: 'timeout' | 'network'; message: string };

export const pageFetchResultSchema = z.union([
  z.object({ ok: z.literal(true), status: z.number().int(), body: z.string().max(16 << 20) }),
  z.object({ ok: z.literal(false), error: z.enum(['timeout', 'network']), message: z.string() }),
]);
