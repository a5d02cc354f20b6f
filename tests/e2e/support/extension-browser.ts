/**
 * What the end-to-end scenarios need from a browser running the built extension, so the same
 * scenario runs in Chromium (Playwright over CDP) and Firefox (puppeteer-core over WebDriver BiDi).
 * Each browser keeps one "control" tab on the extension's popup page, as a user's open popup.
 */
import type { Simulator } from '../../sim/index';

export type BrowserName = 'chromium' | 'firefox';

export interface ExportedFile {
  name: string;
  text: string;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** Sends a runtime message from the control tab, as the popup does. */
  sendMessage(message: unknown): Promise<unknown>;
  /** Opens the draft room in its tab (reusing the draft tab if one is open). */
  openDraftPage(url: string): Promise<void>;
  /** Reloads the control tab, so the popup renders from scratch. */
  reloadControl(): Promise<void>;
  /** Clicks the control tab's button with this label (a real click, so it counts as a user gesture). */
  clickControlButton(label: string): Promise<void>;
  /** Clicks an export button in the control tab and returns the downloaded file. */
  exportFile(button: 'Export JSON' | 'Export CSV'): Promise<ExportedFile>;
  /** The control tab's visible text. */
  controlText(): Promise<string>;
  /** Forgets every cookie, as logging out of ESPN in another tab does. */
  clearCookies(): Promise<void>;
  /** Stops the background (service worker or event page) as the browser does on idle; true once it was running and is gone. */
  terminateBackground(): Promise<boolean>;
  /** Closes the browser; the profile stays for a relaunch. */
  close(): Promise<void>;
}

export interface LaunchContext {
  sim: Simulator;
  /** Profile directory, kept across a relaunch (the caller removes it). */
  profileDir: string;
  /** Downloads land here. */
  downloadsDir: string;
}

export type LaunchExtensionBrowser = (context: LaunchContext) => Promise<ExtensionBrowser>;
