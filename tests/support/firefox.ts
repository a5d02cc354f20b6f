/**
 * Launching Firefox ESR (Debian's /usr/bin/firefox-esr) with the extension, driven by
 * puppeteer-core over WebDriver BiDi, with every host name resolved to the loopback simulator.
 *
 * Firefox has no per-host resolver rules: `network.dns.forceResolve` sends every name to
 * 127.0.0.1, so the simulator must listen on 443 (it does by default when it can).
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'] as const;

export const FIREFOX_INSTALL_HINT = [
  'No Firefox found.',
  '  Debian/Ubuntu:  sudo apt-get install -y firefox-esr',
  `  or point FIREFOX_PATH at a Firefox binary (looked in: ${FIREFOX_CANDIDATES.join(', ')}).`,
  '  Release Firefox refuses unsigned extensions; the browser-restart test needs ESR, Developer Edition or Nightly.',
].join('\n');

/** The extension's Gecko id, from wxt.config.ts. */
export const GECKO_ID = 'draft-watch@draft-watch.dev';
/** Preset as the extension's internal UUID, so its pages have a known moz-extension:// address. */
export const EXTENSION_UUID = '6d1f4a8e-3c2b-4f5e-9a7d-0b1c2d3e4f50';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** FIREFOX_PATH if set and executable, else the first usual install path that exists. */
export function requireFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.FIREFOX_PATH?.trim();
  if (fromEnv && isExecutable(fromEnv)) return fromEnv;
  const found = FIREFOX_CANDIDATES.find((path) => existsSync(path) && isExecutable(path));
  if (!found) throw new Error(FIREFOX_INSTALL_HINT);
  return found;
}

/**
 * How the extension gets into Firefox.
 * - 'temporary': as `about:debugging` loads it during development; gone when Firefox closes.
 * - 'profile-xpi': an unsigned XPI in the profile's extensions folder, installed at start-up and kept
 *   across restarts, as a user's installed add-on is (ESR accepts it with signatures not required).
 */
export type FirefoxInstall = 'temporary' | 'profile-xpi';

export interface FirefoxLaunchOptions {
  /** Unpacked Firefox build, e.g. `<repo>/.output/firefox-mv3`. */
  extensionDir: string;
  /** Profile directory (the caller creates and removes it); reused by a relaunch. */
  profileDir: string;
  install: FirefoxInstall;
  /** Where downloads land without a dialog. */
  downloadsDir: string;
  /** Extra preferences, e.g. to withhold host access at install. */
  prefs?: Record<string, string | number | boolean>;
  headless?: boolean;
}

/** Packs the unpacked build as an XPI (a zip) with web-ext, into `<profile>/extensions/<gecko id>.xpi`. */
export function placeXpiInProfile(extensionDir: string, profileDir: string): string {
  const extensionsDir = join(profileDir, 'extensions');
  const scratch = join(profileDir, 'xpi-build');
  mkdirSync(extensionsDir, { recursive: true });
  const webExt = resolve('node_modules/.bin/web-ext');
  execFileSync(webExt, ['build', '--source-dir', extensionDir, '--artifacts-dir', scratch, '--filename', 'extension.xpi', '--overwrite-dest', '--no-config-discovery'], {
    stdio: 'pipe',
  });
  const target = join(extensionsDir, `${GECKO_ID}.xpi`);
  rmSync(target, { force: true });
  execFileSync('mv', [join(scratch, 'extension.xpi'), target]);
  rmSync(scratch, { recursive: true, force: true });
  return target;
}

export function firefoxPrefs(opts: Pick<FirefoxLaunchOptions, 'downloadsDir' | 'prefs'>): Record<string, string | number | boolean> {
  return {
    // Every host name goes to the simulator; nothing reaches the real internet.
    'network.dns.forceResolve': '127.0.0.1',
    'network.trr.mode': 5,
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    // ESR installs an unsigned XPI found in the profile, and enables it without asking.
    'xpinstall.signatures.required': false,
    'extensions.autoDisableScopes': 0,
    'extensions.enabledScopes': 15,
    // Exports are saved straight to the downloads folder.
    'browser.download.folderList': 2,
    'browser.download.dir': opts.downloadsDir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    ...opts.prefs,
  };
}

export async function launchFirefoxWithExtension(opts: FirefoxLaunchOptions): Promise<Browser> {
  if (!existsSync(join(opts.extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${opts.extensionDir} (run \`npm run build:firefox\` first).`);
  }
  if (opts.install === 'profile-xpi') placeXpiInProfile(opts.extensionDir, opts.profileDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: requireFirefox(),
    headless: opts.headless ?? true,
    userDataDir: opts.profileDir,
    acceptInsecureCerts: true,
    // BiDi may only navigate to moz-extension:// pages and reach the browser's own window with this.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: firefoxPrefs(opts),
  });
  if (opts.install === 'temporary') await browser.installExtension(opts.extensionDir);
  return browser;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** puppeteer-core's BiDi connection, for the commands it does not wrap. */
function bidi(browser: Browser): BidiConnection {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('this puppeteer Browser has no WebDriver BiDi connection');
  return connection;
}

function contextIdOf(page: Page): string {
  const id = (page.mainFrame() as unknown as { _id?: string })._id;
  if (!id) throw new Error('no BiDi browsing context id for this page');
  return id;
}

/**
 * Navigates to a moz-extension:// page. puppeteer's goto never sees such a navigation finish,
 * so the BiDi command is sent directly and waits for the load.
 */
export async function gotoExtensionPage(page: Page, path: string): Promise<void> {
  await bidi(page.browser()).send('browsingContext.navigate', { context: contextIdOf(page), url: `${EXTENSION_ORIGIN}${path}`, wait: 'complete' });
}

export async function reloadExtensionPage(page: Page): Promise<void> {
  await bidi(page.browser()).send('browsingContext.reload', { context: contextIdOf(page), wait: 'complete' });
}

/**
 * Stops the extension's background page as Firefox does when it idles, through the browser's own
 * window (as about:debugging's "Terminate background script" does). Resolves true when it ran and
 * is now stopped; the next extension event starts it again.
 */
export async function terminateBackground(browser: Browser): Promise<boolean> {
  const connection = bidi(browser);
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })).result as { contexts: { context: string }[] };
  const chromeWindow = tree.contexts[0]?.context;
  if (!chromeWindow) throw new Error('no browser window visible over BiDi (is --remote-allow-system-access set?)');
  const expression = `(async () => {
    const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)})?.extension;
    if (!extension) return 'not installed';
    const before = extension.backgroundState;
    await extension.terminateBackground({ disableResetIdleForTest: true });
    return before + '>' + extension.backgroundState;
  })()`;
  const answer = (await connection.send('script.evaluate', { target: { context: chromeWindow }, expression, awaitPromise: true })).result as {
    type: string;
    result?: { value?: string };
    exceptionDetails?: { text?: string };
  };
  if (answer.type !== 'success') throw new Error(`terminating the background failed: ${answer.exceptionDetails?.text ?? 'unknown error'}`);
  return answer.result?.value === 'running>stopped';
}
