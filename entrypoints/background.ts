import { browser } from 'wxt/browser';
import '../src/zod-setup';
import { DraftStore } from '../src/adapters/store';
import { fetchTextFromWorker } from '../src/adapters/worker-fetch';
import { createBrowserTabControl, tabIdOfAlarm, tabIdOfNotification } from '../src/adapters/browser-tab-control';
import { pageFetchResultSchema, workerMessageSchema, type PageFetchResult } from '../src/contract/page-fetch';
import { DraftWorker } from '../src/worker/draft-worker';
import { PlayerNames } from '../src/worker/player-names';
import { recoveryConfigOf, silenceConfigOf } from '../src/worker/settings';
import { isDraftRoomPath } from '../src/contract/draft-page-url';

const SETTINGS_KEY = 'settings';
const BROWSER_SESSION_KEY = 'browserSessionStartedAt';

export default defineBackground(() => {
  const now = () => Date.now();
  const report = (level: 'info' | 'warn' | 'error', message: string) => console[level](`Draft Watch: ${message}`);
  const pageFetch = async (tabId: number, url: string, headers: Record<string, string>, timeoutMs: number): Promise<PageFetchResult> => {
    const answer: unknown = await browser.tabs.sendMessage(tabId, { type: 'page-fetch', url, headers, timeoutMs });
    const parsed = pageFetchResultSchema.safeParse(answer);
    return parsed.success ? parsed.data : { ok: false, error: 'network', message: 'the draft tab gave no usable answer' };
  };
  const storeReady = DraftStore.open();
  // storage.session is empty after a browser restart: tab ids start over, so old tab sessions must go
  // before any recovery timer is re-armed against an id that now belongs to another tab.
  const startSession = async (worker: DraftWorker) => {
    const marker = await browser.storage.session.get(BROWSER_SESSION_KEY);
    if (!marker[BROWSER_SESSION_KEY]) {
      await worker.forgetAllTabs();
      await browser.storage.session.set({ [BROWSER_SESSION_KEY]: now() });
    }
    await worker.resumeTimers();
  };
  const ready = storeReady.then((store) => {
    const worker: DraftWorker = new DraftWorker({
      store,
      playerNames: new PlayerNames(store, fetchTextFromWorker, now),
      pageFetch,
      tabs: createBrowserTabControl(browser, (tabId) => void worker.handleRecoveryInput(tabId, { type: 'timerFired' }), now),
      recoveryConfig: async () => recoveryConfigOf(await store.getMeta(SETTINGS_KEY)),
      now,
      random: Math.random,
      report,
    });
    return startSession(worker).then(() => worker);
  });
  const withWorker = (task: (worker: DraftWorker) => Promise<unknown>) =>
    ready.then(task).catch((error) => report('error', String(error)));

  // Listeners are registered synchronously at start-up, so an event that woke the worker is not lost.
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const parsed = workerMessageSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const message = parsed.data;
    // Only the extension's own pages may read the log, change settings or ask for a reload.
    const fromExtensionPage = sender.url?.startsWith(browser.runtime.getURL('/')) === true;
    if (message.type !== 'hook-batch' && message.type !== 'get-page-config' && !fromExtensionPage) return undefined;
    switch (message.type) {
      case 'hook-batch': {
        // The tab id comes from the browser, never from the page.
        const tabId = sender.tab?.id;
        if (tabId === undefined) return undefined;
        return ready.then((worker) => worker.handleHookBatch(tabId, message.page, message.items)).then(() => true);
      }
      case 'get-view':
        return ready.then((worker) => worker.getView(message.tabId));
      case 'reload-now':
        return withWorker((worker) => worker.handleRecoveryInput(message.tabId, { type: 'manualReloadRequested' })).then(() => true);
      case 'get-page-config':
        return storeReady.then(async (store) => ({ silence: silenceConfigOf(await store.getMeta(SETTINGS_KEY)) }));
      case 'set-settings':
        return storeReady.then((store) => store.setMeta(SETTINGS_KEY, message.settings)).then(() => true);
    }
  });

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
});
