import type { browser as extensionBrowser } from 'wxt/browser';
import { isDraftRoomPath } from '../contract/draft-page-url';
import { relayPongSchema, type RelayPing } from '../contract/relay-ping';
import type { DraftTabProbe, RelayAnswer } from './draft-tab-probe';

type Browser = typeof extensionBrowser;

/** How long a live relay gets to answer; a frozen tab that says nothing is as blind as an orphaned one. */
const PING_TIMEOUT_MS = 3_000;

/** The draft room tabs the browser shows, and a ping to each one's relay. */
export function createDraftTabProbe(browser: Browser): DraftTabProbe {
  return {
    async listDraftTabs() {
      const tabs = await browser.tabs.query({ url: 'https://fantasy.espn.com/*/draft*' });
      return tabs.flatMap((tab) => (tab.id !== undefined && isDraftRoomPath(tab.url) ? [{ tabId: tab.id, url: tab.url! }] : []));
    },
    async pingRelay(tabId): Promise<RelayAnswer> {
      const ping: RelayPing = { type: 'relay-ping' };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'no-answer'>((resolve) => (timer = setTimeout(() => resolve('no-answer'), PING_TIMEOUT_MS)));
      // No receiver ("Could not establish connection") rejects at once: the relay is gone.
      const asked = browser.tabs.sendMessage(tabId, ping).then(
        (answer: unknown) => {
          const pong = relayPongSchema.safeParse(answer);
          return pong.success ? (pong.data.attached ? 'attached' : 'detached') : 'no-answer';
        },
        () => 'no-answer' as const,
      );
      try {
        return await Promise.race([asked, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async reload(tabId) {
      await browser.tabs.reload(tabId);
    },
  };
}
