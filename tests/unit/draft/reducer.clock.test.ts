import { describe, expect, it } from 'vitest';
import type { DraftEvent } from '../../../src/protocol/events';
import { createDraftState } from '../../../src/draft/create-draft';
import { reduceDraft } from '../../../src/draft/reducer';
import { init, KEY, kinds, liveDraft, pickClock, pickInOrder, run, selected, selecting, stateCode, T0 } from './draft-fixture';

const paused: DraftEvent = { type: 'clock', phase: 'paused' };

describe('reduceDraft: selecting', () => {
  it('puts the team on the clock for the next open slot', () => {
    const live = liveDraft();
    const { state, now, log } = run([selecting(1, 30000)], live);
    expect(state.onTheClock).toEqual({ teamId: 1, overallPick: 1, since: now, msAllowed: 30000 });
    expect(log.slice(live.log.length)).toEqual([]);
  });

  it('handles the snake turn: the same team selecting twice gets consecutive picks', () => {
    const at10 = pickInOrder(liveDraft(), 9);
    const tenth = run([selecting(10)], at10);
    expect(tenth.state.onTheClock).toMatchObject({ teamId: 10, overallPick: 10 });
    const eleventh = run([selected(10, 1010, 4), selecting(10)], tenth);
    expect(eleventh.state.onTheClock).toMatchObject({ teamId: 10, overallPick: 11 });
    expect(kinds(eleventh.log.slice(tenth.log.length))).toEqual([]);
  });

  it('warns when the team differs from the slot, but follows ESPN', () => {
    const live = liveDraft();
    const { state, log } = run([selecting(4)], live);
    expect(state.onTheClock).toMatchObject({ teamId: 4, overallPick: 1 });
    expect(log.slice(live.log.length)).toEqual([expect.objectContaining({ level: 'warn', kind: 'clock_mismatch' })]);
  });

  it('marks the draft live even without a snapshot', () => {
    const { state } = run([selecting(1)]);
    expect(state.status).toBe('live');
    expect(state.onTheClock).toBeNull();
  });

  it('warns when nothing is left to pick', () => {
    const full = pickInOrder(liveDraft({ teams: 2, rounds: 1 }), 2, 2);
    const { state, log } = run([selecting(1)], full);
    expect(state.onTheClock).toBeNull();
    expect(kinds(log.slice(full.log.length))).toEqual(['clock_mismatch']);
  });
});

describe('reduceDraft: clock', () => {
  it('returns the very same state for a routine pick clock tick', () => {
    const live = run([selecting(1)], liveDraft());
    const step = reduceDraft(live.state, pickClock(1, 24000), live.now + 5000);
    expect(step.state).toBe(live.state);
    expect(step.log).toEqual([]);
  });

  it.each<DraftEvent>([
    { type: 'clock', phase: 'predraft', msToStart: 70000 },
    { type: 'clock', phase: 'postdraft' },
    { type: 'clock', phase: 'other', code: 9, args: [1] },
    { type: 'clock', phase: 'nominating', msRemaining: 1, teamId: 1 },
    { type: 'pong', pingSentAt: 1 },
    { type: 'ping', sentAt: 1 },
    { type: 'autosuggest', playerId: 1 },
    { type: 'token', gameId: 1, leagueId: 123456789, teamId: 2 },
    { type: 'chat', raw: 'CHAT hello' },
    { type: 'select', playerId: 4 },
    { type: 'draftList', direction: 'out', playerIds: [1] },
    { type: 'sold', teamId: 1, playerId: 2, price: 3 },
  ])('returns the same state for $type frames that change nothing', (event) => {
    const live = run([selecting(1)], liveDraft());
    const step = reduceDraft(live.state, event, live.now + 1);
    expect(step.state).toBe(live.state);
    expect(step.log).toEqual([]);
  });

  it('follows the clock when it names another team, with a warning', () => {
    const live = run([selecting(1)], liveDraft());
    const step = reduceDraft(live.state, pickClock(2), live.now + 1);
    expect(step.state.onTheClock).toMatchObject({ teamId: 2, overallPick: 1, since: live.state.onTheClock?.since });
    expect(step.log).toEqual([expect.objectContaining({ level: 'warn', kind: 'clock_mismatch' })]);
  });

  it('infers who is on the clock when joining mid-pick', () => {
    const start = run([init({ state: 0 })]);
    const { state, now } = run([pickClock(1)], start);
    expect(state.status).toBe('live');
    expect(state.onTheClock).toEqual({ teamId: 1, overallPick: 1, since: now, msAllowed: 30000 });
  });

  it('pauses on a bare CLOCK and resumes on the next pick clock', () => {
    const live = run([selecting(1)], liveDraft());
    const pausedRun = run([paused], live);
    expect(pausedRun.state.status).toBe('paused');
    expect(pausedRun.log.at(-1)).toMatchObject({ level: 'info', kind: 'status' });
    // Repeated pause frames change nothing.
    expect(reduceDraft(pausedRun.state, paused, pausedRun.now + 1).state).toBe(pausedRun.state);
    const resumed = run([pickClock(1)], pausedRun);
    expect(resumed.state.status).toBe('live');
    expect(resumed.log.at(-1)?.message).toBe('Draft resumed.');
  });

  it.each<[string, DraftEvent]>([
    ['SELECTING', selecting(1)],
    ['SELECTED', selected(1, 5, 1)],
    ['STATE 1', stateCode(1)],
  ])('resumes a paused draft on %s', (_label, event) => {
    const pausedRun = run([selecting(1), paused], liveDraft());
    expect(run([event], pausedRun).state.status).toBe('live');
  });

  it('does not pause a completed draft', () => {
    const done = run([stateCode(2)], liveDraft());
    expect(reduceDraft(done.state, paused, done.now + 1).state).toBe(done.state);
  });
});

describe('reduceDraft: state', () => {
  it('STATE 1 starts the draft', () => {
    const start = run([init()]);
    const { state, log } = run([stateCode(1)], start);
    expect(state.status).toBe('live');
    expect(log.at(-1)).toMatchObject({ level: 'info', kind: 'status', message: 'Draft started.' });
    expect(reduceDraft(state, stateCode(1), T0).state).toBe(state);
  });

  it('STATE 2 completes the draft and clears the clock', () => {
    const live = pickInOrder(liveDraft(), 3);
    const { state, log } = run([stateCode(2)], live);
    expect(state.status).toBe('complete');
    expect(state.onTheClock).toBeNull();
    expect(log.at(-1)?.message).toBe('Draft complete: 3 picks recorded.');
    expect(reduceDraft(state, stateCode(2), T0).state).toBe(state);
  });

  it('keeps the status and warns on other codes', () => {
    const live = liveDraft();
    const step = reduceDraft(live.state, stateCode(3), live.now + 1);
    expect(step.state).toBe(live.state);
    expect(step.log).toEqual([expect.objectContaining({ level: 'warn', kind: 'status' })]);
  });

  it('works before any snapshot', () => {
    const fresh = createDraftState(KEY, T0);
    expect(reduceDraft(fresh, stateCode(1), T0).state.status).toBe('live');
  });
});
