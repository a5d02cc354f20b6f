/**
 * Real-Chromium benchmark (issue 9, item 1): the popup's first full render with a 300-pick draft,
 * and how soon a pick the simulator makes shows in an open popup (pushed over the view port, no
 * polling). Figures, never assertions.
 *
 *   npm run bench (its rows are part of the one table), or alone:
 *   npm run build && flock /tmp/e2e.lock npm run bench:popup
 *
 * "Commit → shown" starts at the worker's clock when the commit was stored in IndexedDB (the
 * `committedAt` each view-port push carries) and ends when the popup's DOM shows that pick count
 * (the popup's clock). Both are the browser's wall clock on the same machine. The init script only
 * listens on the popup's own view port; it changes nothing the popup does.
 *
 * "Pick made → shown" is the whole pipeline: from the simulator making the pick (Node's clock) through
 * the socket, the page hook's batching, the relay, ingest and the commit, to the popup's DOM.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { printTable, sampleRow, type Row } from './stats';
import { startSimulator } from '../tests/sim/index';
import { extensionId, launchChromiumWithExtension } from '../tests/support/chromium';

const TEAMS = 12;
const ROUNDS = 25;
const TOTAL = TEAMS * ROUNDS;
const OPENS = Number(process.env.BENCH_POPUP_OPENS ?? 15);

/**
 * Records, in the popup page, the epoch ms at which each pick count first appears in the DOM, and
 * for each view the worker pushes over the port, its pick count and its commit time.
 */
const RECORD_COUNTS = `(() => {
  const seen = {};
  const pushes = [];
  window.__pickShownAt = seen;
  window.__pushes = pushes;
  const check = () => {
    const text = document.querySelector('[data-testid="pick-count"]')?.textContent;
    if (text && !(text in seen)) seen[text] = performance.timeOrigin + performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  const connect = chrome.runtime.connect.bind(chrome.runtime);
  chrome.runtime.connect = (...args) => {
    if (window.__connectAt === undefined) window.__connectAt = performance.timeOrigin + performance.now();
    const port = connect(...args);
    port.onMessage.addListener((message) => {
      // A whole view carries its picks; a patch keeps picksKept of them and adds picksAdded.
      const picks = !message ? null : message.type === 'patch' ? message.picksKept + message.picksAdded.length : message.view ? message.view.state.picks.length : null;
      // Only pushes a commit sent carry committedAt (the chooser's line and list pushes do not).
      const committedAt = message && typeof message.committedAt === 'number' ? message.committedAt : null;
      pushes.push({ picks, committedAt, receivedAt: performance.timeOrigin + performance.now() });
    });
    return port;
  };
})();`;

interface Push {
  picks: number | null;
  committedAt: number | null;
  /** When the popup's port delivered the push (the popup's clock). */
  receivedAt: number;
}

/** Commit (worker) → the push arrives in the popup, for each push a commit sent. */
function commitToArrival(pushes: Push[]): number[] {
  return pushes.filter((push) => push.committedAt !== null).map((push) => push.receivedAt - push.committedAt!);
}

/** Commit → shown for each push that brought a pick count the popup had not shown before. */
function commitToShown(pushes: Push[], shownAt: Record<string, number>): number[] {
  const latencies: number[] = [];
  let lastCount = -1;
  for (const push of pushes) {
    if (push.picks === null || push.picks <= lastCount) continue;
    lastCount = push.picks;
    const shown = shownAt[String(push.picks)];
    if (push.committedAt !== null && shown !== undefined) latencies.push(shown - push.committedAt);
  }
  return latencies;
}

/** The popup's figures, each a list of samples in ms. */
export interface PopupFigures {
  firstRender: number[];
  connected: number[];
  firstPush: number[];
  commitToShown: number[];
  commitToArrival: number[];
  pipeline: number[];
  pushes: number;
}

export async function measurePopup(extensionDir = resolve('.output/chrome-mv3')): Promise<PopupFigures> {
  const sim = await startSimulator({ autoStart: false, teams: TEAMS, rounds: ROUNDS, pickIntervalMs: 120, clockTickMs: 1000, preDraftMs: 1000, seed: 'bench-popup' });
  const profile = await mkdtemp(join(tmpdir(), 'draft-watch-bench-'));
  const context = await launchChromiumWithExtension({ extensionDir, userDataDir: profile, headless: true, hostResolverRules: sim.hostResolverRules });
  const room = { sim, context, extId: await extensionId(context) };
  const draftPage = await context.newPage();
  await draftPage.goto(sim.draftPageUrlFor({ query: { simPingMs: 3000, simReconnect: 'auto' } }));
  while (sim.connections < 1) await new Promise((done) => setTimeout(done, 100));
  try {
    const madeAt = new Map<number, number>();
    sim.start();
    room.sim.engine.onEvent((event) => {
      if (event.type === 'pick') madeAt.set(room.sim.engine.pickCount, Date.now());
    });
    const live = await room.context.newPage();
    await live.addInitScript(RECORD_COUNTS);
    await live.goto(`chrome-extension://${room.extId}/popup.html`);
    await room.sim.whenComplete();
    await live.waitForFunction((total) => document.querySelector('[data-testid="pick-count"]')?.textContent === String(total), TOTAL, { timeout: 60_000 });
    const shownAt = await live.evaluate(() => (window as unknown as { __pickShownAt: Record<string, number> }).__pickShownAt);
    const pushes = await live.evaluate(() => (window as unknown as { __pushes: Push[] }).__pushes);
    const committed = commitToShown(pushes, shownAt);
    const latencies: number[] = [];
    for (const [count, made] of madeAt) {
      const shown = shownAt[String(count)];
      if (shown !== undefined) latencies.push(shown - made);
    }
    await live.close();

    // The first full render: navigation start → the pick count reads 300 (every pick in the list).
    const firstRender: number[] = [];
    /** Of the first render: navigation start → the first push arrives (script load, the worker's read, the port). */
    const firstPush: number[] = [];
    /** Of the first render: navigation start → the popup's script opens its port (loading and running the script). */
    const connected: number[] = [];
    for (let run = 0; run < OPENS; run += 1) {
      const page = await room.context.newPage();
      await page.addInitScript(RECORD_COUNTS);
      await page.goto(`chrome-extension://${room.extId}/popup.html`);
      await page.waitForFunction((total) => document.querySelector('[data-testid="pick-count"]')?.textContent === String(total), TOTAL, { timeout: 10_000 });
      firstRender.push(
        await page.evaluate((total) => (window as unknown as { __pickShownAt: Record<string, number> }).__pickShownAt[String(total)]! - performance.timeOrigin, TOTAL),
      );
      connected.push(await page.evaluate(() => (window as unknown as { __connectAt: number }).__connectAt - performance.timeOrigin));
      firstPush.push(await page.evaluate(() => (window as unknown as { __pushes: Push[] }).__pushes[0]!.receivedAt - performance.timeOrigin));
      await page.close();
    }
    return { firstRender, connected, firstPush, commitToShown: committed, commitToArrival: commitToArrival(pushes), pipeline: latencies, pushes: pushes.length };
  } finally {
    await context.close().catch(() => undefined);
    await sim.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** The popup's rows of the bench table (issue 9's targets: first render ≤ 150 ms, commit → shown ≤ 50 ms). */
export function popupRows(f: PopupFigures): Row[] {
  return [
    sampleRow(`popup: first full render (${TOTAL} picks)`, f.firstRender, 'ms', 1, `target ≤ 150 ms; open → the list shows all ${TOTAL} picks`),
    sampleRow('  of which: open → port opened', f.connected, 'ms', 1, 'loading and running the popup script'),
    sampleRow('  of which: open → first push arrives', f.firstPush, 'ms', 1, "the worker's read and the port"),
    sampleRow('  of which: first push → shown', f.firstRender.map((at, run) => at - f.firstPush[run]!), 'ms', 1, 'rendering'),
    sampleRow('popup: commit → shown', f.commitToShown, 'ms', 1, "target ≤ 50 ms; the worker's commit time → the pick count in the DOM"),
    sampleRow('  of which: commit → push arrives', f.commitToArrival, 'ms', 1, `${f.pushes} pushes`),
    sampleRow('popup: pick made → shown (whole pipeline)', f.pipeline, 'ms', 1, `simulator → socket → hook → relay → worker → popup; ${f.pipeline.length} of ${TOTAL} picks seen`),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable(`Popup benchmark, real Chromium, ${TOTAL}-pick simulated draft (${TEAMS} teams × ${ROUNDS} rounds)`, popupRows(await measurePopup()));
}
