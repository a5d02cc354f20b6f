import type { browser as extensionBrowser } from 'wxt/browser';

type Browser = typeof extensionBrowser;
import type { TabControl } from './tab-control';
import { isDraftRoomPath } from '../contract/draft-page-url';

const ALARM_PREFIX = 'recovery:';
const NOTIFICATION_PREFIX = 'draft-failed:';

export function tabIdOfAlarm(name: string): number | null {
  return name.startsWith(ALARM_PREFIX) ? Number(name.slice(ALARM_PREFIX.length)) : null;
}

export function tabIdOfNotification(id: string): number | null {
  return id.startsWith(NOTIFICATION_PREFIX) ? Number(id.slice(NOTIFICATION_PREFIX.length)) : null;
}

/**
 * Recovery timers live in memory (seconds matter) with an alarm behind each as a
 * backstop: if the browser stops the worker while a timer is pending, the alarm
 * wakes it again and the policy re-checks its stored deadline.
 */
export function createBrowserTabControl(browser: Browser, onTimer: (tabId: number) => void, now: () => number): TabControl {
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  return {
    setTimer(tabId, untilMs) {
      clearTimeout(timers.get(tabId));
      timers.set(
        tabId,
        setTimeout(() => {
          timers.delete(tabId);
          onTimer(tabId);
        }, Math.max(0, untilMs - now())),
      );
      void browser.alarms.create(`${ALARM_PREFIX}${tabId}`, { when: Math.max(untilMs, now() + 1000) });
    },
    async reload(tabId, leagueId) {
      // The tab may have moved to another site since the decision; its URL is then hidden from us.
      const tab = await browser.tabs.get(tabId).catch(() => null);
      const href = tab?.url ?? tab?.pendingUrl;
      if (!isDraftRoomPath(href)) return false;
      if (leagueId !== null && new URL(href!).searchParams.get('leagueId') !== leagueId) return false;
      await browser.tabs.reload(tabId);
      return true;
    },
    async notifyFailed(tabId) {
      await browser.notifications.create(`${NOTIFICATION_PREFIX}${tabId}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: 'Draft Watch lost the draft connection',
        message: 'Automatic reconnection gave up. Click to reload the draft room now.',
        ...(import.meta.env.FIREFOX ? {} : { buttons: [{ title: 'Reload now' }], requireInteraction: true }),
      });
    },
    async clearNotification(tabId) {
      await browser.notifications.clear(`${NOTIFICATION_PREFIX}${tabId}`);
    },
  };
}
