/**
 * ESPN's page receiving a paced stream of realistic draft frames (~10,000 a second, sent on a
 * schedule, not as one burst), in four conditions run in rotation: in a Chromium without the
 * extension; in a Chromium with it, on another league's socket it leaves alone; the same, with the
 * page adding one empty `message` listener of its own (the least any capture costs); and on the
 * tab's own draft socket, which the extension captures. Two figures per run: frames per second the page
 * received (the pace, if it keeps up), and the page thread's CPU time per frame, from Chrome's own
 * task accounting (CDP Performance.getMetrics TaskDuration, in thread ticks). The relay runs on the
 * page's thread too, so its cost and the hook's both show there; the page's capacity is frames per
 * busy second, and the ratio of capacities is the throughput the page keeps with the extension.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { launchChromiumWithExtension } from '../tests/support/chromium';
import { generateSimCertificate } from '../tests/sim/server/certs';
import { FRAME } from '../tests/sim/rules/frames';

const LEAGUE = 24680;
const swid = (team: number) => `{00000000-0000-4000-8000-${String(team).padStart(12, '0')}}`;

/** A live draft's frames: mostly CLOCK, then the pick cycle, presence and heartbeats (tests/sim/rules/frames.ts). */
function realisticFrame(i: number): string {
  const team = 1 + (i % 10);
  switch (i % 20) {
    case 3:
      return FRAME.selecting(team, 30_000);
    case 7:
      return FRAME.autosuggest(3_929_630 + (i % 97));
    case 11:
      return FRAME.pong(`PING%20${1_756_607_506_685 + i}`);
    case 13:
      return FRAME.autodraft(team, i % 40 === 13);
    case 17:
      // One pick frame in 20 (far more than a real draft): picks skip the hook's batch timer.
      return FRAME.selected(team, 4_430_807 + i, 1 + (i % 16), i % 3 === 0 ? null : swid(team));
    default:
      return FRAME.clockPick(30_000 - (i % 30_000), team);
  }
}

export const PAGE = `<!doctype html><html><head><title>bench</title><script>
window.runPaced = (rate, ms, league, emptyListener) => new Promise((resolve) => {
  const total = Math.round(rate * ms / 1000);
  const ws = new WebSocket('wss://fantasydraft.espn.com/game-1/league-' + league + '/JOIN?1=1&2=' + league + '&3=1');
  if (emptyListener) ws.addEventListener('message', () => {});
  let count = 0, first = 0, last = 0, words = 0, done = false;
  ws.onmessage = (e) => {
    if (count === 0) first = performance.now();
    words += e.data.split(' ').length; // a little parsing per frame, as ESPN's client does
    count += 1;
    last = performance.now();
    if (count === total) finish();
  };
  const finish = () => {
    if (done) return;
    done = true;
    // The socket stays open: the harness leaves the page next, as a user would. Closing it here
    // would look like ESPN dropping the draft, and the extension would reload the tab mid-run.
    resolve({ frames: count, fps: count / ((last - first) / 1000), words });
  };
  setTimeout(finish, ms + 10000);
  ws.onopen = () => ws.send('pace:' + rate + ':' + ms);
});
</script></head><body></body></html>`;

/** Sends `rate` frames a second for `ms`, topping up every millisecond to the schedule. */
function pace(ws: WebSocket, rate: number, ms: number): void {
  const total = Math.round((rate * ms) / 1000);
  const start = process.hrtime.bigint();
  let sent = 0;
  const tick = () => {
    const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
    const due = Math.min(total, Math.floor((elapsedMs * rate) / 1000));
    while (sent < due) ws.send(realisticFrame(sent++));
    if (sent < total) setTimeout(tick, 1);
  };
  tick();
}

export async function startServer() {
  const cert = await generateSimCertificate();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  wss.on('connection', (ws) => {
    ws.on('message', (data: Buffer) => {
      const match = /^pace:(\d+):(\d+)$/.exec(data.toString('utf8'));
      if (match) pace(ws, Number(match[1]), Number(match[2]));
    });
  });
  const server = https.createServer({ key: cert.key, cert: cert.cert }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(PAGE);
  });
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { server, wss, rules: `MAP *.espn.com 127.0.0.1:${port}, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1` };
}

/** The three ways the page receives the same stream. */
export const PACED_CONDITIONS = ['without', 'ignored', 'listener', 'with'] as const;
export type PacedCondition = (typeof PACED_CONDITIONS)[number];

/**
 * Another league's socket on the same draft host: the hook leaves it alone (it is not this tab's
 * draft), so it is the same page in the same browser, with the extension loaded and doing nothing.
 */
const IGNORED_LEAGUE = 13579;

export interface PacedResult {
  rate: number;
  ms: number;
  fps: Record<PacedCondition, number[]>;
  /** Main-thread CPU microseconds per frame. */
  busyPerFrameUs: Record<PacedCondition, number[]>;
  /**
   * Per run: the page's capacity watched / capacity ignored (= CPU ignored / CPU watched), in the
   * same browser and page. It isolates what capturing costs the page, free of the few-percent
   * difference between two Chromium instances that the two-browser ratio carries.
   */
  sameBrowserRatios: number[];
  /** Per run: capacity with / capacity without the extension (two Chromiums). */
  capacityRatios: number[];
  /**
   * Per run: the same page with one more `message` listener that does nothing, over the page as it
   * is (capacity listener / capacity ignored). Any hook that sees every frame adds at least one
   * listener call per frame, so this is the floor the watching ratio can approach on this page.
   */
  oneListenerRatios: number[];
  /** Per run with the extension: items the relay dropped because the worker fell behind (its own warning). */
  droppedItems: number[];
}

export async function measurePacedThroughput(extensionDir: string, options: { rate: number; ms: number; runs: number }): Promise<PacedResult> {
  const { server, wss, rules } = await startServer();
  const profiles = [mkdtempSync(join(tmpdir(), 'bench-plain-')), mkdtempSync(join(tmpdir(), 'bench-ext-'))];
  const plain = await launchChromiumWithExtension({ extensionDir: null, userDataDir: profiles[0]!, headless: true, hostResolverRules: rules });
  const hooked = await launchChromiumWithExtension({ extensionDir, userDataDir: profiles[1]!, headless: true, hostResolverRules: rules });
  const url = `https://fantasy.espn.com/football/draft?leagueId=${LEAGUE}&seasonId=2026&teamId=1`;
  const empty = (): Record<PacedCondition, number[]> => ({ without: [], ignored: [], listener: [], with: [] });
  const result: PacedResult = { ...options, fps: empty(), busyPerFrameUs: empty(), sameBrowserRatios: [], capacityRatios: [], oneListenerRatios: [], droppedItems: [] };
  try {
    const pages = { without: await plain.newPage(), with: await hooked.newPage() };
    const cdp = { without: await plain.newCDPSession(pages.without), with: await hooked.newCDPSession(pages.with) };
    // Thread ticks: the page thread's own CPU time, not wall time, so other processes on a
    // two-core machine (the sender, the network service, the worker) do not count against it.
    for (const session of Object.values(cdp)) await session.send('Performance.enable', { timeDomain: 'threadTicks' });
    // The relay warns (in the page's console, at most once a second) with how many items it dropped while the worker was behind.
    let dropped = 0;
    pages.with.on('console', (message) => {
      const match = /dropped (\d+) item/.exec(message.text());
      if (match) dropped += Number(match[1]);
    });
    const browserOf = (condition: PacedCondition): 'without' | 'with' => (condition === 'without' ? 'without' : 'with');
    const taskSeconds = async (which: 'without' | 'with') =>
      (await cdp[which].send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN;
    for (let run = -1; run < options.runs; run += 1) {
      // Rotate which goes first, so drift hits all alike; run -1 warms all up.
      const n = PACED_CONDITIONS.length;
      const shift = ((run % n) + n) % n;
      const order = PACED_CONDITIONS.map((_, i) => PACED_CONDITIONS[(i + shift) % n]!);
      const busy: Partial<Record<PacedCondition, number>> = {};
      for (const condition of order) {
        const which = browserOf(condition);
        await pages[which].goto(url);
        const busyBefore = await taskSeconds(which);
        dropped = 0;
        const league = condition === 'ignored' || condition === 'listener' ? IGNORED_LEAGUE : LEAGUE;
        const measured = await pages[which].evaluate(
          ([rate, ms, leagueId, emptyListener]) =>
            (window as unknown as { runPaced(r: number, m: number, l: number, e: boolean): Promise<{ frames: number; fps: number }> }).runPaced(
              rate,
              ms,
              leagueId as number,
              emptyListener,
            ),
          [options.rate, options.ms, league, condition === 'listener'] as const,
        );
        const busyUs = ((await taskSeconds(which)) - busyBefore) * 1e6;
        await pages[which].goto('about:blank');
        if (run < 0) continue;
        if (measured.frames !== Math.round((options.rate * options.ms) / 1000)) throw new Error(`the page got ${measured.frames} frames`);
        result.fps[condition].push(measured.fps);
        result.busyPerFrameUs[condition].push(busyUs / measured.frames);
        busy[condition] = busyUs / measured.frames;
        if (condition === 'with') result.droppedItems.push(dropped);
      }
      if (busy.with !== undefined && busy.without !== undefined && busy.ignored !== undefined && busy.listener !== undefined) {
        result.capacityRatios.push(busy.without / busy.with);
        result.sameBrowserRatios.push(busy.ignored / busy.with);
        result.oneListenerRatios.push(busy.ignored / busy.listener);
      }
    }
  } finally {
    await plain.close();
    await hooked.close();
    for (const ws of wss.clients) ws.terminate();
    server.close();
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  }
  return result;
}
