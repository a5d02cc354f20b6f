import type { browser as extensionBrowser } from 'wxt/browser';

type Browser = typeof extensionBrowser;

const BROWSER_SESSION_KEY = 'browserSessionStartedAt';

/**
 * Runs `task` once per browser session: storage.session is empty after a browser restart, when
 * tab ids start over. The marker is written only after the task succeeded, so a failed task is
 * tried again when the worker next starts.
 */
export async function oncePerBrowserSession(browser: Browser, now: () => number, task: () => Promise<void>): Promise<void> {
  const marker = await browser.storage.session.get(BROWSER_SESSION_KEY);
  if (marker[BROWSER_SESSION_KEY]) return;
  await task();
  await browser.storage.session.set({ [BROWSER_SESSION_KEY]: now() });
}
