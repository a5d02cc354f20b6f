/**
 * Real-Chromium benchmark (issue 9, item 1): the popup's first full render with a 300-pick draft,
 * and how soon a pick the simulator makes shows in an open popup (pushed over the view port, no
 * polling). Figures, never assertions.
 *
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
import { startSimulator } from '../tests/sim/index';
import { extensionId, launchChromiumWithExtension } from '../tests/support/chromium';

const TEAMS = 12;
const ROUNDS = 25;
const TOTAL = TEAMS * ROUNDS;
const OPENS = Number(process.env.BENCH_RUNS ?? 15);

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return `${label.padEnd(34)} median ${at(0.5).toFixed(1).padStart(6)} ms   p95 ${at(0.95).toFixed(1).padStart(6)} ms   (n=${sorted.length})`;
}

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
      pushes.push({ picks, committedAt: message ? message.committedAt : null, receivedAt: performance.timeOrigin + performance.now() });
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

async function main(): Promise<void> {
  const sim = await startSimulator({ autoStart: false, teams: TEAMS, rounds: ROUNDS, pickIntervalMs: 120, clockTickMs: 1000, preDraftMs: 1000, seed: 'bench-popup' });
  const profile = await mkdtemp(join(tmpdir(), 'draft-watch-bench-'));
  const context = await launchChromiumWithExtension({ extensionDir: resolve('.output/chrome-mv3'), userDataDir: profile, headless: true, hostResolverRules: sim.hostResolverRules });
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
    console.log(`Popup benchmark, real Chromium, ${TOTAL}-pick simulated draft (${TEAMS} teams × ${ROUNDS} rounds)`);
    console.log(summary(`first full render (${TOTAL} picks)`, firstRender));
    console.log(summary('  of which: open → port opened', connected));
    console.log(summary('  of which: open → first push arrives', firstPush));
    console.log(summary('  of which: first push → shown', firstRender.map((at, run) => at - firstPush[run]!)));
    console.log(summary('commit → shown', committed));
    console.log(summary('  of which: commit → push arrives', commitToArrival(pushes)));
    console.log(summary('pick made → shown (whole pipeline)', latencies));
    console.log(`picks seen in the open popup: ${latencies.length} of ${TOTAL}; pushes ${pushes.length}, ${committed.length} with a new pick count (a batch may carry several picks)`);
  } finally {
    await context.close().catch(() => undefined);
    await sim.close();
    await rm(profile, { recursive: true, force: true });
  }
}

await main();
