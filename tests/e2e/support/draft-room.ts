/**
 * E2E fixture: a simulated draft room + a real Chromium (optionally with the built extension)
 * pointed at it, with the draft page open. Everything is torn down afterwards.
 *
 *   await withDraftRoom({ sim: { teams: 10, rounds: 16 } }, async (room) => {
 *     await room.sim.whenComplete();
 *     const popup = await room.openPopup();
 *     …
 *   });
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { startSimulator, type PageUrlOptions, type Simulator, type SimulatorOptions } from '../../sim/index';
import { extensionId as readExtensionId, launchChromiumWithExtension, terminateServiceWorker } from '../../support/chromium';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const BUILT_EXTENSION_DIR = join(REPO_ROOT, '.output', 'chrome-mv3');
export const ARTIFACTS_DIR = join(REPO_ROOT, 'tests', '.artifacts');

/** A fast pace that still looks like ESPN: 10 teams × 16 rounds in well under a minute. */
export const E2E_PACE: SimulatorOptions = {
  port: 0,
  pickIntervalMs: 120,
  clockTickMs: 250,
  preDraftMs: 1_500,
  pongDelayMs: 20,
};

export interface DraftRoomOptions {
  /** Merged over E2E_PACE. The draft countdown starts once the draft page has loaded. */
  sim?: SimulatorOptions;
  /** true (default): the built extension in .output/chrome-mv3; a path: that unpacked extension; false: none. */
  extension?: boolean | string;
  headless?: boolean;
  /** Draft page query additions, e.g. { simPingMs: 1000, simReconnect: 'never' }. */
  page?: PageUrlOptions;
  /** Open the draft page (default true). */
  openDraftPage?: boolean;
  /** Called with the draft page before it navigates (attach request/websocket listeners here). */
  beforeNavigate?: (page: Page) => void | Promise<void>;
  /** Name for a failure screenshot in tests/.artifacts/ (default: none). */
  artifactName?: string;
}

export interface DraftRoom {
  sim: Simulator;
  context: BrowserContext;
  /** The draft page (null with openDraftPage: false). */
  page: Page;
  extensionId: string | null;
  userDataDir: string;
  downloadsDir: string;
  /** Uncaught errors from the draft page. */
  pageErrors: string[];
  /** Opens chrome-extension://<id>/popup.html in a new tab. */
  openPopup(): Promise<Page>;
  /** Terminates the extension's service worker (as Chrome does on idle). */
  terminateServiceWorker(): Promise<boolean>;
  /** Picks shown on the draft page's board. */
  boardPickCount(): Promise<number>;
  /** Waits until the draft page's board shows at least n picks. */
  waitForBoard(n: number, timeoutMs?: number): Promise<void>;
}

export async function openDraftRoom(opts: DraftRoomOptions = {}): Promise<DraftRoom & { close(): Promise<void> }> {
  const sim = await startSimulator({ ...E2E_PACE, ...opts.sim, autoStart: false });
  const userDataDir = mkdtempSync(join(tmpdir(), 'draft-watch-profile-'));
  const downloadsDir = mkdtempSync(join(tmpdir(), 'draft-watch-downloads-'));
  const extensionDir = opts.extension === false ? null : typeof opts.extension === 'string' ? opts.extension : BUILT_EXTENSION_DIR;
  let context: BrowserContext | null = null;
  const cleanup = async (): Promise<void> => {
    await context?.close().catch(() => undefined);
    await sim.close();
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(downloadsDir, { recursive: true, force: true });
  };
  try {
    context = await launchChromiumWithExtension({
      extensionDir,
      userDataDir,
      downloadsPath: downloadsDir,
      headless: opts.headless,
      hostResolverRules: sim.hostResolverRules,
    });
    const ctx = context;
    const extId = extensionDir ? await readExtensionId(ctx) : null;
    const pageErrors: string[] = [];
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    if (opts.openDraftPage !== false) {
      await opts.beforeNavigate?.(page);
      await page.goto(sim.draftPageUrlFor(opts.page));
      await page.waitForFunction(() => document.body.dataset.socket === 'open' || document.body.dataset.state === 'error');
      const state = await page.evaluate(() => document.body.dataset.state);
      if (state === 'error') throw new Error(`draft page failed: ${await page.evaluate(() => document.body.dataset.error)}`);
    }
    sim.start();
    const room: DraftRoom & { close(): Promise<void> } = {
      sim,
      context: ctx,
      page,
      extensionId: extId,
      userDataDir,
      downloadsDir,
      pageErrors,
      async openPopup() {
        if (!extId) throw new Error('no extension loaded');
        const popup = await ctx.newPage();
        await popup.goto(`chrome-extension://${extId}/popup.html`);
        return popup;
      },
      async terminateServiceWorker() {
        if (!extId) throw new Error('no extension loaded');
        return terminateServiceWorker(ctx, extId);
      },
      boardPickCount: () => page.evaluate(() => Number(document.body.dataset.picks ?? 0)),
      async waitForBoard(n, timeoutMs = 60_000) {
        await page.waitForFunction((want) => Number(document.body.dataset.picks ?? 0) >= want, n, { timeout: timeoutMs });
      },
      close: cleanup,
    };
    return room;
  } catch (err) {
    await cleanup();
    throw err;
  }
}

export async function withDraftRoom<T>(opts: DraftRoomOptions, fn: (room: DraftRoom) => Promise<T>): Promise<T> {
  const room = await openDraftRoom(opts);
  try {
    return await fn(room);
  } catch (err) {
    if (opts.artifactName) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      for (const [i, p] of room.context.pages().entries()) {
        await p.screenshot({ path: join(ARTIFACTS_DIR, `${opts.artifactName}-${i}.png`) }).catch(() => undefined);
      }
    }
    throw err;
  } finally {
    await room.close();
  }
}
