import { describe, expect, it, vi } from 'vitest';
import type { DraftStore } from '../../../src/store/draft-store';
import type { DraftState, LogEntry } from '../../../src/draft/types';
import type { FetchAnswer, Transports } from '../../../src/lookups/league-client';
import { DEFAULT_LOOKUP_OPTIONS, leaseMs } from '../../../src/lookups/retry';
import { DEFAULT } from '../../../src/connection/options';
import { DraftWorker } from '../../../src/worker/draft-worker';
import type { DraftListPush } from '../../../src/contract/view-port';
import type { PlayerNames } from '../../../src/lookups/player-names';
import { draftIdOf } from '../../../src/draft/draft-id';
import { emptyDrift } from '../../../src/draft/drift';
import { newTabSession, type DraftRecord, type TabSession } from '../../../src/store/records';
import {
  applyReconcileOutcome,
  claimReconcileAttempt,
  commitReconcileOutcome,
  markAttempt,
  nextReconcileStep,
  reconcileWithRest,
  type ReconcileOutcome,
  type ReconcileProgress,
} from '../../../src/lookups/final-board';
import { KEY, liveDraft, pickInOrder, run, stateCode } from '../draft/draft-fixture';
import { snakeTeam } from '../draft/snapshot-fixture';

const TEAMS = 4;
const SLOTS = 12;
const DRAFT_ID = draftIdOf(KEY);
const TAB = 7;
const T = 1_800_000_000_000;
const MAX_RECONCILE_ATTEMPTS = DEFAULT_LOOKUP_OPTIONS.finalBoard.maxAttempts;
const RECONCILE_LEASE_MS = leaseMs(DEFAULT_LOOKUP_OPTIONS.finalBoard);
const URL_DRAFT_DETAIL = 'https://lm-api-reads.fantasy.espn.com/apis/v3/games/ffl/seasons/2025/segments/0/leagues/123456789?view=mDraftDetail';

/** A complete 4-team, 3-round draft; the socket saw the first `seen` picks (player = 1000 + pick number). */
function completedState(seen = SLOTS): DraftState {
  return run([stateCode(2)], pickInOrder(liveDraft({ teams: TEAMS, rounds: 3 }), seen, TEAMS)).state;
}

function draftDetail(drafted: boolean, change: (n: number) => number = (n) => 1000 + n): string {
  const picks = Array.from({ length: SLOTS }, (_, index) => {
    const n = index + 1;
    return { overallPickNumber: n, roundId: Math.ceil(n / TEAMS), teamId: snakeTeam(n, TEAMS), playerId: drafted ? change(n) : -1, lineupSlotId: 20, keeper: false };
  });
  return JSON.stringify({ id: 123456789, seasonId: 2025, draftDetail: { drafted, inProgress: !drafted, picks } });
}

const ok = (status: number, body = ''): FetchAnswer => ({ ok: true, status, body });

/** In-memory stand-in for the IndexedDB store; values are cloned like IndexedDB does. */
class FakeStore {
  readonly drafts = new Map<string, DraftRecord>();
  readonly tabs = new Map<number, TabSession>();
  readonly finalBoard = new Map<string, ReconcileProgress>();
  async getDraft(id: string) {
    return structuredClone(this.drafts.get(id));
  }
  async getTab(tabId: number) {
    return structuredClone(this.tabs.get(tabId));
  }
  async allTabs() {
    return [...this.tabs.values()].map((tab) => structuredClone(tab));
  }
  async getFinalBoardProgress(draftId: string) {
    return structuredClone(this.finalBoard.get(draftId));
  }
  async setFinalBoardProgress(draftId: string, progress: ReconcileProgress) {
    this.finalBoard.set(draftId, structuredClone(progress));
  }
  async saveBatch(drafts: DraftRecord[], tab: TabSession | null) {
    for (const record of drafts) this.drafts.set(record.id, structuredClone(record));
    if (tab !== null) this.tabs.set(tab.tabId, structuredClone(tab));
  }
  async getPlayers() {
    return new Map();
  }
  progress(): ReconcileProgress | undefined {
    return this.finalBoard.get(DRAFT_ID);
  }
}

function storeWith(state: DraftState): FakeStore {
  const store = new FakeStore();
  store.drafts.set(DRAFT_ID, { id: DRAFT_ID, state, events: [], lastActiveAt: T, drift: emptyDrift() });
  return store;
}

interface Call {
  tabId: number;
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** Fake transports: the draft tab answers from a script (the last answer repeats); no network. */
function fakeFetch(...answers: Array<FetchAnswer | Error>) {
  const calls: Call[] = [];
  const pageFetch: Transports = {
    tab: (tabId) => async (request) => {
      calls.push({ tabId, ...request });
      const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    worker: () => Promise.reject(new Error("the final board is read through the draft tab only")),
  };
  return { calls, pageFetch };
}

/** One full attempt as the worker runs it: claim, request, commit. Returns null when no attempt was due. */
async function attempt(store: FakeStore, pageFetch: ReturnType<typeof fakeFetch>['pageFetch'], now: number) {
  if (!(await claimReconcileAttempt(store, DRAFT_ID, now))) return null;
  const outcome = await reconcileWithRest({ store, transports: pageFetch, now: () => now }, TAB, DRAFT_ID);
  const { log } = await commitReconcileOutcome(store, DRAFT_ID, outcome, now);
  return { outcome, log };
}

describe('nextReconcileStep', () => {
  const progress = (attempts: number, nextAttemptAt: number, done = false): ReconcileProgress => ({ attempts, nextAttemptAt, done });

  it('waits for the draft to be complete, then attempts at once', () => {
    expect(nextReconcileStep(undefined, 'pre_draft', T)).toBe('wait');
    expect(nextReconcileStep(undefined, 'live', T)).toBe('wait');
    expect(nextReconcileStep(undefined, 'paused', T)).toBe('wait');
    expect(nextReconcileStep(undefined, 'complete', T)).toBe('attempt');
  });

  it('attempts again only once the next attempt is due', () => {
    expect(nextReconcileStep(progress(1, T + 3000), 'complete', T + 2999)).toBe('wait');
    expect(nextReconcileStep(progress(1, T + 3000), 'complete', T + 3000)).toBe('attempt');
    expect(nextReconcileStep(progress(3, T), 'complete', T)).toBe('attempt');
  });

  it('is done when marked done or out of attempts, whatever the status', () => {
    expect(nextReconcileStep(progress(1, T, true), 'complete', T + 1e9)).toBe('done');
    expect(nextReconcileStep(progress(1, T, true), 'live', T)).toBe('done');
    expect(nextReconcileStep(progress(MAX_RECONCILE_ATTEMPTS, T), 'complete', T + 1e9)).toBe('done');
    expect(MAX_RECONCILE_ATTEMPTS).toBe(4);
  });

  it('marks an attempt with a lease longer than the request timeout', () => {
    expect(markAttempt(undefined, T)).toEqual({ attempts: 1, nextAttemptAt: T + RECONCILE_LEASE_MS, done: false });
    expect(markAttempt(progress(2, T - 5), T)).toEqual({ attempts: 3, nextAttemptAt: T + RECONCILE_LEASE_MS, done: false });
    expect(RECONCILE_LEASE_MS).toBeGreaterThan(15_000);
  });
});

describe('reconcileWithRest', () => {
  it("reads mDraftDetail through the draft tab with ESPN's header and a 15 s timeout", async () => {
    const store = storeWith(completedState());
    const { calls, pageFetch } = fakeFetch(ok(200, draftDetail(true)));
    await attempt(store, pageFetch, T);
    expect(calls).toEqual([{ tabId: TAB, url: URL_DRAFT_DETAIL, headers: { 'x-fantasy-source': 'kona' }, timeoutMs: 15_000 }]);
  });

  it('200 with the final board: confirms, fills and corrects, then is done', async () => {
    const state = completedState(10);
    const store = storeWith(state);
    const { pageFetch } = fakeFetch(ok(200, draftDetail(true, (n) => (n === 4 ? 4444 : 1000 + n))));
    const result = await attempt(store, pageFetch, T);
    expect(result?.outcome.progress).toEqual({ attempts: 1, nextAttemptAt: T, done: true, outcome: 'confirmed' });
    expect(result?.outcome.log).toEqual([]);
    const saved = store.drafts.get(DRAFT_ID)!;
    expect(saved.state.picks.map((pick) => pick.playerId)).toEqual([1001, 1002, 1003, 4444, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012]);
    expect(saved.state.picks.filter((pick) => pick.source === 'api').map((pick) => pick.overallPick)).toEqual([4, 11, 12]);
    expect(saved.events.map((entry) => [entry.level, entry.message])).toEqual([
      ['warn', "Pick 4: ESPN's API has player 4444, the socket said 1004; using ESPN's final board"],
      ['info', "Confirmed 9 picks against ESPN's API (filled 2 gaps, corrected 1)"],
    ]);
    expect(store.progress()).toEqual(result?.outcome.progress);
    expect(nextReconcileStep(store.progress(), 'complete', T + 1e9)).toBe('done');
  });

  it('200 with drafted:false: no change, and retried (ESPN can lag the socket)', async () => {
    const state = completedState(10);
    const store = storeWith(state);
    const { pageFetch } = fakeFetch(ok(200, draftDetail(false)));
    const result = await attempt(store, pageFetch, T);
    expect(result?.outcome.progress).toEqual({ attempts: 1, nextAttemptAt: T + 3000, done: false });
    expect(store.drafts.get(DRAFT_ID)!.state).toEqual(state);
    expect(result?.log.map((entry) => [entry.level, entry.message])).toEqual([
      ['info', "ESPN's API has no picks until the draft is complete"],
      ['info', "ESPN's final board is not ready yet; will retry in 3 s (attempt 1 of 4)"],
    ]);
  });

  const finals: Array<[string, FetchAnswer, string, string]> = [
    ['401', ok(401, '{"messages":["AUTH_LEAGUE_NOT_VISIBLE"]}'), 'private', "League is private: ESPN's API needs your ESPN login cookies; kept the socket's picks"],
    ['403', ok(403), 'private', "League is private: ESPN's API needs your ESPN login cookies; kept the socket's picks"],
    ['404', ok(404, 'Not Found'), 'not-found', "ESPN's API does not show this league (mock drafts are not readable); kept the socket's picks"],
  ];
  it.each(finals)('%s is final: one warning, no retry, state untouched', async (_name, answer, outcome, message) => {
    const state = completedState(10);
    const store = storeWith(state);
    const { calls, pageFetch } = fakeFetch(answer);
    const result = await attempt(store, pageFetch, T);
    expect(result?.outcome.board).toBeNull();
    expect(result?.outcome.progress).toEqual({ attempts: 1, nextAttemptAt: T, done: true, outcome });
    expect(result?.log).toEqual([{ at: T, level: 'warn', kind: 'api_unavailable', message }]);
    expect(store.drafts.get(DRAFT_ID)!.state).toEqual(state);
    for (let now = T; now < T + 600_000; now += 1000) await attempt(store, pageFetch, now);
    expect(calls).toHaveLength(1);
  });

  const retryable: Array<[string, FetchAnswer | Error, string]> = [
    ['500', ok(500, 'oops'), "ESPN's API failed (HTTP 500: ESPN server error)"],
    ['503', ok(503), "ESPN's API failed (HTTP 503: ESPN server error)"],
    ['302', ok(302), "ESPN's API answered with an unexpected HTTP 302"],
    ['timeout', { ok: false, error: 'timeout', message: 'aborted after 15000 ms' }, "ESPN's API did not answer within 15 s"],
    ['network error', { ok: false, error: 'network', message: 'Failed to fetch' }, "Could not reach ESPN's API (Failed to fetch)"],
    ['a throwing page fetch', new Error('tab closed'), "Could not reach ESPN's API (Error: tab closed)"],
    ['malformed JSON', ok(200, '{"draftDetail":'), "ESPN's API sent an unreadable answer (response is not valid JSON)"],
    [
      'the wrong shape',
      ok(200, JSON.stringify({ draftDetail: { picks: [] } })),
      "ESPN's API sent an unreadable answer (unexpected response shape at draftDetail.drafted: ",
    ],
  ];
  it.each(retryable)('%s: a warning each time, retried 3 s, 10 s, 30 s apart, then gives up; state untouched', async (_name, answer, message) => {
    const state = completedState(10);
    const store = storeWith(state);
    const { calls, pageFetch } = fakeFetch(answer);
    const log: LogEntry[] = [];
    const attemptTimes: number[] = [];
    // Batches arrive every second for ten minutes; only due attempts go out.
    for (let now = T; now < T + 600_000; now += 1000) {
      const result = await attempt(store, pageFetch, now);
      if (result === null) continue;
      attemptTimes.push(now);
      expect(result.outcome.board).toBeNull();
      expect(applyReconcileOutcome(state, result.outcome, now).state).toBe(state);
      log.push(...result.log);
    }
    expect(calls).toHaveLength(4);
    expect(attemptTimes).toEqual([T, T + 3000, T + 13_000, T + 43_000]);
    expect(store.progress()).toEqual({ attempts: 4, nextAttemptAt: T + 43_000, done: true, outcome: 'gave-up' });
    expect(log.every((entry) => entry.level === 'warn' && entry.kind === 'api_unavailable')).toBe(true);
    expect(log.map((entry) => entry.message)).toEqual([
      expect.stringMatching(new RegExp(`^${escape(message)}.*; will retry in 3 s \\(attempt 1 of 4\\)$`)),
      expect.stringMatching(new RegExp(`^${escape(message)}.*; will retry in 10 s \\(attempt 2 of 4\\)$`)),
      expect.stringMatching(new RegExp(`^${escape(message)}.*; will retry in 30 s \\(attempt 3 of 4\\)$`)),
      expect.stringMatching(new RegExp(`^${escape(message)}`)),
      "Could not read ESPN's API after 4 attempts; gave up and kept the socket's picks",
    ]);
    const saved = store.drafts.get(DRAFT_ID)!;
    expect(saved.state).toEqual(state);
    expect(saved.events).toEqual(log);
  });

  it('drafted:false four times ends with a final warning', async () => {
    const state = completedState(10);
    const store = storeWith(state);
    const { calls, pageFetch } = fakeFetch(ok(200, draftDetail(false)));
    for (let now = T; now < T + 600_000; now += 1000) await attempt(store, pageFetch, now);
    expect(calls).toHaveLength(4);
    const events = store.drafts.get(DRAFT_ID)!.events;
    expect(events.at(-1)).toEqual({ at: T + 43_000, level: 'warn', kind: 'api_unavailable', message: "ESPN's API still had no picks after 4 attempts; gave up and kept the socket's picks" });
    expect(store.drafts.get(DRAFT_ID)!.state).toEqual(state);
    expect(store.progress()?.outcome).toBe('gave-up');
  });

  it('recovers when a retry succeeds', async () => {
    const store = storeWith(completedState(10));
    const { calls, pageFetch } = fakeFetch(ok(503), { ok: false, error: 'timeout', message: 'slow' }, ok(200, draftDetail(true)));
    for (let now = T; now < T + 600_000; now += 1000) await attempt(store, pageFetch, now);
    expect(calls).toHaveLength(3);
    expect(store.progress()).toEqual({ attempts: 3, nextAttemptAt: T + 13_000, done: true, outcome: 'confirmed' });
    expect(store.drafts.get(DRAFT_ID)!.state.picks).toHaveLength(12);
  });

  it('a worker killed mid-request neither loops nor stalls: the next attempt waits out the lease', async () => {
    const store = storeWith(completedState());
    expect(await claimReconcileAttempt(store, DRAFT_ID, T)).toBe(true);
    // No outcome is ever committed for that attempt.
    expect(await claimReconcileAttempt(store, DRAFT_ID, T + 1000)).toBe(false);
    expect(await claimReconcileAttempt(store, DRAFT_ID, T + RECONCILE_LEASE_MS - 1)).toBe(false);
    expect(await claimReconcileAttempt(store, DRAFT_ID, T + RECONCILE_LEASE_MS)).toBe(true);
    expect(store.progress()?.attempts).toBe(2);
  });

  it('a worker killed in every attempt still stops after four', async () => {
    const store = storeWith(completedState());
    let claims = 0;
    for (let now = T; now < T + 600_000; now += 1000) if (await claimReconcileAttempt(store, DRAFT_ID, now)) claims++;
    expect(claims).toBe(4);
  });

  it('claims nothing before the draft is complete or for an unknown draft', async () => {
    const live = storeWith(run([], pickInOrder(liveDraft({ teams: TEAMS, rounds: 3 }), 5, TEAMS)).state);
    expect(await claimReconcileAttempt(live, DRAFT_ID, T)).toBe(false);
    expect(live.finalBoard.size).toBe(0);
    expect(await claimReconcileAttempt(new FakeStore(), DRAFT_ID, T)).toBe(false);
  });

  it('gives up quietly when the draft record is gone', async () => {
    const { calls, pageFetch } = fakeFetch(ok(200, draftDetail(true)));
    const outcome = await reconcileWithRest({ store: new FakeStore(), transports: pageFetch, now: () => T }, TAB, DRAFT_ID);
    expect(outcome).toEqual({ progress: { attempts: 1, nextAttemptAt: T + RECONCILE_LEASE_MS, done: true, outcome: 'no-draft' }, board: null, log: [] });
    expect(calls).toHaveLength(0);
  });

  it('applies the board to the latest state, not the one the request started from', async () => {
    const store = storeWith(completedState(10));
    const { pageFetch } = fakeFetch(ok(200, draftDetail(true)));
    expect(await claimReconcileAttempt(store, DRAFT_ID, T)).toBe(true);
    const outcome = await reconcileWithRest({ store, transports: pageFetch, now: () => T }, TAB, DRAFT_ID);
    // Meanwhile the socket delivered pick 11.
    const newer = completedState(11);
    store.drafts.set(DRAFT_ID, { id: DRAFT_ID, state: newer, events: [], lastActiveAt: T, drift: emptyDrift() });
    await commitReconcileOutcome(store, DRAFT_ID, outcome, T + 500);
    const saved = store.drafts.get(DRAFT_ID)!;
    expect(saved.state.picks.find((pick) => pick.overallPick === 11)?.source).toBe('socket');
    expect(saved.events.at(-1)?.message).toBe("Confirmed 11 picks against ESPN's API (filled 1 gap, corrected 0)");
  });

  it('ignores a board when the latest state is no longer complete', () => {
    const outcome: ReconcileOutcome = {
      progress: { attempts: 1, nextAttemptAt: T, done: true, outcome: 'confirmed' },
      board: { drafted: true, picks: [{ overallPick: 1, teamId: 1, playerId: 9, lineupSlotId: null, keeper: false }] },
      log: [],
    };
    const live = run([], pickInOrder(liveDraft({ teams: TEAMS, rounds: 3 }), 5, TEAMS)).state;
    const reduction = applyReconcileOutcome(live, outcome, T);
    expect(reduction.state).toBe(live);
    expect(reduction.log.map((entry) => entry.message)).toEqual(["The draft is no longer complete; ignored ESPN's API board"]);
  });
});

describe('DraftWorker wiring', () => {
  function worker(store: FakeStore, pageFetch: ReturnType<typeof fakeFetch>['pageFetch'], clock: { now: number }) {
    const reports: string[] = [];
    const draftCommits: string[] = [];
    const listPushes: DraftListPush[] = [];
    const draftWorker = new DraftWorker({
      store: store as unknown as DraftStore,
      playerNames: { ensurePool: async () => [] } as unknown as PlayerNames,
      transports: pageFetch,
      // The league-name lookup would take an answer meant for the final board; it has its own tests.
      lookupOptions: { ...DEFAULT_LOOKUP_OPTIONS, leagueName: { ...DEFAULT_LOOKUP_OPTIONS.leagueName, maxAttempts: 0 } },
      tabs: { setTimer: () => undefined, reload: async () => true, notifyFailed: async () => undefined, clearNotification: async () => undefined },
      connectionOptions: async () => DEFAULT,
      now: () => clock.now,
      random: () => 0.5,
      report: (level, message) => reports.push(`${level}: ${message}`),
      afterDraftCommit: (draftId) => draftCommits.push(draftId),
      draftListChanged: (push) => listPushes.push(push),
    });
    return { draftWorker, reports, draftCommits, listPushes };
  }

  const page = { sport: 'football', leagueId: KEY.leagueId, seasonId: KEY.seasonId, teamId: 2 };
  let seq = 0;
  const clockFrame = (at: number) => [{ k: 'frame' as const, sid: 's1', seq: ++seq, dir: 'in' as const, at, data: 'CLOCK 4\n' }];

  function seeded(state: DraftState): FakeStore {
    const store = storeWith({ ...state, teams: state.teams.map((team) => ({ ...team, name: `Team ${team.teamId}` })) });
    const tab = newTabSession(TAB, T);
    store.tabs.set(TAB, { ...tab, draftId: DRAFT_ID, activeSocketId: 's1', sockets: { s1: { draftId: DRAFT_ID, lastSeq: 0, openedAt: T, closedAt: null } } });
    return store;
  }

  const detailCalls = (calls: Call[]) => calls.filter((call) => call.url.includes('mDraftDetail'));

  it('post-draft batches drive the check; the board lands in the record', async () => {
    const store = seeded(completedState(10));
    const { calls, pageFetch } = fakeFetch(ok(503), ok(200, draftDetail(true)));
    const clock = { now: T };
    const { draftWorker, reports, draftCommits, listPushes } = worker(store, pageFetch, clock);

    await draftWorker.handleHookBatch(TAB, page, clockFrame(clock.now));
    await vi.waitFor(() => expect(store.progress()?.nextAttemptAt).toBe(T + 3000));
    expect(detailCalls(calls)).toEqual([{ tabId: TAB, url: URL_DRAFT_DETAIL, headers: { 'x-fantasy-source': 'kona' }, timeoutMs: 15_000 }]);
    expect(reports).toContain("warn: ESPN's API failed (HTTP 503: ESPN server error); will retry in 3 s (attempt 1 of 4)");

    clock.now = T + 1000; // not due yet
    await draftWorker.handleHookBatch(TAB, page, clockFrame(clock.now));
    expect(detailCalls(calls)).toHaveLength(1);

    clock.now = T + 20_000;
    await draftWorker.handleHookBatch(TAB, page, clockFrame(clock.now));
    await vi.waitFor(() => expect(store.progress()?.done).toBe(true));
    const saved = store.drafts.get(DRAFT_ID)!;
    expect(saved.state.picks).toHaveLength(12);
    expect(saved.events.at(-1)?.message).toBe("Confirmed 10 picks against ESPN's API (filled 2 gaps, corrected 0)");
    // The check's commit is announced, so an open popup is pushed the confirmed board.
    await vi.waitFor(() => expect(draftCommits).toContain(DRAFT_ID));
    // The chooser's line gets the filled gaps, from the record the check wrote; the check knows no tab.
    const lines = listPushes.flatMap((push) => (push.type === 'summary' ? [push.summary] : []));
    expect(lines.at(-1)).toMatchObject({ draftId: DRAFT_ID, picks: 12, status: 'complete' });
    expect(lines.at(-1)).not.toHaveProperty('tabId');

    clock.now = T + 200_000;
    await draftWorker.handleHookBatch(TAB, page, clockFrame(clock.now));
    expect(detailCalls(calls)).toHaveLength(2);
  });

  it('does not ask before the draft is complete', async () => {
    const store = seeded(run([], pickInOrder(liveDraft({ teams: TEAMS, rounds: 3 }), 5, TEAMS)).state);
    const { calls, pageFetch } = fakeFetch(ok(200, draftDetail(true)));
    const { draftWorker } = worker(store, pageFetch, { now: T });
    await draftWorker.handleHookBatch(TAB, page, clockFrame(T));
    expect(store.drafts.get(DRAFT_ID)).toBeDefined();
    expect(detailCalls(calls)).toHaveLength(0);
    expect(store.progress()).toBeUndefined();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
