import type { browser as extensionBrowser } from 'wxt/browser';
import { DraftStore } from '../store/draft-store';
import { fetchFromWorker } from '../adapters/worker-fetch';
import { createBrowserTabControl } from '../adapters/browser-tab-control';
import { createTabPageFetch } from '../adapters/tab-page-fetch';
import { oncePerBrowserSession } from '../adapters/browser-session';
import { DraftWorker } from './draft-worker';
import { PlayerNames } from '../lookups/player-names';
import type { Transports } from '../lookups/league-client';
import { connectionOptionsOf } from './settings';
import { paintBadge } from '../adapters/browser-badge';
import { badgeOf } from '../popup/badge';
import { createDraftTabProbe } from '../adapters/browser-draft-tabs';
import { reattachDraftTabs } from './reattach-tabs';
import { ViewPorts } from './view-ports';
import { createNotifier, preferencesOf, withFailureAlertSwitch } from './notifier';
import { notificationPreferencesItem, raisedNotificationsItem, RAISED_KEYS_KEPT } from '../adapters/preferences';
import { showAlert } from '../adapters/browser-alerts';

type Browser = typeof extensionBrowser;

type Report = (level: 'info' | 'warn' | 'error', message: string) => void;

/** The worker once its store is open and its timers re-armed; built synchronously, ready later. */
export interface RunningWorker {
  storeReady: Promise<DraftStore>;
  ready: Promise<DraftWorker>;
  /** Runs a task on the ready worker; a failure is reported, never thrown at a browser event. */
  withWorker: (task: (worker: DraftWorker) => Promise<unknown>) => Promise<unknown>;
  /** Popups following a draft live; each is pushed the view after every commit to its draft, and every change to the draft list. */
  viewPorts: ViewPorts;
}

export function startWorker(browser: Browser): RunningWorker {
  const now = () => Date.now();
  const report: Report = (level, message) => console[level](`Draft Watch: ${message}`);
  const pageFetch = createTabPageFetch(browser);
  const transports: Transports = { tab: (tabId) => (request) => pageFetch(tabId, request.url, request.headers, request.timeoutMs), worker: fetchFromWorker };
  const storeReady = DraftStore.open();
  const viewPorts = new ViewPorts(
    (tabId, chosenDraftId) => ready.then((worker) => worker.getView(tabId, chosenDraftId)),
    (message) => report('warn', message),
  );
  const ready = storeReady.then(async (store) => {
    const notify = createNotifier({
      readPreferences: () => notificationPreferencesItem.getValue(),
      readRaisedKeys: () => raisedNotificationsItem.getValue(),
      writeRaisedKeys: (keys) => raisedNotificationsItem.setValue(keys),
      readRecord: (draftId) => store.getDraft(draftId),
      show: (notification) => showAlert(browser, notification),
      keysKept: RAISED_KEYS_KEPT,
      report: (message) => report('warn', message),
    });
    const worker: DraftWorker = new DraftWorker({
      store,
      playerNames: new PlayerNames(store, transports, now),
      transports,
      tabs: withFailureAlertSwitch(
        createBrowserTabControl(browser, (tabId) => void worker.handleRecoveryInput(tabId, { type: 'timerFired' }), now),
        async () => preferencesOf(await notificationPreferencesItem.getValue()).recoveryFailed,
      ),
      connectionOptions: async () => connectionOptionsOf(await store.getSettings()),
      now,
      random: Math.random,
      report,
      source: `Draft Watch ${browser.runtime.getManifest().version}`,
      // Called once the commit is stored: the badge and every popup watching this draft show it.
      afterCommit: (tabId, committedAt, committed) =>
        void (committed ? Promise.resolve(committed) : worker.getView(tabId))
          .then((view) =>
            Promise.all([
              paintBadge(browser.action, tabId, badgeOf(view, { activeDraftTabId: tabId })),
              viewPorts.afterCommit(tabId, view?.draftId ?? null, view, committedAt),
              view ? notify(view) : undefined,
            ]),
          )
          .catch(() => undefined),
      afterDraftCommit: (draftId, committedAt) => void viewPorts.afterDraftCommit(draftId, committedAt),
      draftListChanged: (push) => viewPorts.tellDraftList(push),
    });
    // Old tab sessions must go before any recovery timer is re-armed against an id that now belongs to another tab.
    // storage.session is also emptied when the extension is updated or reloaded: then open draft
    // tabs hold orphaned content scripts and are re-attached (once per tab, never on a plain
    // worker restart, when the marker is still there).
    await oncePerBrowserSession(browser, now, async () => {
      await worker.forgetAllTabs();
      void reattachDraftTabs({
        probe: createDraftTabProbe(browser),
        followedDraft: async (draftId) => (await store.getDraft(draftId))?.state,
        report,
      }).catch((error) => report('warn', `could not re-attach draft tabs: ${String(error)}`));
    });
    await worker.resumeTimers();
    return worker;
  });
  const withWorker = (task: (worker: DraftWorker) => Promise<unknown>) => ready.then(task).catch((error) => report('error', String(error)));
  return { storeReady, ready, withWorker, viewPorts };
}
