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
  const extId = await extensionId(context);
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
