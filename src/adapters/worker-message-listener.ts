import type { browser as extensionBrowser } from 'wxt/browser';
import { routeWorkerMessage, type WorkerHandlers } from '../worker/message-router';

type Browser = typeof extensionBrowser;

/** Feeds every runtime message to the router, with the sender as the browser reports it. */
export function listenForWorkerMessages(browser: Browser, handlers: WorkerHandlers): void {
  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((raw: unknown, sender) =>
    routeWorkerMessage(raw, { fromExtensionPage: sender.url?.startsWith(extensionOrigin) === true, tabId: sender.tab?.id }, handlers),
  );
}
