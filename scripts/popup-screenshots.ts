/**
 * Screenshots of the popup during a simulated draft, for the README (docs/screenshots/*.png).
 * Builds nothing: run `npx wxt build` first. Uses the simulator on port 443, so like the e2e
 * suite it runs alone:  flock /tmp/e2e.lock node --import tsx scripts/popup-screenshots.ts
 *
 * The popup is opened as an extension page in a tab and only its <main> is captured, so each
 * picture is exactly what the toolbar popup shows. It also prints the popup's rendered size,
 * which must stay within Chrome's 800 × 600 popup limit.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { extensionId, launchChromiumWithExtension } from '../tests/support/chromium';
import { startSimulator } from '../tests/sim/index';
import type { DraftView } from '../src/contract/draft-view';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const EXTENSION_DIR = join(REPO, '.output', 'chrome-mv3');
const OUT_DIR = join(REPO, 'docs', 'screenshots');
/** Quick recovery so the drop heals within the run; sent through the extension's own settings message. */
const FAST_RECOVERY = {
  recovery: { graceMs: 3000, espnSocketInitTimeoutMs: 4000, reloadTimeoutMs: 8000, backoffBaseMs: 1000, backoffMinMs: 500, backoffCapMs: 4000, maxAttempts: 8 },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function send(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((msg) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(msg), message);
}

async function waitFor(what: string, test: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function shoot(popup: Page, name: string): Promise<void> {
  // The popup refreshes once a second; let the latest state land before the picture.
  await sleep(1_300);
  const size = await popup.evaluate(() => {
    const main = document.querySelector('main')!.getBoundingClientRect();
    return { width: Math.ceil(main.width), height: Math.ceil(main.height) };
  });
  await popup.locator('main').screenshot({ path: join(OUT_DIR, `${name}.png`) });
  const fits = size.width <= 800 && size.height <= 600;
  console.log(`${name}.png: ${size.width} × ${size.height}${fits ? '' : '  (LARGER THAN 800 × 600)'}`);
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const sim = await startSimulator({ seed: 'screenshots', teams: 10, rounds: 15, pickIntervalMs: 700, clockTickMs: 1000, preDraftMs: 1500, autoStart: false });
  const context = await launchChromiumWithExtension({ extensionDir: EXTENSION_DIR, userDataDir: '', headless: true, hostResolverRules: sim.hostResolverRules, viewport: { width: 800, height: 600 } });
  try {
    const extId = await extensionId(context);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extId}/popup.html`);
    await send(popup, { type: 'set-settings', settings: FAST_RECOVERY });
    await shoot(popup, 'popup-empty');

    const view = async () => (await send(popup, { type: 'get-view', tabId: null })) as DraftView | null;
    const draftPage = await context.newPage();
    await draftPage.goto(sim.draftPageUrlFor({ query: { simPingMs: 2000 } }));
    await waitFor('the draft socket', () => Promise.resolve(sim.connections >= 1));
    sim.start();
    await waitFor('24 picks', async () => ((await view())?.state.picks.length ?? 0) >= 24);

    sim.faults.drop(1006);
    await waitFor('the drop to show', async () => (await view())?.connection?.incident != null, 20_000);
    await popup.bringToFront();
    await shoot(popup, 'popup-reconnecting');
    await waitFor('the recovery', async () => {
      const connection = (await view())?.connection;
      return connection?.incident === null && connection.recoveries >= 1;
    });
    await waitFor('a few more picks', async () => ((await view())?.state.picks.length ?? 0) >= 34);
    await shoot(popup, 'popup-live');
    await popup.getByRole('tab', { name: 'Board' }).click();
    await shoot(popup, 'popup-board');

    await sim.whenComplete();
    await waitFor('the end of the draft', async () => (await view())?.state.status === 'complete');
    await popup.reload();
    await popup.getByRole('tab', { name: 'My team' }).click();
    await shoot(popup, 'popup-complete-my-team');
  } finally {
    await context.close();
    await sim.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
