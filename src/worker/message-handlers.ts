import type { WorkerHandlers } from './message-router';
import { redactHookItem } from '../contract/hook-items';
import { silenceConfigOf } from './settings';
import { settingsSchema } from '../contract/settings';
import type { RunningWorker } from './start-worker';

/** What the worker does for each runtime message; the router has already checked sender and request. */
export function createMessageHandlers({ ready, storeReady, withWorker }: Omit<RunningWorker, 'viewPorts'>): WorkerHandlers {
  return {
    'hook-batch': ({ page, items }, sender) => {
      // The tab id comes from the browser, never from the page.
      const tabId = sender.tabId;
      if (tabId === undefined) return undefined;
      // The router validated every item strictly; secrets a tampered page world let through go here.
      return ready.then((worker) => worker.handleHookBatch(tabId, page, items.map(redactHookItem))).then(() => true as const);
    },
    'get-view': ({ tabId, draftId }) => ready.then((worker) => worker.getView(tabId, draftId ?? null)),
    'list-drafts': () => ready.then((worker) => worker.listDrafts()),
    'export-capture': ({ draftId }) => ready.then((worker) => worker.exportCapture(draftId)),
    'reload-now': ({ tabId }) =>
      withWorker((worker) => worker.handleRecoveryInput(tabId, { type: 'manualReloadRequested' })).then(() => true as const),
    'get-page-config': () => storeReady.then(async (store) => ({ silence: silenceConfigOf(await store.getSettings()) })),
    // The store already dropped invalid fields; parsing fills the empty sections the reply promises.
    'get-settings': () => storeReady.then(async (store) => settingsSchema.parse(await store.getSettings())),
    'clear-drafts': () => ready.then((worker) => worker.clearStoredDrafts()),
    'set-settings': ({ settings }) => storeReady.then((store) => store.setSettings(settings)).then(() => true as const),
  };
}
