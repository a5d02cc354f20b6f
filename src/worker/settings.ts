import { z } from '../zod-setup';
import { DEFAULT_RECOVERY_CONFIG, type RecoveryConfig } from '../recovery/recovery-config';
import { DEFAULT_SILENCE_CONFIG, type SilenceConfig } from '../health/silence';

const duration = z.number().int().min(0).max(10 * 60_000);

/** User-adjustable thresholds. Anything not set falls back to the documented defaults. */
export const settingsSchema = z.object({
  recovery: z
    .object({
      graceMs: duration,
      espnSocketInitTimeoutMs: duration,
      reloadTimeoutMs: duration,
      backoffBaseMs: duration,
      backoffMinMs: duration,
      backoffCapMs: duration,
      maxAttempts: z.number().int().min(1).max(100),
    })
    .partial()
    .default({}),
  /** Read by the page hook; see src/health/silence.ts for what each budget guards against. */
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
export type Settings = z.input<typeof settingsSchema>;

export function recoveryConfigOf(stored: unknown): RecoveryConfig {
  const parsed = settingsSchema.safeParse(stored ?? {});
  const overrides = parsed.success ? parsed.data.recovery : {};
  const merged = { ...DEFAULT_RECOVERY_CONFIG, ...overrides };
  // A minimum above the cap would make every backoff equal the minimum; keep them ordered.
  return { ...merged, backoffMinMs: Math.min(merged.backoffMinMs, merged.backoffCapMs) };
}

export function silenceConfigOf(stored: unknown): SilenceConfig {
  const parsed = settingsSchema.safeParse(stored ?? {});
  return { ...DEFAULT_SILENCE_CONFIG, ...(parsed.success ? parsed.data.silence : {}) };
}
