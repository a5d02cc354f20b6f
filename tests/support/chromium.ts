/**
 * Launching a real Chromium (Debian's /usr/bin/chromium here; playwright-core cannot download
 * browsers) with the extension loaded and ESPN's hosts mapped to the simulator.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
] as const;

export const CHROMIUM_INSTALL_HINT = [
  'No Chromium/Chrome found.',
  '  Debian/Ubuntu:  sudo apt-get install -y chromium',
  `  or point CHROME_PATH at a Chromium-based browser binary (looked in: ${CHROMIUM_CANDIDATES.join(', ')}).`,
  '  Note: branded Google Chrome 137+ ignores --load-extension; prefer Chromium.',
].join('\n');

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROME_PATH if set and executable, else the first usual install path that exists, else null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv && existsSync(fromEnv) && isExecutable(fromEnv)) return fromEnv;
  for (const p of CHROMIUM_CANDIDATES) if (existsSync(p) && isExecutable(p)) return p;
  return null;
}

/** Like findChromium, but throws an Error carrying install instructions. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const path = findChromium(env);
  if (!path) throw new Error(CHROMIUM_INSTALL_HINT);
  return path;
}

export interface LaunchOptions {
  /** Unpacked extension directory (absolute), e.g. `<repo>/.output/chrome-mv3`; omit for plain Chromium. */
  extensionDir?: string | null;
  /** Fresh profile directory (the caller creates and removes it). */
  userDataDir: string;
  /** Default: true when there is no $DISPLAY. Headless uses Chromium's new headless mode, which runs MV3 extensions. */
  headless?: boolean;
  /** From the simulator (`sim.hostResolverRules`). */
  hostResolverRules: string;
  executablePath?: string;
  extraArgs?: string[];
  /** Default 1280×900; null = window size. */
  viewport?: { width: number; height: number } | null;
  /** Where downloads land (Playwright otherwise uses a temp dir). */
  downloadsPath?: string;
}

/** The Chromium command-line flags used by launchChromiumWithExtension (also printed by the CLI). */
export function chromiumArgs(opts: Pick<LaunchOptions, 'extensionDir' | 'hostResolverRules' | 'extraArgs'>): string[] {
  const args = [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=${opts.hostResolverRules}`,
    '--ignore-certificate-errors',
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.unshift('--no-sandbox');
  if (opts.extensionDir) args.push(`--disable-extensions-except=${opts.extensionDir}`, `--load-extension=${opts.extensionDir}`);
  return [...args, ...(opts.extraArgs ?? [])];
}

export async function launchChromiumWithExtension(opts: LaunchOptions): Promise<BrowserContext> {
  const executablePath = opts.executablePath ?? requireChromium();
  if (opts.extensionDir && !existsSync(`${opts.extensionDir}/manifest.json`)) {
    throw new Error(`No built extension at ${opts.extensionDir} (run \`npm run build\` first).`);
  }
  const headless = opts.headless ?? !process.env.DISPLAY;
  return chromium.launchPersistentContext(opts.userDataDir, {
    executablePath,
    headless,
    acceptDownloads: true,
    ...(opts.downloadsPath ? { downloadsPath: opts.downloadsPath } : {}),
    viewport: opts.viewport === undefined ? { width: 1280, height: 900 } : opts.viewport,
    // Playwright disables extensions by default.
    ignoreDefaultArgs: opts.extensionDir ? ['--disable-extensions'] : [],
    args: chromiumArgs(opts),
  });
}

/** The extension id, read from its service worker's URL (waits for the worker to start). */
export async function extensionId(context: BrowserContext, timeoutMs = 20_000): Promise<string> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  const worker =
    existing ??
    (await context.waitForEvent('serviceworker', {
      timeout: timeoutMs,
      predicate: (w) => w.url().startsWith('chrome-extension://'),
    }));
  return new URL(worker.url()).host;
}

/** A browser-level CDP session (needed for Target.* on other targets). */
export async function browserCdpSession(context: BrowserContext): Promise<CDPSession> {
  const browser = context.browser();
  if (!browser) throw new Error('this context has no Browser handle; cannot open a browser CDP session');
  return browser.newBrowserCDPSession();
}

export interface ServiceWorkerTarget {
  targetId: string;
  url: string;
  /**
   * Terminates the worker like Chrome does when it idles out (Target.closeTarget), then waits
   * until the target is gone. Chrome restarts it on the next extension event.
   */
  terminate(timeoutMs?: number): Promise<void>;
}

/** The extension's running service worker as a CDP target, or null when it is not running. */
export async function serviceWorkerTarget(context: BrowserContext, extId: string): Promise<ServiceWorkerTarget | null> {
  const session = await browserCdpSession(context);
  const find = async (): Promise<{ targetId: string; url: string } | undefined> => {
    const { targetInfos } = await session.send('Target.getTargets');
    return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extId}/`));
  };
  const info = await find();
  if (!info) {
    await session.detach().catch(() => undefined);
    return null;
  }
  return {
    targetId: info.targetId,
    url: info.url,
    async terminate(timeoutMs = 10_000): Promise<void> {
      try {
        await session.send('Target.closeTarget', { targetId: info.targetId });
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const { targetInfos } = await session.send('Target.getTargets');
          if (!targetInfos.some((t) => t.targetId === info.targetId)) return;
          if (Date.now() > deadline) throw new Error(`service worker ${info.url} still running ${timeoutMs} ms after Target.closeTarget`);
          await new Promise((r) => setTimeout(r, 100));
        }
      } finally {
        await session.detach().catch(() => undefined);
      }
    },
  };
}

/**
 * Stops the extension's service worker if it runs, as Chrome does when it idles out, and
 * resolves true once the old instance is gone. Chrome keeps the same DevTools target for the
 * restarted worker, so "gone" is judged by a marker set in the old JS context disappearing.
 */
export async function terminateServiceWorker(context: BrowserContext, extId: string, timeoutMs = 10_000): Promise<boolean> {
  const running = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extId}/`));
  const target = await serviceWorkerTarget(context, extId);
  if (!target || !running) return false;
  const marker = `terminate-${Date.now()}-${Math.random()}`;
  await running.evaluate((value) => {
    (globalThis as { __terminationMarker?: string }).__terminationMarker = value;
  }, marker);
  const session = await browserCdpSession(context);
  try {
    await session.send('Target.closeTarget', { targetId: target.targetId });
  } finally {
    await session.detach().catch(() => undefined);
  }
  // A worker with work to do is restarted at once (a fresh context without the marker); an idle one
  // stays stopped and never answers. Either way the old instance is gone.
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const current = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extId}/`));
    if (!current) return true;
    const seen = await Promise.race([
      current.evaluate(() => (globalThis as { __terminationMarker?: string }).__terminationMarker ?? null).catch(() => 'error'),
      new Promise<string>((resolve) => setTimeout(() => resolve('stopped'), 1500)),
    ]);
    if (seen === 'stopped' || (seen !== marker && seen !== 'error')) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`service worker ${target.url} still running ${timeoutMs} ms after Target.closeTarget`);
}
