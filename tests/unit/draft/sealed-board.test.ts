import { describe, expect, it } from 'vitest';
import type { DraftEvent } from '../../../src/protocol/events';
import { isConfirmedComplete, isSealed, refuseOnSealedBoard, sealBoard } from '../../../src/draft/sealed-board';
import { reduceDraft } from '../../../src/draft/reducer';
import { reduceDraftSession } from '../../../src/draft/session';
import { emptyDrift } from '../../../src/draft/drift';
import { markDesynced } from '../../../src/draft/mark-desynced';
import { applyReconcileOutcome, type ReconcileOutcome } from '../../../src/lookups/final-board';
import { feedInputs } from '../../../src/connection/feed-inputs';
import { checkInvariants } from '../../../src/draft/invariants';
import { init, liveDraft, pickInOrder, run, selected, selecting, stateCode, pickClock, type Run } from './draft-fixture';
import { snakeTeam } from './snapshot-fixture';

const TEAMS = 4;
const ROUNDS = 2;
const TOTAL = TEAMS * ROUNDS;

/** Every pick of a 4 × 2 draft, then STATE 2 from the live socket. */
function finishedBySocket(): Run {
  return run([stateCode(2)], pickInOrder(liveDraft({ teams: TEAMS, rounds: ROUNDS }), TOTAL, TEAMS));
}

const fullTable = (): { overallPick: number; playerId: number }[] => Array.from({ length: TOTAL }, (_, i) => ({ overallPick: i + 1, playerId: 1000 + i + 1 }));

function boardOutcome(drafted = true): ReconcileOutcome {
  const picks = fullTable().map(({ overallPick, playerId }) => ({ overallPick, playerId, teamId: snakeTeam(overallPick, TEAMS), lineupSlotId: 20, keeper: false }));
  return { progress: { attempts: 1, nextAttemptAt: 0, done: drafted, ...(drafted ? { outcome: 'confirmed' as const } : {}) }, board: { drafted, picks }, log: [] };
}

function sealed(): Run {
  const done = finishedBySocket();
  const now = done.now + 1000;
  return { state: applyReconcileOutcome(done.state, boardOutcome(), now).state, log: [], now };
}

describe('when a draft counts as over', () => {
  it('a lone STATE 2 on the live socket shows the draft complete but confirms nothing', () => {
    const { state } = finishedBySocket();
    expect(state.status).toBe('complete');
    expect(state.completion).toBeUndefined();
    expect(isConfirmedComplete(state)).toBe(false);
    expect(isSealed(state)).toBe(false);
  });

  it('a STATE 2 before the last pick confirms nothing either, and the draft goes on', () => {
    const half = run([stateCode(2)], pickInOrder(liveDraft({ teams: TEAMS, rounds: ROUNDS }), 3, TEAMS));
    expect(isConfirmedComplete(half.state)).toBe(false);
    const next = pickInOrder(half, 1, TEAMS);
    expect(next.state.picks).toHaveLength(4);
  });

  it("ESPN's snapshot in state 2 confirms it", () => {
    const { state, now } = run([init({ teams: TEAMS, rounds: ROUNDS, state: 2, filled: fullTable() })]);
    expect(state.completion).toEqual({ confirmedBy: 'snapshot', at: now });
    expect(isConfirmedComplete(state)).toBe(true);
    expect(isSealed(state)).toBe(false);
  });

  it('a later snapshot in state 1 withdraws a snapshot confirmation; a RESET ends it too', () => {
    const confirmed = run([init({ teams: TEAMS, rounds: ROUNDS, state: 2, filled: fullTable() })]);
    expect(run([init({ teams: TEAMS, rounds: ROUNDS, state: 1, filled: fullTable() })], confirmed).state.completion).toBeUndefined();
    expect(run([{ type: 'reset' }], confirmed).state.completion).toBeUndefined();
  });

  it("ESPN's final REST board, applied, confirms and seals it", () => {
    const { state, now } = sealed();
    expect(state.completion).toEqual({ confirmedBy: 'final_board', at: now });
    expect(isConfirmedComplete(state)).toBe(true);
    expect(isSealed(state)).toBe(true);
    expect(state.onTheClock).toBeNull();
    expect(checkInvariants(state)).toEqual([]);
  });

  it('a REST board that is not final yet, or one without our pick table to check against, seals nothing', () => {
    const done = finishedBySocket();
    expect(applyReconcileOutcome(done.state, boardOutcome(false), done.now).state.completion).toBeUndefined();
    const noTable = { ...done.state, slots: [], picks: [] };
    expect(applyReconcileOutcome(noTable, boardOutcome(), done.now).state.completion).toBeUndefined();
  });

  it('sealing twice keeps the first seal', () => {
    const { state } = sealed();
    expect(sealBoard(state, state.updatedAt + 5000)).toBe(state);
  });
});

describe('a sealed board: later frames cannot change it', () => {
  const forged: Array<[string, DraftEvent]> = [
    ['a forged UNDONE 0', { type: 'undone', index: 0 }],
    ['a replayed INIT with no picks', init({ teams: TEAMS, rounds: ROUNDS, state: 1 })],
    ['a forged INIT with other players', init({ teams: TEAMS, rounds: ROUNDS, state: 2, filled: fullTable().map((p) => ({ ...p, playerId: p.playerId + 50 })) })],
    ['a RESET', { type: 'reset' }],
    ['a SELECTED', selected(1, 99999999, 1)],
    ['a SOLD', { type: 'sold', teamId: 1, playerId: 99999999, price: 5 }],
  ];

  it.each(forged)('%s is ignored, with a warning, and nothing is archived', (_name, event) => {
    const { state, now } = sealed();
    const step = reduceDraft(state, event, now + 1000);
    expect(step.state).toBe(state);
    expect(step.archived).toBeUndefined();
    expect(step.log).toEqual([expect.objectContaining({ level: 'warn', kind: 'frame_refused' })]);
    expect(step.log[0]!.message).toMatch(/sealed against ESPN's final board/);
  });

  const running: Array<[string, DraftEvent]> = [
    ['STATE 1', stateCode(1)],
    ['STATE 2', stateCode(2)],
    ['a pick CLOCK', pickClock(1)],
    ['SELECTING', selecting(1)],
    ['a NOMINATION', { type: 'nomination', teamId: 1, clockResetMs: 30000 }],
  ];
  it.each(running)('%s about a running draft is ignored without a word: status stays complete, nobody is on the clock', (_name, event) => {
    const { state, now } = sealed();
    expect(reduceDraft(state, event, now + 1000)).toEqual({ state, log: [] });
  });

  it('presence frames still show who is online: they change no pick', () => {
    const { state, now } = sealed();
    expect(refuseOnSealedBoard(state, { type: 'joined', teamId: 1, member: null }, now)).toBeNull();
    expect(refuseOnSealedBoard(state, { type: 'left', teamId: 1, member: null, reason: 1 }, now)).toBeNull();
    const step = reduceDraft(state, { type: 'autodraft', teamId: 2, enabled: true }, now + 1000);
    expect(step.state.picks).toBe(state.picks);
    expect(step.state.completion).toEqual(state.completion);
  });

  it('drift is still counted for what ESPN sends after the seal', () => {
    const { state, now } = sealed();
    const step = reduceDraftSession({ state, drift: emptyDrift() }, { type: 'unknown', command: 'SHAZAM', raw: 'SHAZAM' }, now);
    expect(step.session.state).toBe(state);
    expect(step.session.drift.counters.unknownFrames).toBe(1);
  });

  it('lost frames no longer put it in wait for a snapshot it would refuse', () => {
    const { state, now } = sealed();
    expect(markDesynced(state, 'Lost 3 frames', now)).toEqual({ state, log: [] });
  });

  it('a draft not sealed yet still takes them (the final board repairs what a forged frame did)', () => {
    const done = finishedBySocket();
    const undone = reduceDraft(done.state, { type: 'undone', index: 0 }, done.now + 1000);
    expect(undone.state.picks).toEqual([]);
    const repaired = applyReconcileOutcome(undone.state, boardOutcome(), done.now + 2000).state;
    expect(repaired.picks.map((p) => p.playerId)).toEqual(fullTable().map((p) => p.playerId));
    expect(isSealed(repaired)).toBe(true);
  });
});

describe('the connection hears "draft complete" only on ESPN’s confirmation', () => {
  const frame = { k: 'frame' as const, sid: 's', dir: 'in' as const, at: 5 };

  it('not after a lone STATE 2: a drop after it is still a drop', () => {
    const { state } = finishedBySocket();
    const inputs = feedInputs([{ item: frame, event: stateCode(2), draft: state }], 's');
    expect(inputs.map((input) => input.type)).toEqual(['frameReceived']);
  });

  it('after a snapshot in state 2, and after the seal', () => {
    const bySnapshot = run([init({ teams: TEAMS, rounds: ROUNDS, state: 2, filled: fullTable() })]).state;
    expect(feedInputs([{ item: frame, event: { type: 'pong', pingSentAt: 1 }, draft: bySnapshot }], 's').map((i) => i.type)).toContain('draftCompleted');
    expect(feedInputs([{ item: frame, event: { type: 'pong', pingSentAt: 1 }, draft: sealed().state }], 's').map((i) => i.type)).toContain('draftCompleted');
  });
});
