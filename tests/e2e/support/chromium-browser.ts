import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { extensionId, launchChromiumWithExtension, terminateServiceWorker } from '../../support/chromium';
import type { ExtensionBrowser, LaunchContext } from './extension-browser';

/** Chromium also hands out its control tab as a Playwright page, for popup tests that inspect it closely. */
export interface ChromiumExtensionBrowser extends ExtensionBrowser {
  readonly name: 'chromium';
  readonly control: Page;
}
import { exportFile } from './popup';

export const CHROMIUM_EXTENSION_DIR = resolve('.output/chrome-mv3');

/** Chromium with the built extension, over Playwright; the profile (and IndexedDB) survives a relaunch. */
export async function launchChromium({ sim, profileDir, downloadsDir }: LaunchContext): Promise<ChromiumExtensionBrowser> {
  const context: BrowserContext = await launchChromiumWithExtension({
    extensionDir: CHROMIUM_EXTENSION_DIR,
    userDataDir: profileDir,
    downloadsPath: downloadsDir,
    headless: true,
    hostResolverRules: sim.hostResolverRules,
  });
  return attachChromium(context, await extensionId(context));
}

/**
 * The extension running in an open Chromium, with a fresh control tab on its popup page. Also used
 * after the extension was reloaded: Chrome closes the old instance's pages.
 */
export async function attachChromium(context: BrowserContext, extId: string): Promise<ChromiumExtensionBrowser> {
  const control: Page = await context.newPage();
  await control.goto(`chrome-extension://${extId}/popup.html`);
  return {
    name: 'chromium',
    control,
    sendMessage: (message) =>
      control.evaluate((msg) => {
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
        return runtime.sendMessage(msg);
      }, message),
    async openDraftPage(url) {
      const draftPage = context.pages().find((page) => /^https:\/\/fantasy\.espn\.com\/[a-z]+\/draft\?/.test(page.url())) ?? (await context.newPage());
      await draftPage.goto(url);
    },
    async reloadControl() {
      await control.reload();
    },
    async clickControlButton(label) {
      await control.getByRole('button', { name: label }).click();
    },
    exportFile: (button) => exportFile(control, button),
    controlText: () => control.evaluate(() => document.body.innerText),
    clearCookies: () => context.clearCookies(),
    terminateBackground: () => terminateServiceWorker(context, extId),
    close: () => context.close(),
  };
}

/**
 * Reloads the unpacked extension as its "Reload" button on chrome://extensions does, which is what
 * an update does to a running extension: a new worker, and the old content scripts orphaned.
 * Developer mode goes on first, or Chromium keeps a reloaded unpacked extension disabled.
 */
export async function reloadExtension(context: BrowserContext, extId: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(async (id) => {
      type DeveloperPrivate = {
        updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
        reload(id: string, options: { failQuietly: boolean; populateErrorForUnpacked: boolean }): Promise<unknown>;
      };
      const developer = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
      await developer.updateProfileConfiguration({ inDeveloperMode: true });
      await developer.reload(id, { failQuietly: true, populateErrorForUnpacked: false });
    }, extId);
  } finally {
    await page.close().catch(() => undefined);
  }
}
