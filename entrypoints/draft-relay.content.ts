import { browser } from 'wxt/browser';
import { startRelay } from '../src/relay/relay';
import { acceptHookChannel } from '../src/relay/relay-channel';
import { readDraftPageContext } from '../src/contract/draft-page-url';
import { forwardPageConfig } from '../src/relay/forward-page-config';
import { sendToWorker } from '../src/adapters/send-to-worker';
import { answerPageFetches } from '../src/adapters/page-fetch-listener';

// Isolated world: the only bridge between the page hook and the worker.
export default defineContentScript({
  matches: ['https://fantasy.espn.com/*/draft*'],
  runAt: 'document_start',
  main() {
    const page = readDraftPageContext(location.href);
    if (page === null) return;
    // Synchronous, at document_start: the hook's private port arrives before any page script runs.
    acceptHookChannel(document, (port) => {
      const relay = startRelay({
        page,
        deliver: async (context, items) => {
          await sendToWorker('hook-batch', { page: context, items });
        },
        warn: (message) => console.warn(message),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        contextValid: () => browser.runtime?.id !== undefined,
      });
      port.onmessage = (event: MessageEvent<unknown>) => {
        relay.receive(event.data);
        if (!relay.running) port.close();
      };
      void forwardPageConfig(port, () => sendToWorker('get-page-config', {}));
    });
    answerPageFetches(browser, fetch);
  },
});
