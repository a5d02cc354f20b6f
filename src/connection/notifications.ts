import type { DraftView } from '../contract/draft-view';
import { storedNotificationPreferencesSchema } from '../contract/preferences';

/** The events a drafter is told about outside the popup. */
export type NotificationKind = 'recoveryFailed' | 'kicked' | 'protocolDrift' | 'onTheClock';

/** Which notifications the user wants; the options page stores them. */
export type NotificationPreferences = Readonly<Record<NotificationKind, boolean>>;

/** Every alert on, the clock included: a missed turn costs the drafter more than one notification. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = Object.freeze({
  recoveryFailed: true,
  kicked: true,
  protocolDrift: true,
  onTheClock: true,
});

/** Stored switches are read like any input: each valid one overrides its default. */
export function preferencesOf(stored: unknown): NotificationPreferences {
  const parsed = storedNotificationPreferencesSchema.safeParse(stored);
  return { ...DEFAULT_NOTIFICATION_PREFERENCES, ...(parsed.success ? parsed.data : {}) };
}

export interface PlannedNotification {
  /** Names the event, not the moment: the same event always has the same key, so it is raised once. */
  key: string;
  kind: NotificationKind;
  tabId: number | null;
  title: string;
  message: string;
}

export interface NotifierInput {
  view: DraftView;
  /** Total drift counted in the draft record; null when the record carries no drift counters (yet). */
  driftTotal: number | null;
}

/**
 * Decides which notifications a committed view calls for. `raised` holds the keys already shown
 * (kept across worker restarts by the shell), so each event is raised at most once however often
 * the view is pushed. Pure: the shell creates the notifications and records the keys.
 */
export function notificationsToRaise(input: NotifierInput, preferences: NotificationPreferences, raised: ReadonlySet<string>): PlannedNotification[] {
  const { view, driftTotal } = input;
  const { draftId, tabId, connection, state } = view;
  const planned: PlannedNotification[] = [];
  // Recovery failure is not planned here: the reducer's `notifyFailed` action raises it exactly once,
  // on entering `failed`, with a Reload button; the shell gates that action on `recoveryFailed`.
  // nextSeq names the incident the connection is in: a later kick gets a new key.
  if (connection?.phase === 'kicked') {
    planned.push({
      key: `kicked:${draftId}:${tabId}:${connection.nextSeq}`,
      kind: 'kicked',
      tabId,
      title: 'Draft Watch: draft open elsewhere',
      message: 'ESPN moved this draft to another tab or device; this tab is no longer followed.',
    });
  }
  if (driftTotal !== null && driftTotal > 0) {
    planned.push({
      key: `drift:${draftId}`,
      kind: 'protocolDrift',
      tabId,
      title: 'Draft Watch: ESPN changed its draft protocol',
      message: 'Some frames could not be read, so the pick log may be incomplete. Check it against ESPN.',
    });
  }
  const clock = state.onTheClock;
  if (state.status !== 'complete' && clock !== null && state.myTeamId !== null && clock.teamId === state.myTeamId) {
    planned.push({
      key: `clock:${draftId}:${clock.overallPick}`,
      kind: 'onTheClock',
      tabId,
      title: 'Draft Watch: you are on the clock',
      message: `Pick ${clock.overallPick} is yours.`,
    });
  }
  return planned.filter((notification) => preferences[notification.kind] && !raised.has(notification.key));
}
