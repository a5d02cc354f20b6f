import type { browser as extensionBrowser } from 'wxt/browser';
import { relayPingSchema, type RelayPong } from '../contract/relay-ping';

type Browser = typeof extensionBrowser;

/** Answers the worker's relay ping from this draft tab; other messages are not ours to answer. */
export function answerRelayPings(browser: Browser, hookAttached: () => boolean): void {
  // The browser answers the sender with the promise the listener returns (undefined: not ours).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!relayPingSchema.safeParse(message).success) return undefined;
    const pong: RelayPong = { attached: hookAttached() };
    return Promise.resolve(pong);
  });
}
