import { z } from '../zod-setup';

/** Worker → isolated content script: fetch a URL from the page's origin, so the user's ESPN cookies go along. */
export const pageFetchRequestSchema = z.object({
  type: z.literal('page-fetch'),
  url: z.string().url(),
  headers: z.record(z.string(), z.string()).optional(),
  timeoutMs: z.number().int().positive().max(60_000),
});
export type PageFetchRequest = z.infer<typeof pageFetchRequestSchema>;

/** The content script's answer; the worker validates it like any other reply. */
export const pageFetchResultSchema = z.union([
  z.object({ ok: z.literal(true), status: z.number().int(), body: z.string().max(16 << 20) }),
  z.object({ ok: z.literal(false), error: z.enum(['timeout', 'network']), message: z.string() }),
]);
export type PageFetchResult = z.infer<typeof pageFetchResultSchema>;
