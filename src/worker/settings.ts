import { DEFAULT, pickOptions, RECOVERY_OPTION_KEYS, SILENCE_OPTION_KEYS, type Options, type RecoveryOptions, type SilenceOptions } from '../connection/options';
import { settingsSchema, storedSettingsSectionsSchema } from '../contract/settings';

/** The connection Options with the user's overrides on top of DEFAULT (for the worker's reducer). */
export function connectionOptionsOf(stored: unknown): Options {
  return { ...DEFAULT, ...recoveryConfigOf(stored), ...silenceConfigOf(stored) };
}

/** The recovery fields of the Options, with the user's overrides. */
export function recoveryConfigOf(stored: unknown): RecoveryOptions {
  const overrides = settingsSchema.shape.recovery.safeParse(sectionOf(stored, 'recovery'));
  const merged = { ...pickOptions(DEFAULT, RECOVERY_OPTION_KEYS), ...(overrides.success ? overrides.data : {}) };
  // A minimum above the cap would make every backoff equal the minimum; keep them ordered.
  return { ...merged, backoffMinMs: Math.min(merged.backoffMinMs, merged.backoffCapMs) };
}

/** The stall rule's fields of the Options, with the user's overrides (sent to the page hook). */
export function silenceConfigOf(stored: unknown): SilenceOptions {
  const overrides = settingsSchema.shape.silence.safeParse(sectionOf(stored, 'silence'));
  return { ...pickOptions(DEFAULT, SILENCE_OPTION_KEYS), ...(overrides.success ? overrides.data : {}) };
}

/** Each section is checked on its own, so a bad value in one never discards the other. */
function sectionOf(stored: unknown, key: 'recovery' | 'silence'): unknown {
  const sections = storedSettingsSectionsSchema.safeParse(stored);
  return sections.success ? sections.data[key] : undefined;
}
