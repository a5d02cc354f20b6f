import { DEFAULT } from '../../connection/options';
import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationKind, type NotificationPreferences } from '../../connection/notifications';
import type { Settings } from '../../contract/settings';

/** What the options form edits, in the units a person types (seconds, not ms). */
export interface OptionsValues {
  autoReload: boolean;
  graceSeconds: number;
  reloadAttempts: number;
  stallSeconds: number;
  notifications: NotificationPreferences;
}

/** The bounds the form offers; the worker's schema (src/contract/settings.ts) enforces the same floors. */
export const BOUNDS = {
  graceSeconds: { min: 0.5, max: 120 },
  reloadAttempts: { min: 1, max: 20 },
  stallSeconds: { min: 5, max: 120 },
} as const;

export const NOTIFICATION_LABELS: Readonly<Record<NotificationKind, string>> = {
  recoveryFailed: 'Recovery failed',
  kicked: 'Draft opened in another tab or device',
  protocolDrift: 'ESPN changed its draft protocol',
  onTheClock: 'My team is on the clock',
};

/** The stored settings and switches as the form shows them; anything unset shows its default. */
export function valuesOf(settings: Settings, notifications: NotificationPreferences = DEFAULT_NOTIFICATION_PREFERENCES): OptionsValues {
  return {
    autoReload: settings.recovery?.autoReload ?? DEFAULT.autoReload,
    graceSeconds: (settings.recovery?.graceMs ?? DEFAULT.graceMs) / 1000,
    reloadAttempts: settings.recovery?.maxAttempts ?? DEFAULT.maxAttempts,
    stallSeconds: (settings.silence?.activeBudgetMs ?? DEFAULT.activeBudgetMs) / 1000,
    notifications,
  };
}

const clamp = (value: number, { min, max }: { min: number; max: number }) => Math.min(max, Math.max(min, value));

/** The form's values as settings to store, clamped to the bounds; other stored fields are kept. */
export function settingsFrom(values: OptionsValues, previous: Settings): Settings {
  return {
    recovery: {
      ...previous.recovery,
      autoReload: values.autoReload,
      graceMs: Math.round(clamp(values.graceSeconds, BOUNDS.graceSeconds) * 1000),
      maxAttempts: Math.round(clamp(values.reloadAttempts, BOUNDS.reloadAttempts)),
    },
    silence: { ...previous.silence, activeBudgetMs: Math.round(clamp(values.stallSeconds, BOUNDS.stallSeconds) * 1000) },
  };
}

/** "1.2 MB": storage used, for people. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
