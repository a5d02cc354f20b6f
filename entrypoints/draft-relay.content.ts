import { browser } from 'wxt/browser';
import { readDraftPageContext } from '../src/contract/draft-page-url';
import { attachRelay } from '../src/relay/attach-relay';
import { answerPageFetches } from '../src/adapters/page-fetch-listener';

// Isolated world: the only bridge between the page hook and the worker.
export default defineContentScript({
  matches: ['https://fantasy.espn.com/*/draft*'],
  runAt: 'document_start',
  main() {
    const page = readDraftPageContext(location.href);
    if (page === null) return;
    attachRelay(document, page);
    answerPageFetches(browser, fetch);
  },
});
