import { z } from '../zod-setup';
import { DEFAULT_RECOVERY_CONFIG, type RecoveryConfig } from '../recovery/recovery-config';
import { DEFAULT_SILENCE_CONFIG, type SilenceConfig } from '../health/silence';

const duration = z.number().int().min(0).max(10 * 60_000);

/** User-adjustable thresholds. Anything not set falls back to the documented defaults. */
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
  const merged = { ...DEFAULT_RECOVERY_CONFIG, ...section(stored, 'recovery') };
  // A minimum above the cap would make every backoff equal the minimum; keep them ordered.
  return { ...merged, backoffMinMs: Math.min(merged.backoffMinMs, merged.backoffCapMs) };
}

/** Each section is checked on its own, so a bad value in one never discards the other. */
function section<K extends 'recovery' | 'silence'>(stored: unknown, key: K): Settings[K] {
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>)[key] : undefined;
  const parsed = settingsSchema.shape[key].safeParse(value);
  return (parsed.success ? parsed.data : {}) as Settings[K];
}

export function silenceConfigOf(stored: unknown): SilenceConfig {
  return { ...DEFAULT_SILENCE_CONFIG, ...section(stored, 'silence') };
}
