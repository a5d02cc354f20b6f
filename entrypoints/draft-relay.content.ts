import { browser } from 'wxt/browser';
import { readDraftPageContext } from '../src/contract/draft-page-url';
import { attachRelay } from '../src/relay/attach-relay';
import { answerPageFetches } from '../src/adapters/page-fetch-listener';
import { answerRelayPings } from '../src/adapters/relay-ping-listener';

// Isolated world: the only bridge between the page hook and the worker.
export default defineContentScript({
  matches: ['https://fantasy.espn.com/*/draft*'],
  runAt: 'document_start',
  main() {
    const page = readDraftPageContext(location.href);
    if (page === null) return;
    const hookAttached = attachRelay(document, page);
    answerPageFetches(browser, fetch);
    answerRelayPings(browser, hookAttached);
  },
});
