import type { browser as extensionBrowser } from 'wxt/browser';
import { pageFetchResultSchema, type PageFetchRequest, type PageFetchResult } from '../contract/page-fetch';

type Browser = typeof extensionBrowser;

/** Asks the draft tab's content script to fetch from the page's origin (private leagues need its cookies). */
export function createTabPageFetch(browser: Browser) {
  return async (tabId: number, url: string, headers: Record<string, string>, timeoutMs: number): Promise<PageFetchResult> => {
    const request: PageFetchRequest = { type: 'page-fetch', url, headers, timeoutMs };
    const answer: unknown = await browser.tabs.sendMessage(tabId, request);
    const parsed = pageFetchResultSchema.safeParse(answer);
    return parsed.success ? parsed.data : { ok: false, error: 'network', message: 'the draft tab gave no usable answer' };
  };
}
