import { storage } from 'wxt/utils/storage';
import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '../connection/notifications';

/**
 * The notification switches, as WXT storage items with defaults; the worker's notifier reads them
 * directly. Automatic reload and the thresholds are not here: they travel the existing settings
 * path (set-settings → IndexedDB → src/worker/settings.ts), which already bounds and floors them
 * for the connection reducer and the page hook, so a second store could only disagree with it.
 */
export const notificationPreferencesItem = storage.defineItem<NotificationPreferences>('local:notificationPreferences', {
  fallback: DEFAULT_NOTIFICATION_PREFERENCES,
});

/** Keys of notifications already shown, so a restarted worker does not show them again. */
export const raisedNotificationsItem = storage.defineItem<string[]>('local:raisedNotifications', { fallback: [] });

/** Enough keys for several drafts' turns and incidents; the oldest go first. */
export const RAISED_KEYS_KEPT = 500;
