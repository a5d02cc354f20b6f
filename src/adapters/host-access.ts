import type { browser as extensionBrowser } from 'wxt/browser';
import { DRAFT_SITE_ORIGIN, REQUIRED_HOST_ORIGINS, describeMissingHosts, missingHosts, type RequiredHost } from '../contract/required-hosts';
import { isDraftRoomUrl } from '../contract/draft-page-url';

type Browser = typeof extensionBrowser;

/**
 * Firefox lets the user withhold or revoke host access per site (Chrome's "on click" site access
 * does the same), and without it neither content script runs. These wrap the permissions API.
 */
export async function findMissingHosts(browser: Browser): Promise<RequiredHost[]> {
  const granted = new Map<string, boolean>();
  for (const origin of REQUIRED_HOST_ORIGINS) granted.set(origin, await browser.permissions.contains({ origins: [origin] }));
  return missingHosts((origin) => granted.get(origin) === true);
}

/**
 * Asks the browser for the missing hosts. Browsers only show the prompt for a user gesture, so this
 * must be called straight from a click handler, before any other await.
 */
export function requestHosts(browser: Browser, hosts: readonly RequiredHost[]): Promise<boolean> {
  return browser.permissions.request({ origins: hosts.map((host) => host.origin) });
}

/**
 * Content scripts only run in pages loaded after access was granted, so an ESPN draft tab that was
 * already open is reloaded once: the draft room rejoins by itself, as it does after any reload.
 */
export async function reloadDraftTabsAfterGrant(browser: Browser): Promise<number> {
  const tabs = await browser.tabs.query({ url: 'https://fantasy.espn.com/*' });
  const draftTabs = tabs.filter((tab) => tab.id !== undefined && isDraftRoomUrl(tab.url));
  await Promise.all(draftTabs.map((tab) => browser.tabs.reload(tab.id!)));
  return draftTabs.length;
}

/**
 * Background start-up: says in the log when access is missing, and when the user grants the draft
 * site later, reloads open draft tabs so the extension starts following them without a manual reload.
 * The grant is judged from the event itself, so it works in a background that the grant just woke.
 */
export function watchHostAccess(browser: Browser, report: (level: 'info' | 'warn', message: string) => void): void {
  const logMissing = async (): Promise<void> => {
    const line = describeMissingHosts(await findMissingHosts(browser));
    if (line) report('warn', line);
  };
  void logMissing();
  browser.permissions.onRemoved.addListener(() => void logMissing());
  browser.permissions.onAdded.addListener((added) => {
    if (!added.origins?.includes(DRAFT_SITE_ORIGIN)) return;
    void reloadDraftTabsAfterGrant(browser).then((reloaded) =>
      report('info', `access to the draft site granted; reloaded ${reloaded} open draft tab(s)`),
    );
  });
}
