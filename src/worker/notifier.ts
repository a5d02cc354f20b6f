import type { DraftView } from '../contract/draft-view';
import { protocolDriftSchema } from '../contract/draft-state';
import { raisedNotificationKeysSchema } from '../contract/preferences';
import type { TabControl } from '../adapters/tab-control';
import { notificationsToRaise, preferencesOf, type PlannedNotification } from '../connection/notifications';

export { preferencesOf };

export interface NotifierDeps {
  readPreferences(): Promise<unknown>;
  readRaisedKeys(): Promise<unknown>;
  writeRaisedKeys(keys: string[]): Promise<void>;
  /** The draft record as stored; its `drift` field may not exist yet. */
  readRecord(draftId: string): Promise<unknown>;
  show(notification: PlannedNotification): Promise<void>;
  keysKept: number;
  report(message: string): void;
}

/** Sum of the record's drift counters, or null when the record has none (not wired yet, or an old record). */
export function driftTotalOf(record: unknown): number | null {
  if (typeof record !== 'object' || record === null || !('drift' in record)) return null;
  const drift = protocolDriftSchema.safeParse(record.drift);
  return drift.success ? Object.values(drift.data.counters).reduce((sum, count) => sum + count, 0) : null;
}

/**
 * Raises the notifications a committed view calls for. Keys are stored before the notification
 * is shown: a worker killed in between loses one notification rather than repeating it. Runs one
 * view at a time so two quick commits cannot both raise the same event.
 */
export function createNotifier(deps: NotifierDeps): (view: DraftView) => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  const notify = async (view: DraftView) => {
    const [preferences, stored, record] = await Promise.all([deps.readPreferences(), deps.readRaisedKeys(), deps.readRecord(view.draftId)]);
    const parsedKeys = raisedNotificationKeysSchema.safeParse(stored);
    const raised = parsedKeys.success ? parsedKeys.data : [];
    const planned = notificationsToRaise({ view, driftTotal: driftTotalOf(record) }, preferencesOf(preferences), new Set(raised));
    if (planned.length === 0) return;
    await deps.writeRaisedKeys([...raised, ...planned.map((notification) => notification.key)].slice(-deps.keysKept));
    for (const notification of planned) await deps.show(notification);
  };
  return (view) => {
    queue = queue.then(() => notify(view)).catch((error) => deps.report(`could not raise a notification: ${String(error)}`));
    return queue;
  };
}

/** The reducer's "recovery failed" notification (raised once, on entering `failed`) honours its switch too. */
export function withFailureAlertSwitch(tabs: TabControl, enabled: () => Promise<boolean>): TabControl {
  return {
    setTimer: (tabId, untilMs) => tabs.setTimer(tabId, untilMs),
    reload: (tabId, leagueId) => tabs.reload(tabId, leagueId),
    notifyFailed: async (tabId) => ((await enabled()) ? tabs.notifyFailed(tabId) : undefined),
    clearNotification: (tabId) => tabs.clearNotification(tabId),
  };
}
