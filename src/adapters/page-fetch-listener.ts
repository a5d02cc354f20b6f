import type { browser as extensionBrowser } from 'wxt/browser';
import { pageFetchRequestSchema } from '../contract/page-fetch';
import { fetchFromPage } from '../relay/page-fetch';

type Browser = typeof extensionBrowser;

/** Answers the worker's page-fetch requests from this draft tab; other messages are not ours to answer. */
export function answerPageFetches(browser: Browser, fetchImpl: typeof fetch): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    const request = pageFetchRequestSchema.safeParse(message);
    if (!request.success) return undefined;
    return fetchFromPage(request.data, fetchImpl);
  });
}
