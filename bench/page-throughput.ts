/**
 * Real-Chromium benchmark (issue 7, item 10): how fast ESPN's page receives a burst of draft
 * frames (sent at once, so the page's main thread sets the pace) with the extension loaded versus without, in two browsers run alternately, plus the
 * MAIN-world script's size. Figures, never assertions.
 *
 *   npm run build && npm run bench:page
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WebSocketServer } from 'ws';
import { launchChromiumWithExtension } from '../tests/support/chromium';
import { generateSimCertificate } from '../tests/sim/server/certs';

const EXTENSION_DIR = resolve('.output/chrome-mv3');
const FRAMES = 20_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LEAGUE = 24680;
/** A live draft's mix; one pick frame in 500 (picks are sent at once, so they cost a message each). */
const MIX = ['CLOCK 6 24245 2\n', 'AUTOSUGGEST 3929630\n', 'SELECTING 3 30000\n', 'CLOCK 6 28749 3\n', 'PONG PING%201756607506685\n'];
const PICK = 'SELECTED 2 4430807 2 {00000000-0000-4000-8000-000000000002}\n';

const PAGE = `<!doctype html><html><head><title>bench</title><script>
window.runBurst = (n) => new Promise((resolve) => {
  const ws = new WebSocket('wss://fantasydraft.espn.com/game-1/league-${LEAGUE}/JOIN?1=1&2=${LEAGUE}&3=1');
  let count = 0, first = 0, chars = 0;
  ws.onmessage = (e) => {
    if (count === 0) first = performance.now();
    chars += e.data.length; // the page does a little work per frame, as ESPN's client would
    count += 1;
    if (count === n) { const ms = performance.now() - first; ws.close(); resolve({ ms, fps: n / (ms / 1000) }); }
  };
  ws.onopen = () => ws.send('burst:' + n);
});
</script></head><body></body></html>`;

async function startServer() {
  const cert = await generateSimCertificate();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  wss.on('connection', (ws) => {
    ws.on('message', (data: Buffer) => {
      const match = /^burst:(\d+)$/.exec(data.toString('utf8'));
      if (!match) return;
      const n = Number(match[1]);
      // The whole burst at once, so the page's main thread, not the network, sets the pace.
      for (let sent = 0; sent < n; sent += 1) ws.send(sent % 500 === 499 ? PICK : MIX[sent % MIX.length]!);
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

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};

async function main() {
  const { server, wss, rules } = await startServer();
  const profiles = [mkdtempSync(join(tmpdir(), 'bench-plain-')), mkdtempSync(join(tmpdir(), 'bench-ext-'))];
  const plain = await launchChromiumWithExtension({ extensionDir: null, userDataDir: profiles[0]!, headless: true, hostResolverRules: rules });
  const hooked = await launchChromiumWithExtension({ extensionDir: EXTENSION_DIR, userDataDir: profiles[1]!, headless: true, hostResolverRules: rules });
  const url = `https://fantasy.espn.com/football/draft?leagueId=${LEAGUE}&seasonId=2026&teamId=1`;
  const results: Record<'without' | 'with', number[]> = { without: [], with: [] };
  try {
    const pages = { without: await plain.newPage(), with: await hooked.newPage() };
    for (let run = -1; run < RUNS; run += 1) {
      // Alternate which goes first, so drift hits both alike; run -1 is a warm-up.
      const order: Array<'without' | 'with'> = run % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
      for (const which of order) {
        await pages[which].goto(url);
        const { fps } = await pages[which].evaluate((n) => (window as unknown as { runBurst(n: number): Promise<{ fps: number }> }).runBurst(n), FRAMES);
        if (run >= 0) results[which].push(fps);
      }
    }
  } finally {
    await plain.close();
    await hooked.close();
    for (const ws of wss.clients) ws.terminate();
    server.close();
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  }
  const hook = readFileSync(join(EXTENSION_DIR, 'content-scripts/draft-hook.js'));
  const row = (name: string, v: number[]) => `| ${name} | ${quantile(v, 0.5).toFixed(0)} | ${quantile(v, 0.05).toFixed(0)} |`;
  console.log(`\nPage throughput, a burst of ${FRAMES} frames sent at once, ${RUNS} interleaved runs each (frames/s the page handled; higher is better)\n`);
  console.log('| | median | p95 (5th percentile of frames/s) |');
  console.log('|---|---|---|');
  console.log(row('without the extension', results.without));
  console.log(row('with the extension', results.with));
  console.log(`\nthroughput ratio (median with / median without): ${(quantile(results.with, 0.5) / quantile(results.without, 0.5)).toFixed(3)}`);
  console.log(`MAIN-world script: ${hook.length} B raw, ${gzipSync(hook, { level: 9 }).length} B gzip`);
}

await main();
