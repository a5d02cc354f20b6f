import type { browser as extensionBrowser } from 'wxt/browser';
import type { MessageSender } from '../contract/messages';

type Browser = typeof extensionBrowser;

/** Hands every runtime message to `route`, with the sender as the browser reports it (never as the message claims). */
export function listenForWorkerMessages(browser: Browser, route: (raw: unknown, sender: MessageSender) => Promise<unknown> | undefined): void {
  const extensionOrigin = browser.runtime.getURL('/');
  // The browser answers the sender with the promise the listener returns (undefined: no answer).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((raw: unknown, sender) =>
    route(raw, { fromExtensionPage: sender.url?.startsWith(extensionOrigin) === true, tabId: sender.tab?.id }),
  );
}
