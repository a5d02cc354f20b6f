import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { DraftPageContext } from '../../../src/contract/draft-page-url';
import type { HookItem } from '../../../src/contract/page-events';
import { draftStateSchema } from '../../../src/contract/draft-state';
import { MAX_FRAME_CHARS } from '../../../src/contract/channel-limits';
import { DEFAULT } from '../../../src/connection/options';
import { checkInvariants } from '../../../src/draft/invariants';
import { RECENT_FRAME_LIMIT } from '../../../src/protocol/recent-frames';
import { MAX_EVENTS_PER_DRAFT } from '../../../src/store/records';
import { DraftWorker } from '../../../src/worker/draft-worker';
import { createMessageHandlers } from '../../../src/worker/message-handlers';
import { routeWorkerMessage } from '../../../src/worker/message-router';
import type { PlayerNames } from '../../../src/lookups/player-names';
import { DEFAULT_LOOKUP_OPTIONS } from '../../../src/lookups/retry';
import { Rng } from './prng';
import { simulateDraft, type DraftStream } from './worker-fuzz/draft-stream';
import { MemoryDraftStore } from './worker-fuzz/memory-store';
import { generatedFrame, INIT_MUTATORS, TEXT_MUTATORS } from './worker-fuzz/hostile-frames';

// 100,000 frames through the worker's real path: the router's strict check of each batch, the
// handler's redaction, then DraftWorker.handleHookBatch (ingest → draft reducer → connection
// reducer → one IndexedDB commit, here fake-indexeddb). Real drafts come from the simulator's
// engine; hostile frames, items and batches are mixed in. Seeded: a failure names its seed.

/** FUZZ_FRAMES=n runs a shorter or longer fuzz by hand; the suite runs 100,000. */
const TARGET_FRAMES = Number(process.env.FUZZ_FRAMES ?? 100_000);
const TEAMS = [8, 10, 12];
/** Far above a 160-pick draft with a full event log (~0.5 MB); a leak past it is a bug. */
const MAX_RECORD_CHARS = 2_000_000;
const MAX_HEAP_GROWTH_BYTES = 96 * 2 ** 20;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = (): number => {
  gc();
  return getHeapStatistics().used_heap_size;
};

interface Totals {
  frames: number;
  fuzzFrames: number;
  inits: number;
  brokenInits: number;
  rejectedBatches: number;
  redelivered: number;
  maxRecordChars: number;
  maxRecentFrames: number;
  maxSockets: number;
}

/** One hostile item the router must refuse (and with it the whole batch, as the worker does). */
function poisonedItem(rng: Rng, sid: string, seq: number, at: number): unknown {
  const frame = { k: 'frame', sid, seq, dir: 'in', at, data: 'CLOCK 6 1000 2\n' };
  return rng.pick<unknown>([
    { ...frame, extra: 1 },
    { ...frame, seq: -1 },
    { ...frame, seq: 2 ** 60 },
    { ...frame, at: Number.NaN },
    { ...frame, at: -5 },
    { ...frame, at: 1e300 },
    { ...frame, sid: 'x'.repeat(65) },
    { ...frame, sid: '' },
    { ...frame, dir: 'sideways' },
    { ...frame, data: 42 },
    { ...frame, data: 'C'.repeat(MAX_FRAME_CHARS + 1) },
    { k: 'open', sid, at, url: `wss://fantasydraft.espn.com/${'a'.repeat(5000)}` },
    { k: 'close', sid, at, code: 70_000, reason: '', clean: true },
    { k: 'close', sid, at, code: 1000, reason: 'r'.repeat(2000), clean: true },
    { k: 'stall', sid, at, cause: 'boredom', silentForMs: 1 },
    { k: 'teleport', sid, at },
    null,
    'frame',
    [frame],
  ]);
}

class FuzzRun {
  readonly failures: string[] = [];
  private socketCount = 0;
  private sid = '';
  private seq = 0;
  private batch: unknown[] = [];
  private lastDelivered: HookItem[] = [];
  private at = 0;

  constructor(
    private readonly worker: DraftWorker,
    private readonly store: MemoryDraftStore,
    private readonly handlers: ReturnType<typeof createMessageHandlers>,
    private readonly stream: DraftStream,
    private readonly seed: number,
    private readonly tabId: number,
    private readonly totals: Totals,
  ) {}

  get page(): DraftPageContext {
    return { sport: 'football', leagueId: String(this.stream.leagueId), seasonId: 2026, teamId: this.stream.myTeamId };
  }

  get draftId(): string {
    return `ffl:${this.stream.leagueId}:2026`;
  }

  private socketUrl(leagueId = this.stream.leagueId): string {
    return `wss://fantasydraft.espn.com/game-1/league-${leagueId}/JOIN?1=1&2=${leagueId}&3=2&4=[swid]&5=1:${leagueId}:2:[swid]:[code]&6=false&nocache=${this.socketCount}`;
  }

  private push(item: unknown): void {
    this.batch.push(item);
  }

  private frame(data: string, dir: 'in' | 'out' = 'in', fuzz = false): void {
    this.seq += 1;
    this.push({ k: 'frame', sid: this.sid, seq: this.seq, dir, at: this.at, data });
    this.totals.frames += 1;
    if (fuzz) this.totals.fuzzFrames += 1;
    if (data.startsWith('INIT')) this.totals.inits += 1;
  }

  private openSocket(leagueId = this.stream.leagueId): void {
    this.socketCount += 1;
    this.sid = `s${this.seed}-${this.socketCount}`;
    this.seq = 0;
    this.push({ k: 'open', sid: this.sid, at: this.at, url: this.socketUrl(leagueId) });
  }

  /** Delivers the batch as the relay would: one runtime message, validated by the worker's router. */
  async flush(expectRejected = false): Promise<void> {
    if (this.batch.length === 0) return;
    const items = this.batch;
    this.batch = [];
    const reply = routeWorkerMessage({ type: 'hook-batch', page: this.page, items }, { fromExtensionPage: false, tabId: this.tabId }, this.handlers);
    if (reply === undefined) {
      if (!expectRejected) this.failures.push(`seed ${this.seed}: a valid batch was refused: ${JSON.stringify(items).slice(0, 300)}`);
      this.totals.rejectedBatches += 1;
      return;
    }
    if (expectRejected) this.failures.push(`seed ${this.seed}: a poisoned batch was accepted: ${JSON.stringify(items).slice(0, 300)}`);
    try {
      await reply;
    } catch (error) {
      this.failures.push(`seed ${this.seed}: the worker threw ${String(error)} on ${JSON.stringify(items).slice(0, 300)}`);
    }
    this.lastDelivered = items as HookItem[];
  }

  private async redeliverLast(): Promise<void> {
    if (this.lastDelivered.length === 0) return;
    await this.flush();
    this.batch = [...this.lastDelivered];
    this.totals.redelivered += 1;
    await this.flush();
  }

  /** Every pick the truth had made when a socket joined is in the log after that INIT, exactly. */
  private async expectPicks(count: number, where: string): Promise<void> {
    const record = await this.store.getDraft(this.draftId);
    if (record === undefined) {
      this.failures.push(`seed ${this.seed}: no intact draft record ${where}`);
      return;
    }
    const state = record.state;
    const problems = checkInvariants(state);
    if (problems.length > 0) this.failures.push(`seed ${this.seed}: invariants broken ${where}: ${problems.slice(0, 3).join('; ')}`);
    const parsed = draftStateSchema.safeParse(state);
    if (!parsed.success) this.failures.push(`seed ${this.seed}: state fails its schema ${where}: ${parsed.error.issues[0]?.message ?? ''}`);
    const overall = state.picks.map((p) => p.overallPick);
    if (new Set(overall).size !== overall.length) this.failures.push(`seed ${this.seed}: a pick number is recorded twice ${where}`);
    const byNumber = new Map(state.picks.map((p) => [p.overallPick, p.playerId]));
    const lost = this.stream.truth.slice(0, count).filter((p) => byNumber.get(p.overallPick) !== p.playerId);
    if (lost.length > 0) {
      this.failures.push(`seed ${this.seed}: ${lost.length} of ${count} true picks missing or wrong ${where} (first: pick ${lost[0]!.overallPick})`);
    }
    if (record.events.length > MAX_EVENTS_PER_DRAFT) this.failures.push(`seed ${this.seed}: ${record.events.length} log entries stored`);
    const chars = JSON.stringify(record).length;
    this.totals.maxRecordChars = Math.max(this.totals.maxRecordChars, chars);
    if (chars > MAX_RECORD_CHARS) this.failures.push(`seed ${this.seed}: the stored record grew to ${chars} characters`);
    const recent = this.worker.recentFrames.framesOf(this.draftId).frames.length;
    this.totals.maxRecentFrames = Math.max(this.totals.maxRecentFrames, recent);
    try {
      this.store.cloneable();
    } catch (error) {
      this.failures.push(`seed ${this.seed}: stored values IndexedDB could not hold ${where}: ${String(error)}`);
    }
    const sockets = Object.keys((await this.store.getTab(this.tabId))?.sockets ?? {}).length;
    this.totals.maxSockets = Math.max(this.totals.maxSockets, sockets);
  }

  private reconnect(rng: Rng, init: string): void {
    const roll = rng.int(0, 3);
    if (roll === 0) this.push({ k: 'close', sid: this.sid, at: this.at, code: rng.pick([1000, 1006, 4000, 1011]), reason: rng.pick(['', 'bye']), clean: rng.chance(0.5) });
    else if (roll === 1) this.push({ k: 'stall', sid: this.sid, at: this.at, cause: rng.pick(['silence', 'pong-timeout'] as const), silentForMs: rng.int(11_000, 60_000) });
    else if (roll === 2) this.push({ k: 'error', sid: this.sid, at: this.at });
    else this.push({ k: 'unload', at: this.at });
    this.openSocket();
    this.frame(init);
    this.frame(`TOKEN 1:${this.stream.leagueId}:2\n`);
  }

  private async insertFuzz(rng: Rng, recent: readonly string[], init: { text: string; bytes: Uint8Array }, picksSoFar: number): Promise<void> {
    const roll = rng.float();
    if (roll < 0.45) {
      let text = rng.pick(recent);
      for (let n = rng.int(1, 2); n > 0; n -= 1) text = rng.pick(TEXT_MUTATORS)(text, rng);
      this.frame(text, rng.chance(0.05) ? 'out' : 'in', true);
    } else if (roll < 0.57) {
      this.frame(rng.pick(INIT_MUTATORS)(init.text, init.bytes, rng), 'in', true);
      this.totals.brokenInits += 1;
    } else if (roll < 0.9) {
      this.frame(generatedFrame(rng, { teams: this.stream.truth.length > 0 ? 12 : 10, picksSoFar, players: this.stream.truth.map((p) => p.playerId) }), 'in', true);
    } else if (roll < 0.93) {
      // A lost frame: the worker must notice the gap and wait for the next INIT.
      this.seq += rng.int(1, 4);
    } else if (roll < 0.95) {
      // A frame replayed with an old sequence number: applied once only.
      this.push({ k: 'frame', sid: this.sid, seq: Math.max(1, this.seq - rng.int(0, 5)), dir: 'in', at: this.at, data: rng.pick(recent) });
    } else if (roll < 0.965) {
      await this.redeliverLast();
    } else if (roll < 0.975) {
      // A stray socket: the page's own to another league, or one the worker never saw open.
      const other = rng.chance(0.5);
      const sid = `${this.sid}-stray${rng.int(0, 99)}`;
      if (other) this.push({ k: 'open', sid, at: this.at, url: this.socketUrl(this.stream.leagueId + 1) });
      this.push({ k: 'frame', sid, seq: rng.int(1, 3), dir: 'in', at: this.at, data: generatedFrame(rng, { teams: 10, picksSoFar, players: [] }) });
      this.totals.frames += 1;
      this.totals.fuzzFrames += 1;
    } else if (roll < 0.99) {
      this.push(rng.pick<unknown>([
        { k: 'stall', sid: this.sid, at: this.at, cause: 'silence', silentForMs: rng.int(0, 8.64e15) },
        { k: 'error', sid: this.sid, at: this.at },
        { k: 'close', sid: this.sid, at: this.at, code: -1, reason: '', clean: false },
        { k: 'unload', at: this.at },
        { k: 'frame', sid: this.sid, seq: Number.MAX_SAFE_INTEGER, dir: 'in', at: 8.64e15, data: 'CLOCK 6 1 2\n' },
      ]));
    } else {
      // A batch the worker must refuse whole: its real frames are lost, and the gap is noticed.
      this.push(poisonedItem(rng, this.sid, this.seq + 1, this.at));
      await this.flush(true);
    }
  }

  async run(rate: number): Promise<void> {
    const rng = new Rng(this.seed);
    const { frames, reconnects } = this.stream;
    let nextReconnect = 0;
    let init = this.stream.firstInit;
    let picksSoFar = 0;
    let batchTarget = rng.int(1, 60);
    this.at = frames[0]!.at;
    this.openSocket();
    this.frame(init.text);
    this.frame(`TOKEN 1:${this.stream.leagueId}:2\n`);
    const recent: string[] = [];
    for (let i = 0; i < frames.length && this.failures.length === 0; i += 1) {
      const real = frames[i]!;
      this.at = real.at;
      while (nextReconnect < reconnects.length && reconnects[nextReconnect]!.before === i) {
        const moment = reconnects[nextReconnect]!;
        nextReconnect += 1;
        init = { text: moment.init, bytes: moment.initBytes };
        this.reconnect(rng, moment.init);
        await this.flush();
        await this.expectPicks(moment.picksMade, `after the INIT of reconnect ${nextReconnect} at frame ${i}`);
      }
      while (rng.chance(rate / (rate + 1))) await this.insertFuzz(rng, recent.length > 0 ? recent : [real.data], init, picksSoFar);
      this.frame(real.data, real.dir);
      if (real.data.startsWith('SELECTED')) picksSoFar += 1;
      recent.push(real.data);
      if (recent.length > 30) recent.shift();
      // The hook sends picks at once and everything else every 50 ms.
      if (real.data.startsWith('SELECTED') || this.batch.length >= batchTarget) {
        await this.flush();
        batchTarget = rng.int(1, 60);
      }
    }
    this.at += 1_000;
    this.reconnect(rng, this.stream.finalInit);
    await this.flush();
    await this.expectPicks(this.stream.truth.length, 'after the final INIT');
  }
}

function openWorker(): { worker: DraftWorker; store: MemoryDraftStore; handlers: ReturnType<typeof createMessageHandlers>; errors: string[] } {
  const store = new MemoryDraftStore();
  const errors: string[] = [];
  let clock = 1_756_600_000_000;
  const worker = new DraftWorker({
    store: store.asDraftStore(),
    playerNames: { ensurePool: () => Promise.resolve([]) } as unknown as PlayerNames,
    transports: { tab: () => () => Promise.reject(new Error('no network in tests')), worker: () => Promise.reject(new Error('no network in tests')) },
    lookupOptions: { ...DEFAULT_LOOKUP_OPTIONS, teamNames: { ...DEFAULT_LOOKUP_OPTIONS.teamNames, maxAttempts: 0 }, finalBoard: { ...DEFAULT_LOOKUP_OPTIONS.finalBoard, maxAttempts: 0 } },
    tabs: {
      setTimer: () => undefined,
      reload: () => Promise.resolve(true),
      notifyFailed: () => Promise.resolve(),
      clearNotification: () => Promise.resolve(),
    },
    connectionOptions: () => Promise.resolve(DEFAULT),
    now: () => (clock += 7),
    random: () => 0.5,
    report: (level, message) => {
      if (message.startsWith('worker task failed')) errors.push(message);
    },
    source: 'Draft Watch fuzz',
  });
  const handlers = createMessageHandlers({ ready: Promise.resolve(worker), storeReady: Promise.resolve(store.asDraftStore()), withWorker: (task) => task(worker) });
  return { worker, store, handlers, errors };
}

describe('worker fuzz: 100,000 frames through router → ingest → reducers → store', () => {
  it('with no fuzz a draft comes through whole, and the harness notices a pick the log lacks (its checks bite)', async () => {
    const { worker, store, handlers } = openWorker();
    const stream = simulateDraft(1, { teams: 8, rounds: 2, reconnectRate: 0 });
    const totals = newTotals();
    const run = new FuzzRun(worker, store, handlers, stream, 1, 1, totals);
    await run.run(0);
    expect(run.failures).toEqual([]);
    expect(totals.fuzzFrames).toBe(0);
    // The truth says a pick the log does not have.
    const liar = new FuzzRun(worker, store, handlers, { ...stream, truth: [...stream.truth, { ...stream.truth[0]!, overallPick: 16, playerId: 1 }] }, 2, 1, newTotals());
    await liar.run(0);
    expect(liar.failures.join('\n')).toMatch(/true picks missing or wrong after the final INIT/);
  });

  it(`survives ${TARGET_FRAMES.toLocaleString('en')} generated and mutated frames with every pick kept, bounded storage and heap`, async () => {
    const started = performance.now();
    const { worker, store, handlers, errors } = openWorker();
    const totals = newTotals();
    const failures: string[] = [];
    let heapAfterFirst = 0;
    let seed = 0;
    while (totals.frames < TARGET_FRAMES && failures.length === 0) {
      seed += 1;
      const stream = simulateDraft(seed, { teams: TEAMS[seed % TEAMS.length]!, rounds: 16, reconnectRate: 0.04 });
      const run = new FuzzRun(worker, store, handlers, stream, seed, 100 + seed, totals);
      await run.run([0.5, 1, 2][seed % 3]!);
      failures.push(...run.failures, ...errors.splice(0));
      // The user clears stored drafts now and then; what the worker keeps in memory must not grow with them.
      await worker.clearStoredDrafts();
      if (seed === 2) heapAfterFirst = heapUsed();
    }
    const heapGrowth = heapUsed() - heapAfterFirst;
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `worker fuzz: ${totals.frames} frames (${totals.fuzzFrames} hostile, ${totals.inits} INIT of which ${totals.brokenInits} broken), ${seed} drafts, ` +
        `${totals.rejectedBatches} poisoned batches refused, ${totals.redelivered} redelivered, largest record ${totals.maxRecordChars} chars, ` +
        `recent frames ≤ ${totals.maxRecentFrames}, sockets ≤ ${totals.maxSockets}, heap growth ${(heapGrowth / 2 ** 20).toFixed(1)} MiB, ${seconds.toFixed(1)} s`,
    );
    expect(failures.slice(0, 5)).toEqual([]);
    expect(totals.frames).toBeGreaterThanOrEqual(TARGET_FRAMES);
    expect(totals.fuzzFrames).toBeGreaterThan(TARGET_FRAMES / 3);
    expect(totals.brokenInits).toBeGreaterThan(3_000);
    expect(totals.rejectedBatches).toBeGreaterThan(100);
    expect(totals.maxRecentFrames).toBeLessThanOrEqual(RECENT_FRAME_LIMIT);
    expect(totals.maxSockets).toBeLessThanOrEqual(33);
    expect(heapGrowth).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
  }, 120_000);
});

function newTotals(): Totals {
  return { frames: 0, fuzzFrames: 0, inits: 0, brokenInits: 0, rejectedBatches: 0, redelivered: 0, maxRecordChars: 0, maxRecentFrames: 0, maxSockets: 0 };
}
