import type { browser as extensionBrowser } from 'wxt/browser';
import { tabIdOfAlarm, tabIdOfNotification } from '../adapters/browser-tab-control';
import { isDraftRoomPath } from '../contract/draft-page-url';
import type { RunningWorker } from './start-worker';

type Browser = typeof extensionBrowser;

/** Alarms, tab changes and notification clicks become recovery inputs for their tab. */
export function listenForBrowserEvents(browser: Browser, { withWorker }: RunningWorker): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    const tabId = tabIdOfAlarm(alarm.name);
    if (tabId !== null) void withWorker((worker) => worker.handleRecoveryInput(tabId, { type: 'timerFired' }));
  });
  browser.tabs.onRemoved.addListener((tabId) => void withWorker((worker) => worker.handleTabClosed(tabId)));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A URL we may not see (another site) arrives as no URL at all; the reload step checks again.
    if (change.url !== undefined && !isDraftRoomPath(change.url)) {
      void withWorker((worker) => worker.handleRecoveryInput(tabId, { type: 'tabNavigatedAway' }));
    }
  });
  const reloadFromNotification = (id: string) => {
    const tabId = tabIdOfNotification(id);
    if (tabId !== null) void withWorker((worker) => worker.handleRecoveryInput(tabId, { type: 'manualReloadRequested' }));
  };
  browser.notifications.onClicked.addListener(reloadFromNotification);
  browser.notifications.onButtonClicked?.addListener(reloadFromNotification);
}
