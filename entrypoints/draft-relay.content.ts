import { browser } from 'wxt/browser';
import { startRelay } from '../src/relay/relay';
import { readDraftPageContext } from '../src/contract/draft-page-url';
import { pageFetchRequestSchema } from '../src/contract/page-fetch';
import { fetchFromPage } from '../src/relay/page-fetch';
import { SILENCE_CONFIG_EVENT } from '../src/contract/page-events';

// Isolated world: the only bridge between the page hook and the worker.
export default defineContentScript({
  matches: ['https://fantasy.espn.com/*/draft*'],
  runAt: 'document_start',
  main() {
    const page = readDraftPageContext(location.href);
    if (page === null) return;
    startRelay({
      target: document,
      page,
      deliver: async (context, items) => {
        await browser.runtime.sendMessage({ type: 'hook-batch', page: context, items });
      },
      warn: (message) => console.warn(message),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      contextValid: () => browser.runtime?.id !== undefined,
    });
    // The hook starts with the documented defaults; the user's thresholds follow as soon as the worker answers.
    void browser.runtime
      .sendMessage({ type: 'get-page-config' })
      .then((config: unknown) => {
        const silence = (config as { silence?: unknown } | undefined)?.silence;
        if (silence) document.dispatchEvent(new CustomEvent(SILENCE_CONFIG_EVENT, { detail: JSON.stringify(silence) }));
      })
      .catch(() => undefined);
    browser.runtime.onMessage.addListener((message: unknown) => {
      const request = pageFetchRequestSchema.safeParse(message);
      if (!request.success) return undefined;
      return fetchFromPage(request.data, fetch);
    });
  },
});
