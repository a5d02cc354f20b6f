import { describe, expect, it } from 'vitest';
import { createDraftState } from '../../../src/draft/create-draft';
import { reduceDraft } from '../../../src/draft/reducer';
import type { DraftKey, DraftState } from '../../../src/draft/types';
import { buildInitSnapshot } from '../../sim/init/build-snapshot';
import { encodeInit } from '../../sim/init/encode-init';
import { formatInitFrame } from '../../sim/init/format-init-frame';
import { parseFrame } from '../../../src/protocol/parse-frame';
import { initialConnection } from '../../../src/connection/reducer';
import { DEFAULT } from '../../../src/connection/options';
import { MESSAGES } from '../../../src/connection/messages';
import { displayStatus } from '../../../src/connection/status';
import type { ConnectionInput } from '../../../src/connection/types';
import type { HookItem } from '../../../src/contract/page-events';
import type { LifecycleEntry } from '../../../src/worker/ingest';
import { newTabSession, type TabSession } from '../../../src/store/records';
import { superviseBatch, superviseBatchAndArrival, superviseInput, type SuperviseContext, type Supervision } from '../../../src/worker/supervise';

const T = 1_756_607_000_000;
const TAB = 9;
const LEAGUE = 123456789;
const KEY: DraftKey = { game: 'ffl', leagueId: String(LEAGUE), seasonId: 2025 };
const DRAFT_ID = 'ffl:123456789:2025';
const MY_TEAM = 2;
const SWID = '{4D3A1F2C-9B8E-4C7D-A6F5-0123456789AB}';
const OTHER_SWID = '{00000000-0000-4000-8000-000000000007}';
const URL = `wss://fantasydraft.espn.com/game-1/league-${LEAGUE}/JOIN?1=1&2=${LEAGUE}&3=${MY_TEAM}&4=[swid]`;
const GRACE = DEFAULT.graceMs;

function initText(state: number, filled = 0): string {
  const snapshot = buildInitSnapshot({
    leagueId: LEAGUE,
    myTeamId: MY_TEAM,
    teamIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    state,
    draftDate: T - 60_000,
    picks: Array.from({ length: filled }, (_, i) => ({ overallPick: i + 1, playerId: 4_000_000 + i, spot: 1 })),
  });
  return formatInitFrame(encodeInit(snapshot));
}

const INIT_LIVE = initText(1);
const INIT_LIVE_3_PICKS = initText(1, 3);
const INIT_COMPLETE = initText(2);

/** The draft as the reducer leaves it after an INIT: myTeamId and status come from the snapshot. */
function draftAfter(init: string): DraftState {
  const event = parseFrame(init, 'in');
  if (event.type !== 'init') throw new Error(`fixture INIT did not parse: ${JSON.stringify(event).slice(0, 200)}`);
  return reduceDraft(createDraftState(KEY, T), event, T).state;
}

const LIVE_DRAFT = draftAfter(INIT_LIVE);
const COMPLETE_DRAFT = draftAfter(INIT_COMPLETE);

/** Per-socket sequence numbers, like the page hook's. */
const seqs = new Map<string, number>();
const nextSeq = (sid: string): number => {
  const seq = (seqs.get(sid) ?? 0) + 1;
  seqs.set(sid, seq);
  return seq;
};

const open = (sid: string, at: number): LifecycleEntry => ({ item: { k: 'open', sid, at, url: URL }, draftId: DRAFT_ID });

function frameIn(sid: string, at: number, data: string, opts: { draft?: DraftState | null; caughtUp?: number } = {}): LifecycleEntry {
  const item: HookItem = { k: 'frame', sid, seq: nextSeq(sid), dir: 'in', at, data };
  const event = parseFrame(data, 'in');
  const entry: LifecycleEntry = { item, draftId: DRAFT_ID, event };
  const draft = opts.draft === undefined ? LIVE_DRAFT : opts.draft;
  if (draft !== null) entry.draft = draft;
  if (opts.caughtUp !== undefined) entry.caughtUp = opts.caughtUp;
  return entry;
}

function frameOut(sid: string, at: number, data: string): LifecycleEntry {
  return { item: { k: 'frame', sid, seq: nextSeq(sid), dir: 'out', at, data }, draftId: DRAFT_ID, event: parseFrame(data, 'out') };
}

const init = (sid: string, at: number, text = INIT_LIVE, caughtUp = 0, draft = LIVE_DRAFT): LifecycleEntry =>
  frameIn(sid, at, text, { caughtUp, draft });

const close = (sid: string, at: number, code = 1006, reason = '', clean = false): LifecycleEntry => ({
  item: { k: 'close', sid, at, code, reason, clean },
  draftId: DRAFT_ID,
});

const error = (sid: string, at: number): LifecycleEntry => ({ item: { k: 'error', sid, at }, draftId: DRAFT_ID });

const stall = (sid: string, at: number, cause: 'silence' | 'pong-timeout' = 'silence', silentForMs = 20_000): LifecycleEntry => ({
  item: { k: 'stall', sid, at, cause, silentForMs },
  draftId: DRAFT_ID,
});

const unload = (at: number): LifecycleEntry => ({ item: { k: 'unload', at }, draftId: DRAFT_ID });

/** Deterministic randomness; records how often the policy drew. */
function fixedRandom(value = 0.5): { random: () => number; draws: () => number } {
  let draws = 0;
  return {
    random: () => {
      draws += 1;
      return value;
    },
    draws: () => draws,
  };
}

const ctx = (now: number, random = fixedRandom().random): SuperviseContext => ({ now, random, options: DEFAULT });

/**
 * The tab's connection seen the two ways the popup and the tests care about: its health (the
 * display status is derived) and its recovery. Field names as they were when the two were
 * separate state machines, so each assertion below still reads as it did.
 */
function health(session: TabSession) {
  const c = session.connection;
  return {
    status: displayStatus(c),
    draftComplete: c.phase === 'complete',
    socketOpen: c.socket.open,
    socketOpenedAt: c.socket.openedAt,
    lastFrameAt: c.socket.lastFrameAt,
    lastInboundAt: c.socket.lastInboundAt,
    lastPingSentAt: c.socket.lastPingSentAt,
    lastPongAt: c.socket.lastPongAt,
    heartbeat: c.heartbeat,
    activeIncident: c.incident,
    reloadInFlight: c.reloadInFlight,
    incidents: c.incidents,
    drops: c.drops,
    recoveries: c.recoveries,
  };
}

function recovery(session: TabSession) {
  const { phase, attempt, deadline, recoveryStartedAt, fault, newSocketOpenedAt } = session.connection;
  return { phase, attempt, deadline, recoveryStartedAt, fault, socketOpenedAt: newSocketOpenedAt };
}

/** The recovery of a tab with nothing to recover. */
const initialRecoveryState = () => recovery({ ...newTabSession(TAB, T), connection: initialConnection() });

const withActive = (session: TabSession, sid: string): TabSession => ({ ...session, activeSocketId: sid });

/** A tab whose socket s1 opened and delivered its INIT: health live, policy watching. */
function liveSession(): TabSession {
  const fresh: TabSession = { ...newTabSession(TAB, T), draftId: DRAFT_ID, activeSocketId: 's1' };
  const result = superviseBatch(fresh, [open('s1', T), init('s1', T + 200)], ctx(T + 250));
  expect(health(result.session).status).toBe('live');
  expect(recovery(result.session)).toEqual(initialRecoveryState());
  return result.session;
}

/** liveSession, then s1 closes with 1006 at `at`. */
function droppedSession(at = T + 10_000): TabSession {
  return superviseBatch(liveSession(), [close('s1', at)], ctx(at)).session;
}

/** Feeds one timer input per deadline until the policy stops arming timers; returns every step. */
function runTimers(session: TabSession, random: () => number, limit = 20): Supervision[] {
  const steps: Supervision[] = [];
  let current = session;
  for (let i = 0; i < limit && current.connection.deadline !== null; i += 1) {
    const step = superviseInput(current, { type: 'timerFired' }, ctx(current.connection.deadline, random));
    steps.push(step);
    current = step.session;
  }
  return steps;
}

const reloadsIn = (s: Supervision): number => s.actions.filter((a) => a.type === 'reloadTab').length;

describe('superviseBatch: a healthy connection', () => {
  it('goes live on open + INIT with no action and no log', () => {
    const fresh: TabSession = { ...newTabSession(TAB, T), draftId: DRAFT_ID, activeSocketId: 's1' };
    const result = superviseBatch(fresh, [open('s1', T), init('s1', T + 220)], ctx(T + 300));
    expect(result.actions).toEqual([]);
    expect(result.log).toEqual([]);
    expect(health(result.session)).toMatchObject({
      status: 'live',
      socketOpen: true,
      socketOpenedAt: T,
      lastInboundAt: T + 220,
      activeIncident: null,
      drops: 0,
    });
    expect(recovery(result.session)).toEqual(initialRecoveryState());
  });

  it('stays connecting until the INIT arrives', () => {
    const fresh: TabSession = { ...newTabSession(TAB, T), draftId: DRAFT_ID, activeSocketId: 's1' };
    const result = superviseBatch(fresh, [open('s1', T)], ctx(T));
    expect(health(result.session).status).toBe('connecting');
  });

  it('keeps the rest of the session and stamps updatedAt with ctx.now', () => {
    const session = { ...liveSession(), sockets: { s1: { draftId: DRAFT_ID, lastSeq: 4, openedAt: T, closedAt: null } } };
    const result = superviseBatch(session, [frameIn('s1', T + 1_000, 'SELECTING 3 30000')], ctx(T + 1_234));
    expect(result.session).toMatchObject({ tabId: TAB, draftId: DRAFT_ID, activeSocketId: 's1', sockets: session.sockets, updatedAt: T + 1_234 });
  });

  it('never mutates the session it is given', () => {
    const session = liveSession();
    const snapshot = structuredClone(session);
    superviseBatch(session, [close('s1', T + 5_000)], ctx(T + 5_000));
    superviseInput(session, { type: 'manualReloadRequested' }, ctx(T + 5_000));
    expect(session).toEqual(snapshot);
  });

  it('returns the input health unchanged for an empty batch', () => {
    const session = liveSession();
    const result = superviseBatch(session, [], ctx(T + 99));
    expect(result).toEqual({ session: { ...session, updatedAt: T + 99 }, actions: [], log: [] });
  });
});

describe('superviseBatch: drops', () => {
  it('starts a recovery when the active socket closes: wait until now + grace, warn "waiting for ESPN"', () => {
    const now = T + 10_050;
    const result = superviseBatch(liveSession(), [close('s1', T + 10_000)], ctx(now));
    expect(result.actions).toEqual([{ type: 'wait', untilMs: now + GRACE }]);
    expect(result.log).toEqual([{ at: now, level: 'warn', kind: 'recovery', message: 'WebSocket closed (1006); waiting for ESPN to reconnect' }]);
    expect(recovery(result.session)).toEqual({
      phase: 'grace',
      attempt: 0,
      deadline: now + GRACE,
      recoveryStartedAt: now,
      fault: 'drop',
      socketOpenedAt: null,
    });
    expect(health(result.session)).toMatchObject({ status: 'recovering', socketOpen: false, drops: 1 });
    expect(health(result.session).activeIncident).toMatchObject({
      cause: { kind: 'close', code: 1006, reason: '', wasClean: false },
      detectedAt: T + 10_000,
      faultStartedAt: T + 200,
      outcome: 'open',
    });
  });

  it('carries the close code and reason into the incident and the log', () => {
    const result = superviseBatch(liveSession(), [close('s1', T + 5_000, 1011, 'upstream gone', true)], ctx(T + 5_000));
    expect(health(result.session).activeIncident?.cause).toEqual({ kind: 'close', code: 1011, reason: 'upstream gone', wasClean: true });
    expect(result.log[0]?.message).toBe('WebSocket closed (1011); waiting for ESPN to reconnect');
  });

  it('ignores the close of an older socket after its replacement became active', () => {
    const session = withActive(liveSession(), 's2');
    const result = superviseBatch(session, [close('s1', T + 10_000)], ctx(T + 10_000));
    expect(result.actions).toEqual([]);
    expect(result.log).toEqual([]);
    expect(result.session.connection).toEqual(session.connection);
    expect(recovery(result.session)).toEqual(initialRecoveryState());
  });

  it('ignores errors and stalls of an older socket', () => {
    const session = withActive(liveSession(), 's2');
    const result = superviseBatch(session, [error('s1', T + 1_000), stall('s1', T + 2_000)], ctx(T + 2_000));
    expect(result.actions).toEqual([]);
    expect(result.log).toEqual([]);
    expect(result.session.connection).toEqual(session.connection);
    expect(recovery(result.session)).toEqual(initialRecoveryState());
  });

  it('treats error followed by close as one drop, described by the close code', () => {
    const result = superviseBatch(liveSession(), [error('s1', T + 3_000), close('s1', T + 3_001)], ctx(T + 3_001));
    expect(result.actions).toEqual([{ type: 'wait', untilMs: T + 3_001 + GRACE }]);
    expect(result.log).toHaveLength(1);
    expect(health(result.session).drops).toBe(1);
    expect(health(result.session).activeIncident?.cause).toMatchObject({ kind: 'close', code: 1006 });
  });

  it('starts only one recovery when a second socket also closes during the grace', () => {
    const dropped = droppedSession(T + 10_000);
    const result = superviseBatch(withActive(dropped, 's2'), [open('s2', T + 12_000), close('s2', T + 12_500)], ctx(T + 12_500));
    expect(result.actions).toEqual([{ type: 'wait', untilMs: T + 12_500 + DEFAULT.espnSocketInitTimeoutMs }]);
    expect(result.log.map((l) => l.message)).toEqual([MESSAGES.espnSocketOpened]);
    expect(recovery(result.session)).toMatchObject({ phase: 'grace', recoveryStartedAt: T + 10_000 });
    expect(health(result.session).drops).toBe(1);
  });
});

describe('superviseBatch: stalls', () => {
  it('opens a stall incident on the active socket and starts the grace', () => {
    const now = T + 20_200;
    const result = superviseBatch(liveSession(), [stall('s1', now, 'silence', 20_000)], ctx(now));
    expect(result.actions).toEqual([{ type: 'wait', untilMs: now + GRACE }]);
    expect(result.log).toEqual([{ at: now, level: 'warn', kind: 'recovery', message: 'No data from ESPN for 20.0 s; waiting for ESPN to reconnect' }]);
    expect(recovery(result.session)).toMatchObject({ phase: 'grace', fault: 'stall', deadline: now + GRACE, socketOpenedAt: null });
    // stalled, then at once recovering: the policy took the stall on.
    expect(health(result.session)).toMatchObject({ status: 'recovering', socketOpen: true, drops: 1 });
    expect(health(result.session).activeIncident).toMatchObject({ cause: { kind: 'silence', silentForMs: 20_000 }, detectedAt: now });
  });

  it('describes a heartbeat timeout as such', () => {
    const result = superviseBatch(liveSession(), [stall('s1', T + 9_000, 'pong-timeout', 7_000)], ctx(T + 9_000));
    expect(result.log[0]?.message).toBe('ESPN stopped answering heartbeats (silent for 7.0 s); waiting for ESPN to reconnect');
    expect(health(result.session).activeIncident?.cause).toEqual({ kind: 'pong-timeout', silentForMs: 7_000 });
  });

  it('ends the recovery without a reload when the stalled active socket speaks again during the grace', () => {
    const stalled = superviseBatch(liveSession(), [stall('s1', T + 20_000)], ctx(T + 20_000)).session;
    const resumed = superviseBatch(stalled, [frameIn('s1', T + 23_000, 'SELECTING 4 30000')], ctx(T + 23_000));
    expect(resumed.actions).toEqual([{ type: 'clearNotification' }]);
    expect(resumed.log).toEqual([
      { at: T + 23_000, level: 'info', kind: 'recovery', message: "ESPN's connection came back by itself after 3.0 s" },
    ]);
    expect(recovery(resumed.session)).toEqual(initialRecoveryState());
    expect(health(resumed.session)).toMatchObject({ status: 'live', activeIncident: null, recoveries: 1 });
    expect(health(resumed.session).incidents[0]).toMatchObject({ outcome: 'recovered', recoveredAt: T + 23_000, reloadAttempts: 0 });

    // The grace timer still fires later; it finds nothing to do.
    const late = superviseInput(resumed.session, { type: 'timerFired' }, ctx(T + 20_000 + GRACE));
    expect(late.actions).toEqual([]);
    expect(late.log).toEqual([]);
    expect(health(late.session).status).toBe('live');
  });

  it('does not count our own outbound frames on the stalled socket as ESPN resuming', () => {
    const stalled = superviseBatch(liveSession(), [stall('s1', T + 20_000)], ctx(T + 20_000)).session;
    const result = superviseBatch(stalled, [frameOut('s1', T + 21_000, `PING PING%20${T + 21_000}`)], ctx(T + 21_000));
    expect(result.actions).toEqual([]);
    expect(recovery(result.session)).toMatchObject({ phase: 'grace', fault: 'stall' });
    expect(reloadsIn(superviseInput(result.session, { type: 'timerFired' }, ctx(T + 20_000 + GRACE)))).toBe(1);
  });

  it('does not let frames of another socket end the policy’s recovery of the stalled one', () => {
    const stalled = superviseBatch(liveSession(), [stall('s1', T + 20_000)], ctx(T + 20_000)).session;
    const result = superviseBatch(stalled, [frameIn('s0', T + 21_000, 'SELECTING 4 30000')], ctx(T + 21_000));
    expect(result.log).toEqual([]);
    expect(recovery(result.session)).toMatchObject({ phase: 'grace', fault: 'stall' });
  });

  it('after a drop, frames on a new socket before its INIT do not end the recovery', () => {
    const dropped = withActive(droppedSession(T + 10_000), 's2');
    const result = superviseBatch(dropped, [open('s2', T + 11_000), frameIn('s2', T + 11_100, 'SELECTING 4 30000')], ctx(T + 11_100));
    expect(recovery(result.session)).toMatchObject({ phase: 'grace', fault: 'drop' });
    expect(health(result.session).status).toBe('recovering');
    expect(result.log.map((l) => l.message)).toEqual([MESSAGES.espnSocketOpened]);
  });
});

describe('superviseBatch: reconnects', () => {
  it('recovers on an INIT from a new socket after a drop: health live, picks caught up recorded', () => {
    const dropped = withActive(droppedSession(T + 10_000), 's2');
    const now = T + 13_300;
    const result = superviseBatch(
      dropped,
      [open('s2', T + 13_000), init('s2', T + 13_220, INIT_LIVE_3_PICKS, 3)],
      ctx(now),
    );
    expect(result.actions).toEqual([
      { type: 'wait', untilMs: now + DEFAULT.espnSocketInitTimeoutMs },
      { type: 'clearNotification' },
    ]);
    expect(result.log).toEqual([
      { at: now, level: 'info', kind: 'recovery', message: MESSAGES.espnSocketOpened },
      { at: now, level: 'info', kind: 'recovery', message: 'Reconnected after 3.3 s' },
    ]);
    expect(recovery(result.session)).toEqual(initialRecoveryState());
    expect(health(result.session)).toMatchObject({ status: 'live', socketOpen: true, activeIncident: null, drops: 1, recoveries: 1 });
    expect(health(result.session).incidents).toHaveLength(1);
    expect(health(result.session).incidents[0]).toMatchObject({
      outcome: 'recovered',
      cause: { kind: 'close', code: 1006 },
      recoveredAt: T + 13_220,
      recoveryDurationMs: 3_220,
      picksCaughtUp: 3,
      reloadAttempts: 0,
    });
  });

  it('recovers when open and INIT arrive in separate batches', () => {
    const dropped = withActive(droppedSession(T + 10_000), 's2');
    const opened = superviseBatch(dropped, [open('s2', T + 12_000)], ctx(T + 12_000));
    expect(recovery(opened.session)).toMatchObject({ phase: 'grace', socketOpenedAt: T + 12_000 });
    const result = superviseBatch(opened.session, [init('s2', T + 12_300, INIT_LIVE, 1)], ctx(T + 12_300));
    expect(recovery(result.session)).toEqual(initialRecoveryState());
    expect(health(result.session).status).toBe('live');
    expect(health(result.session).incidents[0]?.picksCaughtUp).toBe(1);
    // Stale grace and snapshot timers find nothing to do.
    for (const at of [T + 10_000 + GRACE, T + 22_000]) {
      expect(superviseInput(result.session, { type: 'timerFired' }, ctx(at)).actions).toEqual([]);
    }
  });

  it('recovers a stall through a new socket’s INIT too', () => {
    const stalled = withActive(superviseBatch(liveSession(), [stall('s1', T + 20_000)], ctx(T + 20_000)).session, 's2');
    const result = superviseBatch(stalled, [open('s2', T + 22_000), init('s2', T + 22_200, INIT_LIVE, 2)], ctx(T + 22_200));
    expect(recovery(result.session)).toEqual(initialRecoveryState());
    expect(health(result.session)).toMatchObject({ status: 'live', recoveries: 1 });
    expect(health(result.session).incidents[0]).toMatchObject({ cause: { kind: 'silence' }, picksCaughtUp: 2 });
  });

  it('after the new socket opens, a stray frame before its INIT is not a recovery', () => {
    const dropped = withActive(droppedSession(T + 10_000), 's2');
    const result = superviseBatch(dropped, [open('s2', T + 12_000), frameIn('s2', T + 12_100, `JOINED 3 ${OTHER_SWID}`)], ctx(T + 12_100));
    expect(health(result.session).activeIncident).not.toBeNull();
    expect(health(result.session).status).toBe('recovering');
  });
});

describe('superviseInput: reloads and giving up', () => {
  it('re-arms an early timer without reloading', () => {
    const dropped = droppedSession(T + 10_000);
    const result = superviseInput(dropped, { type: 'timerFired' }, ctx(T + 10_000 + GRACE - 1));
    expect(result.actions).toEqual([{ type: 'wait', untilMs: T + 10_000 + GRACE }]);
    expect(result.log).toEqual([]);
    expect(result.session.connection).toEqual(dropped.connection);
  });

  it('reloads the tab when the grace ends without a reconnect, and health shows the reload', () => {
    const dropped = droppedSession(T + 10_000);
    const now = T + 10_000 + GRACE;
    const result = superviseInput(dropped, { type: 'timerFired' }, ctx(now));
    expect(result.actions).toEqual([{ type: 'reloadTab' }, { type: 'wait', untilMs: now + DEFAULT.reloadTimeoutMs }]);
    expect(result.log).toEqual([
      { at: now, level: 'info', kind: 'recovery', message: 'Reloading draft tab, attempt 1/6 (ESPN did not reconnect within 8.0 s)' },
    ]);
    expect(recovery(result.session)).toMatchObject({ phase: 'reloading', attempt: 1 });
    expect(health(result.session)).toMatchObject({ status: 'recovering', reloadInFlight: true });
    expect(health(result.session).activeIncident?.reloadAttempts).toBe(1);
    expect(result.session.updatedAt).toBe(now);
  });

  it('after the reload: the unload is ours, the reopened socket logs nothing, the INIT recovers "(1 reload)"', () => {
    const reloading = superviseInput(droppedSession(T + 10_000), { type: 'timerFired' }, ctx(T + 10_000 + GRACE)).session;
    const unloaded = superviseBatch(reloading, [unload(T + 18_100)], ctx(T + 18_100));
    expect(health(unloaded.session)).toMatchObject({ status: 'recovering', socketOpen: false });
    expect(health(unloaded.session).activeIncident?.cause.kind).toBe('close');
    expect(unloaded.actions).toEqual([]);

    // The policy's note about the reopened socket is debug level: not written to the draft log.
    const reopened = superviseBatch(withActive(unloaded.session, 's2'), [open('s2', T + 20_000)], ctx(T + 20_000));
    expect(reopened.log).toEqual([]);
    expect(reopened.actions).toEqual([]);
    expect(recovery(reopened.session)).toMatchObject({ phase: 'reloading', socketOpenedAt: T + 20_000 });

    const back = superviseBatch(reopened.session, [init('s2', T + 20_400, INIT_LIVE_3_PICKS, 3)], ctx(T + 20_400));
    expect(back.log).toEqual([{ at: T + 20_400, level: 'info', kind: 'recovery', message: 'Reconnected after 10.4 s (1 reload)' }]);
    expect(back.actions).toEqual([{ type: 'clearNotification' }]);
    expect(health(back.session)).toMatchObject({ status: 'live', reloadInFlight: false, recoveries: 1 });
    expect(health(back.session).incidents[0]).toMatchObject({ outcome: 'recovered', reloadAttempts: 1, picksCaughtUp: 3 });
  });

  it('backs off with the injected random between reloads and gives up after maxAttempts', () => {
    const rng = fixedRandom(0.5);
    const steps = runTimers(droppedSession(T + 10_000), rng.random);
    const reloads = steps.filter((s) => reloadsIn(s) > 0);
    expect(reloads).toHaveLength(DEFAULT.maxAttempts);

    // Backoff waits (full jitter at 0.5 of 2 s · 2^(n−1), clamped to [1 s, 30 s]).
    const backoffWaits = steps
      .filter((s) => recovery(s.session).phase === 'backoff')
      .map((s) => (s.actions[0]?.type === 'wait' ? s.actions[0].untilMs - s.session.updatedAt : NaN));
    expect(backoffWaits).toEqual([1_000, 2_000, 4_000, 8_000, 15_000]);
    expect(rng.draws()).toBe(5);

    const last = steps[steps.length - 1]!;
    expect(last.actions).toEqual([{ type: 'notifyFailed' }]);
    expect(last.log).toEqual([
      { at: last.session.updatedAt, level: 'error', kind: 'recovery', message: 'Gave up after 6 reloads; the draft tab needs a manual reload' },
    ]);
    expect(recovery(last.session)).toMatchObject({ phase: 'failed', deadline: null });
    expect(health(last.session)).toMatchObject({ status: 'failed', reloadInFlight: false });
    expect(health(last.session).activeIncident).toMatchObject({ gaveUp: true, reloadAttempts: 6, outcome: 'open' });

    const warnings = steps.flatMap((s) => s.log).filter((l) => l.level === 'warn');
    expect(warnings.map((l) => l.message)).toEqual([
      'Reload attempt 1/6 did not reconnect within 20.0 s; next attempt in 1.0 s',
      'Reload attempt 2/6 did not reconnect within 20.0 s; next attempt in 2.0 s',
      'Reload attempt 3/6 did not reconnect within 20.0 s; next attempt in 4.0 s',
      'Reload attempt 4/6 did not reconnect within 20.0 s; next attempt in 8.0 s',
      'Reload attempt 5/6 did not reconnect within 20.0 s; next attempt in 15.0 s',
    ]);
  });

  it('a manual reload after giving up reloads at once and health shows the reload again', () => {
    const failed = runTimers(droppedSession(T + 10_000), fixedRandom().random).at(-1)!.session;
    const now = failed.updatedAt + 60_000;
    const result = superviseInput(failed, { type: 'manualReloadRequested' }, ctx(now));
    expect(result.actions).toEqual([
      { type: 'clearNotification' },
      { type: 'reloadTab' },
      { type: 'wait', untilMs: now + DEFAULT.reloadTimeoutMs },
    ]);
    expect(result.log.map((l) => l.message)).toEqual([MESSAGES.manualReload]);
    expect(health(result.session)).toMatchObject({ status: 'recovering', reloadInFlight: true });
  });

  it('stops for good when the tab closes; later timers do nothing', () => {
    const dropped = droppedSession(T + 10_000);
    const closed = superviseInput(dropped, { type: 'tabClosed' }, ctx(T + 11_000));
    expect(closed.actions).toEqual([]);
    expect(closed.log).toEqual([{ at: T + 11_000, level: 'info', kind: 'recovery', message: MESSAGES.tabClosed }]);
    expect(recovery(closed.session).phase).toBe('tabClosed');
    expect(superviseInput(closed.session, { type: 'timerFired' }, ctx(T + 10_000 + GRACE)).actions).toEqual([]);
  });
});

describe('superviseBatch: kicked (LEFT <me> <swid> 2)', () => {
  const leftFrame = (teamId: number, reason: string): string => `LEFT ${teamId} ${SWID}${reason === '' ? '' : ` ${reason}`}`;

  it('marks the tab kicked, warns, and never reloads afterwards', () => {
    const result = superviseBatch(liveSession(), [frameIn('s1', T + 5_000, leftFrame(MY_TEAM, '2'))], ctx(T + 5_000));
    expect(result.actions).toEqual([]);
    expect(result.log).toEqual([{ at: T + 5_000, level: 'warn', kind: 'recovery', message: MESSAGES.kicked }]);
    expect(recovery(result.session).phase).toBe('kicked');
    expect(health(result.session).status).toBe('kicked');
    expect(health(result.session).activeIncident?.cause).toEqual({ kind: 'kicked' });
    expect(health(result.session).drops).toBe(0);

    // ESPN then drops the socket; nothing may reload, now or when any timer fires.
    const closed = superviseBatch(result.session, [close('s1', T + 5_010)], ctx(T + 5_010));
    expect(closed.actions).toEqual([]);
    expect(closed.log).toEqual([]);
    expect(health(closed.session).status).toBe('kicked');
    const inputs: ConnectionInput[] = [{ type: 'timerFired' }, { type: 'stallDetected', at: T + 5_010 + GRACE, cause: 'silence', silentForMs: 60_000 }];
    for (const input of inputs) {
      for (const at of [T + 5_010 + GRACE, T + 3_600_000]) {
        const later = superviseInput(closed.session, input, ctx(at));
        expect(later.actions).toEqual([]);
        expect(recovery(later.session).phase).toBe('kicked');
      }
    }
  });

  it('cancels a pending grace: the old timer does not reload after the kick', () => {
    const dropped = withActive(droppedSession(T + 10_000), 's2');
    const reopened = superviseBatch(dropped, [open('s2', T + 11_000)], ctx(T + 11_000)).session;
    const kicked = superviseBatch(reopened, [frameIn('s2', T + 11_200, leftFrame(MY_TEAM, '2'))], ctx(T + 11_200));
    expect(recovery(kicked.session).phase).toBe('kicked');
    expect(recovery(kicked.session).deadline).toBeNull();
    const steps = [T + 10_000 + GRACE, T + 21_000, T + 600_000].map((at) => superviseInput(kicked.session, { type: 'timerFired' }, ctx(at)));
    expect(steps.every((s) => s.actions.length === 0)).toBe(true);
  });

  it.each([
    ['another team, reason 2', 7, '2'],
    ['my team, reason 1', MY_TEAM, '1'],
    ['my team, reason 0', MY_TEAM, '0'],
    ['my team, no reason', MY_TEAM, ''],
  ])('does nothing for LEFT of %s', (_name, teamId, reason) => {
    const session = liveSession();
    const result = superviseBatch(session, [frameIn('s1', T + 5_000, leftFrame(teamId, reason))], ctx(T + 5_000));
    expect(result.actions).toEqual([]);
    expect(result.log).toEqual([]);
    expect(recovery(result.session)).toEqual(initialRecoveryState());
    expect(health(result.session).status).toBe('live');
    expect(health(result.session).activeIncident).toBeNull();
  });

  it('does nothing while my team is unknown (no INIT yet, or no draft on the entry)', () => {
    const session = liveSession();
    const unknownTeam = { ...LIVE_DRAFT, myTeamId: null };
    for (const draft of [unknownTeam, null]) {
      const result = superviseBatch(session, [frameIn('s1', T + 5_000, leftFrame(MY_TEAM, '2'), { draft })], ctx(T + 5_000));
      expect(recovery(result.session).phase).toBe('watching');
      expect(health(result.session).status).toBe('live');
    }
  });

  it('takes my team from the draft on the entry, not from the socket URL', () => {
    const otherSeat = { ...LIVE_DRAFT, myTeamId: 7 };
    const result = superviseBatch(liveSession(), [frameIn('s1', T + 5_000, leftFrame(7, '2'), { draft: otherSeat })], ctx(T + 5_000));
    expect(recovery(result.session).phase).toBe('kicked');
  });
});

describe('superviseBatch: draft complete', () => {
  it('records completion once and never reloads after a close', () => {
    const session = liveSession();
    const done = superviseBatch(session, [frameIn('s1', T + 50_000, 'CLOCK 0 2', { draft: COMPLETE_DRAFT })], ctx(T + 50_000));
    expect(done.actions).toEqual([]);
    expect(done.log).toEqual([{ at: T + 50_000, level: 'info', kind: 'recovery', message: MESSAGES.draftComplete }]);
    expect(recovery(done.session).phase).toBe('complete');
    expect(health(done.session)).toMatchObject({ draftComplete: true, status: 'live' });

    const again = superviseBatch(done.session, [frameIn('s1', T + 51_000, 'CLOCK 0 2', { draft: COMPLETE_DRAFT })], ctx(T + 51_000));
    expect(again.log).toEqual([]);

    const closed = superviseBatch(again.session, [close('s1', T + 52_000, 1000, '', true)], ctx(T + 52_000));
    expect(closed.actions).toEqual([]);
    expect(closed.log).toEqual([]);
    expect(health(closed.session)).toMatchObject({ status: 'finished', drops: 0, activeIncident: null });
    for (const input of [{ type: 'timerFired' }, { type: 'manualReloadRequested' }] as ConnectionInput[]) {
      expect(reloadsIn(superviseInput(closed.session, input, ctx(T + 600_000)))).toBe(0);
    }
  });

  it('notices completion from the INIT of a reconnect and cancels the pending recovery', () => {
    const dropped = withActive(droppedSession(T + 10_000), 's2');
    const result = superviseBatch(
      dropped,
      [open('s2', T + 12_000), init('s2', T + 12_200, INIT_COMPLETE, 0, COMPLETE_DRAFT)],
      ctx(T + 12_200),
    );
    expect(result.log.map((l) => l.message)).toEqual([MESSAGES.espnSocketOpened, 'Reconnected after 2.2 s', MESSAGES.draftComplete]);
    expect(recovery(result.session).phase).toBe('complete');
    expect(health(result.session).draftComplete).toBe(true);
    expect(superviseInput(result.session, { type: 'timerFired' }, ctx(T + 10_000 + GRACE)).actions).toEqual([]);
  });

  it('a stall after completion is no fault', () => {
    const done = superviseBatch(liveSession(), [frameIn('s1', T + 50_000, 'CLOCK 0 2', { draft: COMPLETE_DRAFT })], ctx(T + 50_000));
    const result = superviseBatch(done.session, [stall('s1', T + 80_000)], ctx(T + 80_000));
    expect(result.actions).toEqual([]);
    expect(result.log).toEqual([]);
    expect(health(result.session).activeIncident).toBeNull();
  });
});

describe('superviseBatch: heartbeat', () => {
  it('records an outbound PING as pingSent at the frame time', () => {
    const session = liveSession();
    const result = superviseBatch(session, [frameOut('s1', T + 1_000, `PING PING%20${T + 1_000}`)], ctx(T + 1_050));
    expect(health(result.session)).toMatchObject({ lastPingSentAt: T + 1_000, lastFrameAt: T + 1_000, lastInboundAt: health(session).lastInboundAt });
  });

  it('other outbound frames are not pings', () => {
    const result = superviseBatch(liveSession(), [frameOut('s1', T + 1_000, 'SELECT 4362628')], ctx(T + 1_000));
    expect(health(result.session).lastPingSentAt).toBeNull();
    expect(health(result.session).lastFrameAt).toBe(T + 1_000);
  });

  it('turns PONG arrival − echoed ping time into an RTT sample', () => {
    const result = superviseBatch(
      liveSession(),
      [frameOut('s1', T + 1_000, `PING PING%20${T + 1_000}`), frameIn('s1', T + 1_120, `PONG PING%20${T + 1_000}`)],
      ctx(T + 1_200),
    );
    expect(health(result.session).heartbeat).toEqual({ lastRttMs: 120, smoothedRttMs: 120, maxRttMs: 120, samples: 1 });
    expect(health(result.session).lastPongAt).toBe(T + 1_120);
  });

  it('smooths successive samples and tracks the maximum', () => {
    const result = superviseBatch(
      liveSession(),
      [frameIn('s1', T + 1_120, `PONG PING%20${T + 1_000}`), frameIn('s1', T + 6_200, `PONG PING%20${T + 6_000}`)],
      ctx(T + 6_200),
    );
    expect(health(result.session).heartbeat).toEqual({ lastRttMs: 200, smoothedRttMs: 130, maxRttMs: 200, samples: 2 });
  });

  it('takes the RTT from the echoed time, not from when we last saw a PING go out', () => {
    const result = superviseBatch(
      liveSession(),
      [frameOut('s1', T + 5_000, `PING PING%20${T + 5_000}`), frameIn('s1', T + 5_090, `PONG PING%20${T + 4_950}`)],
      ctx(T + 5_090),
    );
    expect(health(result.session).heartbeat.lastRttMs).toBe(140);
  });

  it('adds no sample for inbound frames that are not PONGs', () => {
    const result = superviseBatch(liveSession(), [frameIn('s1', T + 1_000, 'SELECTING 3 30000')], ctx(T + 1_000));
    expect(health(result.session).heartbeat.samples).toBe(0);
    expect(health(result.session).lastInboundAt).toBe(T + 1_000);
  });
});

describe('superviseBatch: page unload and log hygiene', () => {
  it('marks the tab unloaded when the page goes away by itself', () => {
    const result = superviseBatch(liveSession(), [unload(T + 30_000)], ctx(T + 30_000));
    expect(health(result.session)).toMatchObject({ status: 'unloaded', socketOpen: false });
    expect(health(result.session).activeIncident?.cause).toEqual({ kind: 'page-unload' });
    expect(result.actions).toEqual([]);
    expect(recovery(result.session)).toEqual(initialRecoveryState());
  });

  it('writes every log line as kind recovery, never at debug level, stamped with ctx.now', () => {
    const all: Supervision[] = [];
    const record = (s: Supervision): TabSession => {
      all.push(s);
      return s.session;
    };
    let session = record(superviseBatch(liveSession(), [close('s1', T + 10_000)], ctx(T + 10_000)));
    session = record(superviseInput(session, { type: 'timerFired' }, ctx(T + 18_000)));
    session = record(superviseBatch(session, [unload(T + 18_100)], ctx(T + 18_100)));
    session = record(superviseBatch(withActive(session, 's2'), [open('s2', T + 20_000)], ctx(T + 20_000)));
    session = record(superviseBatch(session, [init('s2', T + 20_300, INIT_LIVE, 0)], ctx(T + 20_300)));
    session = record(superviseBatch(session, [stall('s2', T + 40_000)], ctx(T + 40_000)));
    session = record(superviseInput(session, { type: 'timerFired' }, ctx(T + 48_000)));
    for (const step of runTimers(session, fixedRandom().random)) record(step);

    const lines = all.flatMap((s) => s.log.map((entry) => ({ entry, now: s.session.updatedAt })));
    expect(lines.length).toBeGreaterThan(10);
    for (const { entry, now } of lines) {
      expect(entry.kind).toBe('recovery');
      expect(['info', 'warn', 'error']).toContain(entry.level);
      expect(entry.at).toBe(now);
    }
    // Log actions are turned into log lines, never passed on to the shell.
    expect(all.flatMap((s) => s.actions).some((a) => (a as { type: string }).type === 'log')).toBe(false);
  });
});

describe('superviseBatch: regressions', () => {
  it('ignores late frames of a replaced socket while a stall recovery waits', () => {
    const stalled = superviseBatch(withActive(liveSession(), 's1'), [stall('s1', T + 20_000)], ctx(T + 20_000)).session;
    const late = superviseBatch(stalled, [frameIn('s0', T + 21_000, 'SELECTING 1 30000\n')], ctx(T + 21_000));
    expect(health(late.session).status).toBe(health(stalled).status);
    expect(health(late.session).lastInboundAt).toBe(health(stalled).lastInboundAt);
    expect(recovery(late.session).phase).toBe('grace');
  });

  it('records zero caught-up picks as zero, not unknown', () => {
    const dropped = droppedSession();
    const back = superviseBatch(withActive(dropped, 's2'), [open('s2', T + 11_000), init('s2', T + 11_200, INIT_LIVE, 0)], ctx(T + 11_300), 's1');
    expect(health(back.session).incidents.at(-1)?.picksCaughtUp).toBe(0);
  });

  it('treats a close and the next open in one batch as a drop of the old socket', () => {
    const result = superviseBatch(
      withActive(liveSession(), 's2'),
      [close('s1', T + 10_000), open('s2', T + 10_500)],
      ctx(T + 10_600),
      's1',
    );
    expect(health(result.session).drops).toBe(1);
  });
});

describe('superviseBatch: a hole in the frame stream', () => {
  it('starts a recovery, since only a new socket’s INIT can fill it', () => {
    const entry = { ...frameIn('s1', T + 30_000, 'SELECTED 3 4429795 2\n'), desync: true };
    const result = superviseBatch(liveSession(), [entry], ctx(T + 30_000));
    expect(recovery(result.session).phase).toBe('grace');
    expect(result.actions).toContainEqual({ type: 'wait', untilMs: T + 30_000 + GRACE });
    expect(health(result.session).activeIncident?.cause).toEqual({ kind: 'frames-lost' });
    expect(health(result.session).drops).toBe(1);
    expect(result.log.map((entry) => entry.message)).toContain('Frames from the draft socket were lost; getting a fresh snapshot from ESPN');
  });
});

describe('superviseBatchAndArrival: the watchdog sees every batch', () => {
  it('is superviseBatch plus the arrival: a live batch arms the watchdog after the batch\'s own actions', () => {
    const fresh = newTabSession(TAB, T);
    const entries = [open('w1', T), init('w1', T + 200)];
    const plain = superviseBatch(fresh, entries, ctx(T + 250));
    const watched = superviseBatchAndArrival(fresh, entries, ctx(T + 250));
    expect(plain.actions).toEqual([]);
    expect(watched.actions).toEqual([{ type: 'wait', untilMs: T + 250 + DEFAULT.activeBudgetMs + DEFAULT.watchdogMarginMs }]);
    expect(watched.log).toEqual(plain.log);
    expect(watched.session.connection.lastBatchAt).toBe(T + 250);
    expect(displayStatus(watched.session.connection)).toBe('live');
  });

  it('keeps a drop\'s grace deadline: the arrival does not arm during a recovery', () => {
    const live = superviseBatchAndArrival(newTabSession(TAB, T), [open('w2', T), init('w2', T + 200)], ctx(T + 250)).session;
    const dropped = superviseBatchAndArrival(live, [close('w2', T + 5_000)], ctx(T + 5_050), 'w2');
    expect(dropped.actions).toEqual([{ type: 'wait', untilMs: T + 5_050 + GRACE }]);
    expect(dropped.session.connection.deadline).toBe(T + 5_050 + GRACE);
  });

  it('takes the paused budget from a paused draft in the batch', () => {
    const live = superviseBatchAndArrival(newTabSession(TAB, T), [open('w3', T), init('w3', T + 200)], ctx(T + 250)).session;
    const pausedDraft: DraftState = { ...LIVE_DRAFT, status: 'paused' };
    const paused = superviseBatchAndArrival(live, [frameIn('w3', T + 5_000, '0 CLOCK', { draft: pausedDraft })], ctx(T + 5_050), 'w3');
    expect(paused.session.connection.quietPhase).toBe('paused');
    // The pending (earlier) deadline stays; it re-arms to the paused budget when it comes due.
    expect(paused.actions).toEqual([]);
  });
});
