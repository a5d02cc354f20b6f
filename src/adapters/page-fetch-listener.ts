import type { browser as extensionBrowser } from 'wxt/browser';
import { pageFetchRequestSchema } from '../contract/page-fetch';
import { fetchFromPage } from '../relay/page-fetch';

type Browser = typeof extensionBrowser;

/** Answers the worker's page-fetch requests from this draft tab; other messages are not ours to answer. */
export function answerPageFetches(browser: Browser, fetchImpl: typeof fetch): void {
  // The browser answers the sender with the promise the listener returns (undefined: not ours).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown) => {
    const request = pageFetchRequestSchema.safeParse(message);
    if (!request.success) return undefined;
    return fetchFromPage(request.data, fetchImpl);
  });
}
