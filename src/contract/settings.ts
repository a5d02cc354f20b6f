import { z } from '../zod-setup';

const duration = z.number().int().min(0).max(10 * 60_000);

/**
 * User-adjustable thresholds. Anything not set falls back to the documented defaults
 * (src/worker/settings.ts merges them).
 */
export const settingsSchema = z.object({
  recovery: z
    .object({
      // Floors keep a stored setting from turning recovery into a reload storm.
      graceMs: duration.min(500),
      espnSocketInitTimeoutMs: duration.min(1_000),
      reloadTimeoutMs: duration.min(2_000),
      backoffBaseMs: duration.min(250),
      backoffMinMs: duration.min(250),
      backoffCapMs: duration.min(1_000),
      maxAttempts: z.number().int().min(1).max(20),
      autoReload: z.boolean(),
    })
    .partial()
    .default({}),
  /** Read by the page hook; see src/connection/options.ts for what each budget guards against. */
  silence: z
    .object({
      activeBudgetMs: duration.min(1_000),
      pausedBudgetMs: duration.min(1_000),
      completeBudgetMs: duration.min(1_000),
      pongTimeoutMs: duration.min(1_000),
    })
    .partial()
    .default({}),
});
/** What a caller may send: every section and field is optional. */
export type Settings = z.input<typeof settingsSchema>;

/** The stored settings record, read section by section so a bad value in one never discards the other. */
export const storedSettingsSectionsSchema = z.object({ recovery: z.unknown(), silence: z.unknown() }).partial();
