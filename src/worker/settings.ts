import { DEFAULT_RECOVERY_CONFIG, type RecoveryConfig } from '../recovery/recovery-config';
import { DEFAULT_SILENCE_CONFIG, type SilenceConfig } from '../health/silence';
import { settingsSchema, storedSettingsSectionsSchema } from '../contract/settings';

export function recoveryConfigOf(stored: unknown): RecoveryConfig {
  const overrides = settingsSchema.shape.recovery.safeParse(sectionOf(stored, 'recovery'));
  const merged = { ...DEFAULT_RECOVERY_CONFIG, ...(overrides.success ? overrides.data : {}) };
  // A minimum above the cap would make every backoff equal the minimum; keep them ordered.
  return { ...merged, backoffMinMs: Math.min(merged.backoffMinMs, merged.backoffCapMs) };
}

export function silenceConfigOf(stored: unknown): SilenceConfig {
  const overrides = settingsSchema.shape.silence.safeParse(sectionOf(stored, 'silence'));
  return { ...DEFAULT_SILENCE_CONFIG, ...(overrides.success ? overrides.data : {}) };
}

/** Each section is checked on its own, so a bad value in one never discards the other. */
function sectionOf(stored: unknown, key: 'recovery' | 'silence'): unknown {
  const sections = storedSettingsSectionsSchema.safeParse(stored);
  return sections.success ? sections.data[key] : undefined;
}
