import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { gotoExtensionPage, launchFirefoxWithExtension, reloadExtensionPage, terminateBackground, type FirefoxInstall } from '../../support/firefox';
import type { ExtensionBrowser, LaunchContext, LaunchExtensionBrowser } from './extension-browser';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');

export interface FirefoxBrowserOptions {
  /** Default 'profile-xpi': installed like a user's add-on, so it survives a browser restart. */
  install?: FirefoxInstall;
  prefs?: Record<string, string | number | boolean>;
}

/** Waits for a download that was not in `before` to finish (Firefox writes `name.part` until then). */
async function waitForNewDownload(dir: string, before: ReadonlySet<string>, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const names = await readdir(dir);
    const pending = names.some((name) => name.endsWith('.part'));
    const fresh = names.find((name) => !before.has(name) && !name.endsWith('.part'));
    if (fresh && !pending && (await stat(join(dir, fresh))).size > 0) return fresh;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no download finished in ${dir} within ${timeoutMs} ms`);
}

/** Firefox ESR with the built extension, over puppeteer-core and WebDriver BiDi. */
export function firefoxLauncher(options: FirefoxBrowserOptions = {}): LaunchExtensionBrowser {
  return async ({ sim, profileDir, downloadsDir }: LaunchContext): Promise<ExtensionBrowser> => {
    if (sim.port !== 443) {
      throw new Error(`Firefox can only send ESPN's host names to 127.0.0.1:443, but the simulator is on port ${sim.port} (binding 443 needs root or CAP_NET_BIND_SERVICE).`);
    }
    const browser = await launchFirefoxWithExtension({
      extensionDir: FIREFOX_EXTENSION_DIR,
      profileDir,
      downloadsDir,
      install: options.install ?? 'profile-xpi',
      prefs: options.prefs,
    });
    const control: Page = await browser.newPage();
    await gotoExtensionPage(control, '/popup.html');
    const draftPage = async (): Promise<Page> => {
      const pages = await browser.pages();
      return pages.find((page) => /^https:\/\/fantasy\.espn\.com\/[a-z]+\/draft\?/.test(page.url())) ?? (await browser.newPage());
    };
    const clickControlButton = async (label: string): Promise<void> => {
      const button = await control.waitForSelector(`button::-p-text(${label})`, { timeout: 15_000 });
      await button!.click();
    };
    return {
      name: 'firefox',
      sendMessage: (message) =>
        control.evaluate((msg) => {
          const runtime = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime;
          return runtime.sendMessage(msg);
        }, message as never),
      async openDraftPage(url) {
        await (await draftPage()).goto(url);
      },
      reloadControl: () => reloadExtensionPage(control),
      clickControlButton,
      async exportFile(button) {
        const before = new Set(await readdir(downloadsDir));
        await clickControlButton(button);
        const name = await waitForNewDownload(downloadsDir, before);
        return { name, text: await readFile(join(downloadsDir, name), 'utf8') };
      },
      controlText: () => control.evaluate(() => document.body.innerText),
      async clearCookies() {
        await browser.deleteCookie(...(await browser.cookies()));
      },
      terminateBackground: () => terminateBackground(browser),
      close: () => browser.close(),
    };
  };
}
