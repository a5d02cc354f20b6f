/**
 * `npm run bench`: builds the extension for production, then measures it in real Chromium against
 * the simulated room and prints one table (median and p95). Figures only, never assertions; on a
 * shared machine they move from run to run. About five minutes.
 *
 *   npm run bench            (run it alone: it needs both cores; other helpers use /tmp/e2e.lock)
 *   BENCH_RUNS=n             paced-throughput runs, four conditions each (default 9)
 *   BENCH_POPUP_OPENS=n      popup opens for the first-render figure (default 15)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FaultFigure } from '../tests/e2e/support/fault-room';
import { measureHookOverhead } from './hook-overhead';
import { measurePacedThroughput } from './paced-throughput';
import { measurePickCommit } from './pick-commit';
import { measurePopup, popupRows } from './popup';
import { printTable, quantile, sampleRow, type Row } from './stats';

const EXTENSION_DIR = resolve('.output/chrome-mv3');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const RATE = 10_000;
const PACED_MS = 2_000;

function faultFigures(): FaultFigure[] {
  const out = join(tmpdir(), `bench-fault-figures-${process.pid}.json`);
  const run = spawnSync('npx', ['vitest', 'run', '--config', 'bench/faults.vitest.config.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, BENCH_FAULT_FIGURES: out },
  });
  if (!existsSync(out)) throw new Error(`the fault scenarios wrote no figures (exit ${run.status})`);
  const figures = JSON.parse(readFileSync(out, 'utf8')) as FaultFigure[];
  rmSync(out);
  return figures;
}

function faultRows(figures: readonly FaultFigure[]): Row[] {
  const rows: Row[] = [];
  for (const fault of new Set(figures.map((f) => f.fault))) {
    const list = figures.filter((f) => f.fault === fault);
    const reloads = [...new Set(list.map((f) => f.reloads))].join('/');
    rows.push(sampleRow(`${fault}: detected`, list.flatMap((f) => (f.detectionMs === null ? [] : [f.detectionMs])), 'ms', 0, 'fault injected → incident (extension clock)'));
    rows.push(sampleRow(`${fault}: every missed pick back`, list.map((f) => f.catchUpMs), 'ms', 0, `fault injected → log equals the truth; reloads ${reloads}`));
  }
  return rows;
}

async function main(): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('no production build: run `npx wxt build` first');
  const started = Date.now();
  const hook = readFileSync(join(EXTENSION_DIR, 'content-scripts/draft-hook.js'));
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start`;

  console.error('bench: hook per-frame cost (Node stand-in)…');
  const overhead = measureHookOverhead();
  console.error(`bench: paced throughput, ${RUNS} runs of four conditions…`);
  const paced = await measurePacedThroughput(EXTENSION_DIR, { rate: RATE, ms: PACED_MS, runs: RUNS });
  console.error('bench: pick → IndexedDB commit, 160-pick draft…');
  const commit = await measurePickCommit(EXTENSION_DIR, { teams: 10, rounds: 16, pickIntervalMs: 150 });
  console.error('bench: popup, 300-pick draft…');
  const popup = await measurePopup(EXTENSION_DIR);
  console.error('bench: fault scenarios…');
  const faults = faultFigures();

  const overheadNs = overhead.hooked.map((h, i) => h - overhead.plain[i]!);
  const rows: Row[] = [
    sampleRow('page receives paced frames: without extension', paced.fps.without, 'frames/s', 0, `${RATE} frames/s sent for ${PACED_MS / 1000} s (p95 = slow tail)`, true),
    sampleRow('page receives paced frames: with extension', paced.fps.with, 'frames/s', 0, 'same run, interleaved', true),
    sampleRow('page thread CPU per frame: without extension', paced.busyPerFrameUs.without, 'µs', 1, 'CDP TaskDuration in thread ticks / frames'),
    sampleRow('page thread CPU per frame: extension, socket ignored', paced.busyPerFrameUs.ignored, 'µs', 1, "another league's socket: loaded, not watching"),
    sampleRow('page thread CPU per frame: ignored + 1 empty listener', paced.busyPerFrameUs.listener, 'µs', 1, 'the page adds a message listener that does nothing'),
    sampleRow('page thread CPU per frame: extension watching', paced.busyPerFrameUs.with, 'µs', 1, 'hook + relay run on this thread'),
    sampleRow('page throughput ratio (watching / ignored)', paced.sameBrowserRatios, '', 3, 'target ≥ 0.97; same browser and page, per run', true),
    sampleRow('page throughput ratio (with / without)', paced.capacityRatios, '', 3, 'two Chromiums; carries their own difference', true),
    sampleRow('floor: one empty listener / ignored', paced.oneListenerRatios, '', 3, 'the least a hook that sees every frame costs this page', true),
    sampleRow('relay: items dropped, worker behind (per run)', paced.droppedItems, 'items', 0, `of ${(RATE * PACED_MS) / 1000} per run; its MAX_PENDING_ITEMS warning`),
    sampleRow('hook cost per frame (Node stand-in)', overheadNs, 'ns', 0, `hooked − plain; plain median ${quantile(overhead.plain, 0.5).toFixed(0)} ns`),
    sampleRow('pick frame in page → committed in IndexedDB', commit.latenciesMs, 'ms', 1, `target p95 ≤ 50 ms; ${commit.unmatched} unmatched; 10×16 draft, a pick every 150 ms`),
    ...popupRows(popup),
    ...faultRows(faults),
    { what: 'MAIN-world script (draft-hook.js)', median: `${hook.length} B`, p95: `${gzipSync(hook, { level: 9 }).length} B gz`, n: 1, note: 'raw / gzip -9; target ≤ 3 KB gzip' },
    { what: 'IndexedDB: 160-pick draft record', median: `${commit.recordBytes} B`, p95: '', n: 1, note: `JSON bytes: state ${commit.stateBytes} B, event log ${commit.eventsBytes} B (${commit.events} entries)` },
    { what: 'IndexedDB: extension storage after it', median: `${commit.storageUsage ?? 'n/a'} B`, p95: '', n: 1, note: 'navigator.storage.estimate().usage, all stores incl. player names' },
  ];
  printTable(`Draft Watch bench: Chromium, production build, simulated room. ${machine}. ${((Date.now() - started) / 1000).toFixed(0)} s`, rows);
}

await main();
