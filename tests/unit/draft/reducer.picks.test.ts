import { describe, expect, it } from 'vitest';
import { createDraftState } from '../../../src/draft/create-draft';
import { checkInvariants } from '../../../src/draft/invariants';
import { reduceDraft } from '../../../src/draft/reducer';
import { init, KEY, kinds, liveDraft, pickInOrder, run, selected, selecting, swid, T0 } from './draft-fixture';

describe('reduceDraft: selected', () => {
  it('records a human pick in the first open slot with its roster spot and lineup slot', () => {
    const live = run([selecting(1)], liveDraft());
    const { state, log, now } = run([selected(1, 4362628, 4)], live);
    expect(state.picks).toEqual([
      {
        overallPick: 1, round: 1, roundPick: 1, teamId: 1, playerId: 4362628, rosterSpot: 4, lineupSlotId: 4,
        keeper: false, autopick: false, source: 'socket', recordedAt: now,
      },
    ]);
    expect(log.slice(live.log.length)).toEqual([]);
  });

  it('marks a pick without a member as an autopick', () => {
    const { state } = run([selected(1, 4362628, 4, null)], liveDraft());
    expect(state.picks[0]?.autopick).toBe(true);
  });

  it('follows the snake: pick 10 and 11 both belong to team 10, round 2 runs backwards', () => {
    const { state } = pickInOrder(liveDraft(), 20);
    expect(state.picks.map((pick) => pick.teamId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(state.picks[10]).toMatchObject({ overallPick: 11, round: 2, roundPick: 1 });
    expect(state.picks[19]).toMatchObject({ overallPick: 20, round: 2, roundPick: 10 });
    const third = run([selected(1, 42, 1)], { state, log: [], now: T0 }).state;
    expect(third.picks[20]).toMatchObject({ overallPick: 21, round: 3, roundPick: 1, teamId: 1 });
  });

  it('keeps D/ST negative player ids', () => {
    const { state } = run([selected(1, -16014, 8)], liveDraft());
    expect(state.picks[0]).toMatchObject({ playerId: -16014, rosterSpot: 8, lineupSlotId: 16 });
  });

  it('leaves the lineup slot unknown for a spot outside the template', () => {
    const { state } = run([selected(1, 5, 40)], liveDraft());
    expect(state.picks[0]).toMatchObject({ rosterSpot: 40, lineupSlotId: null });
  });

  it('ignores a repeated SELECTED for the same player: no duplicate pick, a warning', () => {
    const once = run([selecting(1), selected(1, 4362628, 4)], liveDraft());
    const step = reduceDraft(once.state, selected(1, 4362628, 4), once.now + 10);
    expect(step.state).toBe(once.state);
    expect(step.log).toEqual([expect.objectContaining({ level: 'warn', kind: 'pick_ignored' })]);
    expect(step.log[0]?.message).toContain('already drafted at pick 1');
  });

  it('refuses a pick by the wrong team and leaves the picks intact', () => {
    const before = pickInOrder(liveDraft(), 2);
    const step = reduceDraft(before.state, selected(7, 99, 2), before.now + 10);
    expect(step.state).toBe(before.state);
    expect(step.log).toHaveLength(1);
    expect(step.log[0]).toMatchObject({ level: 'error', kind: 'pick_mismatch' });
    expect(step.log[0]?.message).toContain('pick 3 belongs to team 3');
  });

  it('ignores picks before any snapshot, with a warning', () => {
    const fresh = createDraftState(KEY, T0);
    const step = reduceDraft(fresh, selected(1, 4362628, 4), T0 + 1);
    expect(step.state).toBe(fresh);
    expect(step.log).toEqual([expect.objectContaining({ level: 'warn', kind: 'pick_ignored' })]);
  });

  it('ignores a pick when every slot is filled', () => {
    const full = pickInOrder(liveDraft({ teams: 2, rounds: 1 }), 2, 2);
    const step = reduceDraft(full.state, selected(1, 777, 1), full.now + 1);
    expect(step.state).toBe(full.state);
    expect(step.log[0]).toMatchObject({ level: 'error', kind: 'pick_ignored' });
  });

  it('ignores a pick whose player id means "open slot"', () => {
    const live = liveDraft();
    const step = reduceDraft(live.state, selected(1, -1, 4), live.now + 1);
    expect(step.state).toBe(live.state);
    expect(step.log[0]).toMatchObject({ level: 'error', kind: 'pick_ignored' });
  });

  it('treats a pick as proof the draft is live (missed STATE 1 or end of pause)', () => {
    const preDraft = run([init()]);
    expect(preDraft.state.status).toBe('pre_draft');
    const { state } = run([selected(1, 5, 1)], preDraft);
    expect(state.status).toBe('live');
    expect(state.onTheClock).toMatchObject({ teamId: 2, overallPick: 2 });
  });

  it('moves the clock to the next slot right after a pick, until SELECTING confirms it', () => {
    const { state, now } = run([selecting(1), selected(1, 5, 1)], liveDraft());
    expect(state.onTheClock).toEqual({ teamId: 2, overallPick: 2, since: now, msAllowed: 30000 });
  });

  it('never keeps a member id in state or logs', () => {
    const result = run([selecting(1), selected(1, 5, 1, swid(1)), selected(1, 5, 1, swid(1)), selected(3, 6, 1, swid(3))], liveDraft());
    expect(JSON.stringify(result)).not.toContain('00000000-0000-4000');
  });

  it('does not mutate its input', () => {
    const live = pickInOrder(liveDraft(), 3);
    const snapshot = structuredClone(live.state);
    reduceDraft(live.state, selected(4, 77, 1), live.now + 1);
    reduceDraft(live.state, { type: 'undone', index: 0 }, live.now + 1);
    reduceDraft(live.state, { type: 'reset' }, live.now + 1);
    expect(live.state).toEqual(snapshot);
  });
});

describe('reduceDraft: undone', () => {
  it('removes the pick at index+1 and every later one, with a warning', () => {
    const before = pickInOrder(liveDraft(), 6);
    const step = reduceDraft(before.state, { type: 'undone', index: 3 }, before.now + 1);
    expect(step.state.picks.map((pick) => pick.overallPick)).toEqual([1, 2, 3]);
    expect(step.log).toEqual([expect.objectContaining({ level: 'warn', kind: 'undo' })]);
    expect(step.state.onTheClock).toMatchObject({ teamId: 4, overallPick: 4 });
    // The undone pick can be made again.
    const redo = reduceDraft(step.state, selected(4, 1004, 10), before.now + 2);
    expect(redo.state.picks).toHaveLength(4);
  });

  it('undoes everything from index 0', () => {
    const before = pickInOrder(liveDraft(), 3);
    expect(reduceDraft(before.state, { type: 'undone', index: 0 }, before.now + 1).state.picks).toEqual([]);
  });

  it('keeps pre-draft keepers beyond the undone pick', () => {
    const start = run([init({ state: 1, filled: [{ overallPick: 30, playerId: 9, keeper: true }] })]);
    const before = pickInOrder(start, 5);
    const step = reduceDraft(before.state, { type: 'undone', index: 2 }, before.now + 1);
    expect(step.state.picks.map((pick) => pick.overallPick)).toEqual([1, 2, 30]);
  });

  it('changes nothing when the undo is past our last pick', () => {
    const before = pickInOrder(liveDraft(), 2);
    const step = reduceDraft(before.state, { type: 'undone', index: 5 }, before.now + 1);
    expect(step.state).toBe(before.state);
    expect(kinds(step.log)).toEqual(['undo']);
  });

  it('ignores a negative index with a warning', () => {
    const before = pickInOrder(liveDraft(), 2);
    const step = reduceDraft(before.state, { type: 'undone', index: -1 }, before.now + 1);
    expect(step.state).toBe(before.state);
    expect(step.log[0]).toMatchObject({ level: 'warn', kind: 'undo' });
  });
});

describe('reduceDraft: reset', () => {
  it('clears every pick and waits for the next snapshot', () => {
    const before = pickInOrder(liveDraft(), 4);
    const step = reduceDraft(before.state, { type: 'reset' }, before.now + 1);
    expect(step.state).toMatchObject({ picks: [], hasSnapshot: false, onTheClock: null });
    expect(step.log).toEqual([expect.objectContaining({ level: 'warn', kind: 'reset' })]);
    const after = reduceDraft(step.state, selected(1, 1001, 10), before.now + 2);
    expect(after.state.picks).toEqual([]);
    expect(checkInvariants(after.state)).toEqual([]);
  });
});
