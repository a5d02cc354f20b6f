/**
 * A pick frame arriving in the page → the pick committed in the extension's IndexedDB, in real
 * Chromium with the production build and the simulated room; then the IndexedDB bytes of the
 * finished 160-pick draft.
 *
 * Both ends are stamped with performance.timeOrigin + performance.now(), the browser's shared
 * high-resolution epoch clock: in the page, when the simulated ESPN client's board takes the pick
 * (a MutationObserver on its pick count, run at the end of the socket message's own task); in the
 * extension's service worker, when the IndexedDB transaction that wrote the draft record holding
 * that pick fires `complete` (the instrumentation wraps IDBObjectStore.prototype.put from outside,
 * through the DevTools protocol; the extension's code runs unmodified).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { startSimulator } from '../tests/sim/index';
import { launchChromiumWithExtension } from '../tests/support/chromium';

export interface PickCommitResult {
  picks: number;
  /** Per pick: commit time − page arrival time, ms. */
  latenciesMs: number[];
  /** Picks whose commit was not seen (e.g. the service worker restarted and lost the instrumentation). */
  unmatched: number;
  /** The finished draft's record as IndexedDB stores it, serialized (UTF-8 bytes of its JSON), and its parts. */
  recordBytes: number;
  stateBytes: number;
  eventsBytes: number;
  events: number;
  /** navigator.storage.estimate() usage of the extension after the draft (IndexedDB's files, all stores). */
  storageUsage: number | null;
}

// In-browser code goes as text: tsx's helpers (__name) do not exist in the browser.
const INSTRUMENT_COMMITS = `(() => {
  if (globalThis.__commits) return;
  const commits = [];
  globalThis.__commits = commits;
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    const state = value && value.state;
    if (this.name === 'drafts' && state && Array.isArray(state.picks) && state.archive === undefined) {
      const picks = state.picks.length;
      this.transaction.addEventListener('complete', () => commits.push({ picks, at: performance.timeOrigin + performance.now() }));
    }
    return put.apply(this, arguments);
  };
})()`;

const READ_COMMITS = 'globalThis.__commits ?? []';

const WATCH_PAGE_PICKS = `(() => {
  const seen = [];
  window.__pickSeenAt = seen;
  new MutationObserver(() => {
    const picks = Number(document.body.dataset.picks ?? 0);
    while (seen.length < picks) seen.push(performance.timeOrigin + performance.now());
  }).observe(document.body, { attributes: true, attributeFilter: ['data-picks'] });
})()`;

const MEASURE_STORAGE = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('draft-watch');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const records = await new Promise((resolve, reject) => {
    const request = db.transaction('drafts').objectStore('drafts').getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  const record = records.find((r) => r.state.archive === undefined);
  const encoder = new TextEncoder();
  const estimate = await navigator.storage.estimate();
  return {
    recordBytes: encoder.encode(JSON.stringify(record)).length,
    stateBytes: encoder.encode(JSON.stringify(record.state)).length,
    eventsBytes: encoder.encode(JSON.stringify(record.events)).length,
    events: record.events.length,
    picks: record.state.picks.length,
    storageUsage: estimate.usage ?? null,
  };
})()`;

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return (
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://') }))
  );
}

export async function measurePickCommit(extensionDir: string, options: { teams: number; rounds: number; pickIntervalMs: number }): Promise<PickCommitResult> {
  const sim = await startSimulator({ port: 0, teams: options.teams, rounds: options.rounds, pickIntervalMs: options.pickIntervalMs, clockTickMs: 1000, preDraftMs: 2000, autoStart: false });
  const profile = mkdtempSync(join(tmpdir(), 'bench-commit-'));
  const context = await launchChromiumWithExtension({ extensionDir, userDataDir: profile, headless: true, hostResolverRules: sim.hostResolverRules });
  try {
    const worker = await serviceWorker(context);
    await worker.evaluate(INSTRUMENT_COMMITS);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(sim.draftPageUrlFor({ query: { simPingMs: 3000 } }));
    await page.waitForFunction(() => document.body.dataset.socket === 'open');
    await page.evaluate(WATCH_PAGE_PICKS);
    sim.start();
    await sim.whenComplete();
    const total = options.teams * options.rounds;
    const commits = async () => (await serviceWorker(context)).evaluate<Array<{ picks: number; at: number }>>(READ_COMMITS);
    for (let waited = 0; waited < 20_000 && !(await commits()).some((c) => c.picks >= total); waited += 250) await new Promise((r) => setTimeout(r, 250));
    const seenAt = await page.evaluate<number[]>('window.__pickSeenAt');
    const committed = await commits();
    const latenciesMs: number[] = [];
    let unmatched = 0;
    seenAt.forEach((at, index) => {
      const commit = committed.find((c) => c.picks >= index + 1);
      if (commit === undefined) unmatched += 1;
      else latenciesMs.push(commit.at - at);
    });
    const sizes = await (await serviceWorker(context)).evaluate<Omit<PickCommitResult, 'latenciesMs' | 'unmatched'>>(MEASURE_STORAGE);
    return { latenciesMs, unmatched, ...sizes };
  } finally {
    await context.close();
    await sim.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
