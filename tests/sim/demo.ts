/**
 * `npm run demo` (after `npm run build`): a simulated draft at a watchable pace in a real
 * Chromium with the built extension, the draft page in one tab and the extension popup in
 * another. With a display it stays open until Ctrl-C; headless (no $DISPLAY) it prints progress,
 * screenshots the popup into tests/.artifacts/ and exits when the draft is over.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_INSTALL_HINT, extensionId, findChromium, launchChromiumWithExtension } from '../support/chromium';
import { startSimulator, type Simulator } from './index';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const EXTENSION_DIR = join(REPO, '.output', 'chrome-mv3');
const ARTIFACTS = join(REPO, 'tests', '.artifacts');

const envNum = (name: string, fallback: number): number => {
  const n = Number(process.env[name]);
  return process.env[name] && Number.isFinite(n) ? n : fallback;
};
/** Watchable by default; DEMO_TEAMS / DEMO_ROUNDS / DEMO_PICK_MS / DEMO_PRE_DRAFT_MS override it. */
const PACE = {
  teams: envNum('DEMO_TEAMS', 10),
  rounds: envNum('DEMO_ROUNDS', 16),
  pickIntervalMs: envNum('DEMO_PICK_MS', 3_000),
  clockTickMs: 5_000,
  preDraftMs: envNum('DEMO_PRE_DRAFT_MS', 20_000),
};

async function main(): Promise<number> {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    console.error(CHROMIUM_INSTALL_HINT);
    return 1;
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`No built extension in ${EXTENSION_DIR}. Run \`npm run build\` (npm run demo does this for you).`);
    return 1;
  }
  const headless = !process.env.DISPLAY;
  const sim = await startSimulator({
    ...PACE,
    seed: process.env.DEMO_SEED ?? 'demo',
    autoStart: false,
    log: (m) => console.log(`[sim] ${m}`),
  });
  const userDataDir = mkdtempSync(join(tmpdir(), 'draft-watch-demo-'));
  let context: BrowserContext | null = null;
  let cleanup: Promise<void> | null = null;
  // Re-entrant: closing the context fires its 'close' handler, which calls this again.
  const shutdown = async (code: number): Promise<never> => {
    cleanup ??= (async () => {
      await context?.close().catch(() => undefined);
      await sim.close();
      rmSync(userDataDir, { recursive: true, force: true });
    })();
    await cleanup;
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  console.log(`Chromium: ${chromiumPath} (${headless ? 'headless: no $DISPLAY' : 'headed'})`);
  console.log(`Simulator: 127.0.0.1:${sim.port}; host rules: ${sim.hostResolverRules}`);
  context = await launchChromiumWithExtension({
    executablePath: chromiumPath,
    extensionDir: EXTENSION_DIR,
    userDataDir,
    headless,
    hostResolverRules: sim.hostResolverRules,
    viewport: headless ? { width: 1280, height: 900 } : null,
  });
  context.on('close', () => void shutdown(0));
  const extId = await extensionId(context);
  console.log(`Extension id: ${extId}`);

  const draftPage = context.pages()[0] ?? (await context.newPage());
  await draftPage.goto(sim.draftPageUrl);
  sim.start();
  console.log(`Draft page: ${sim.draftPageUrl}`);

  const popup = await context.newPage();
  const popupUrl = `chrome-extension://${extId}/popup.html`;
  if (!existsSync(join(EXTENSION_DIR, 'popup.html'))) console.warn(`warning: the build has no popup.html yet; ${popupUrl} will not load`);
  await popup.goto(popupUrl).catch((err: unknown) => console.warn(`warning: could not open the popup: ${String(err)}`));
  console.log(`Popup: ${popupUrl}`);
  console.log(`The draft starts in ${PACE.preDraftMs / 1000} s: ${PACE.teams} teams × ${PACE.rounds} rounds, a pick every ~${PACE.pickIntervalMs / 1000} s.`);

  const report = setInterval(() => void progress(sim, draftPage, popup).then((line) => console.log(line)), headless ? 5_000 : 15_000);
  await sim.whenComplete();
  // Give the extension a moment to record the last pick and the end of the draft.
  await new Promise((r) => setTimeout(r, 3_000));
  clearInterval(report);
  console.log(await progress(sim, draftPage, popup));
  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = join(ARTIFACTS, 'demo-popup.png');
  await popup.reload().catch(() => undefined);
  await popup.waitForTimeout(1_000);
  await popup.screenshot({ path: shot, fullPage: true }).catch((err: unknown) => console.warn(`warning: popup screenshot failed: ${String(err)}`));
  await draftPage.screenshot({ path: join(ARTIFACTS, 'demo-draft-page.png') }).catch(() => undefined);
  console.log(`Draft complete: ${sim.truth().length} picks. Popup screenshot: ${shot}`);
  if (headless) return shutdown(0);
  console.log('Browser stays open; press Ctrl-C to quit.');
  return new Promise<number>(() => undefined);
}

async function progress(sim: Simulator, draftPage: Page, popup: Page): Promise<string> {
  const board = await draftPage.evaluate(() => document.body.dataset.picks ?? '?').catch(() => '?');
  const status = await popup.locator('[data-testid="draft-status"]').first().innerText({ timeout: 500 }).catch(() => '?');
  const count = await popup.locator('[data-testid="pick-count"]').first().innerText({ timeout: 500 }).catch(() => '?');
  return `[demo] ${sim.state}: ${sim.truth().length}/${sim.totalPicks} picks made · draft page shows ${board} · popup: status ${status.trim()}, picks ${count.trim()}`;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
