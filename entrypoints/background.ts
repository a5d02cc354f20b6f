import { browser } from 'wxt/browser';
import '../src/zod-setup';
import { DraftStore } from '../src/adapters/store';
import { fetchTextFromWorker } from '../src/adapters/worker-fetch';
import { pageFetchResultSchema, workerMessageSchema, type PageFetchResult } from '../src/messaging/messages';
import { DraftWorker } from '../src/worker/draft-worker';
import { PlayerNames } from '../src/worker/player-names';

export default defineBackground(() => {
  const now = () => Date.now();
  const report = (level: 'info' | 'warn' | 'error', message: string) => console[level](`Draft Watch: ${message}`);
  const pageFetch = async (tabId: number, url: string, headers: Record<string, string>, timeoutMs: number): Promise<PageFetchResult> => {
    const answer: unknown = await browser.tabs.sendMessage(tabId, { type: 'page-fetch', url, headers, timeoutMs });
    const parsed = pageFetchResultSchema.safeParse(answer);
    return parsed.success ? parsed.data : { ok: false, error: 'network', message: 'the draft tab gave no usable answer' };
  };
  // Listeners must be registered synchronously at start-up, so a message that woke the worker is not lost.
  const ready = DraftStore.open().then((store) => new DraftWorker({ store, playerNames: new PlayerNames(store, fetchTextFromWorker, now), pageFetch, now, report }));

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const parsed = workerMessageSchema.safeParse(raw);
    if (!parsed.success) {
      report('warn', `ignored an invalid message: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return undefined;
    }
    const message = parsed.data;
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
        return undefined;
    }
  });
});
