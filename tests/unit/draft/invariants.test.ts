import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../../src/draft/invariants';
import type { DraftState, Pick } from '../../../src/draft/types';
import { init, liveDraft, pickInOrder, run } from './draft-fixture';

/** A consistent 10-team state with picks 1..5. */
function healthy(): DraftState {
  return pickInOrder(liveDraft(), 5).state;
}

function withPicks(state: DraftState, change: (picks: Pick[]) => Pick[]): DraftState {
  return { ...state, picks: change(state.picks.map((pick) => ({ ...pick }))) };
}

describe('checkInvariants', () => {
  it('accepts consistent states, including keepers beyond the open slots', () => {
    expect(checkInvariants(healthy())).toEqual([]);
    expect(checkInvariants(run([]).state)).toEqual([]);
    const keepers = run([init({ state: 1, filled: [{ overallPick: 40, playerId: 3, keeper: true }] })]).state;
    expect(checkInvariants(keepers)).toEqual([]);
  });

  it('detects a player drafted twice', () => {
    const state = withPicks(healthy(), (picks) => { picks[3]!.playerId = picks[0]!.playerId; return picks; });
    expect(checkInvariants(state)).toEqual([expect.stringContaining('drafted twice')]);
  });

  it('detects a pick number recorded twice', () => {
    const state = withPicks(healthy(), (picks) => [...picks.slice(0, 5), { ...picks[4]!, playerId: 9 }]);
    expect(checkInvariants(state)).toContain('pick 5 is recorded twice');
  });

  it('detects pick numbers outside the table', () => {
    const base = healthy();
    const zero = withPicks(base, (picks) => [{ ...picks[0]!, overallPick: 0, playerId: 77, keeper: true }, ...picks]);
    expect(checkInvariants(zero).some((problem) => problem.includes('outside 1..160'))).toBe(true);
    const beyond = withPicks(base, (picks) => [...picks, { ...picks[0]!, overallPick: 161, playerId: 78, keeper: true, teamId: 1, round: 17, roundPick: 1 }]);
    expect(checkInvariants(beyond)).toEqual(['pick 161 is outside 1..160']);
  });

  it('detects a non-keeper pick after an open slot', () => {
    const state = withPicks(healthy(), (picks) => picks.filter((pick) => pick.overallPick !== 3));
    expect(checkInvariants(state)).toEqual(['pick 4 is recorded but pick 3 is still open', 'pick 5 is recorded but pick 3 is still open']);
    // The same gap is fine when the later picks are keepers.
    const keepers = withPicks(state, (picks) => picks.map((pick) => (pick.overallPick > 3 ? { ...pick, keeper: true } : pick)));
    expect(checkInvariants(keepers)).toEqual([]);
  });

  it("detects a pick whose team is not its slot's team", () => {
    const state = withPicks(healthy(), (picks) => { picks[1]!.teamId = 9; return picks; });
    expect(checkInvariants(state)).toEqual(['pick 2 is by team 9 but the slot belongs to team 2']);
  });

  it('detects picks out of order', () => {
    const state = withPicks(healthy(), (picks) => [picks[1]!, picks[0]!, ...picks.slice(2)]);
    expect(checkInvariants(state)).toEqual(['pick 1 comes after pick 2']);
  });

  it('detects a wrong round or round pick', () => {
    const round = withPicks(healthy(), (picks) => { picks[2]!.round = 2; return picks; });
    expect(checkInvariants(round)).toEqual([expect.stringContaining('pick 3 says round 2 pick 3')]);
    const roundPick = withPicks(healthy(), (picks) => { picks[2]!.roundPick = 4; return picks; });
    expect(checkInvariants(roundPick)).toEqual([expect.stringContaining('expected round 1 pick 3')]);
  });

  it('detects picks when no teams are known', () => {
    expect(checkInvariants({ ...healthy(), teams: [] })).toHaveLength(5);
  });

  it('detects a slot table that does not run 1..N', () => {
    const state = healthy();
    const slots = state.slots.map((slot) => (slot.overallPick === 7 ? { ...slot, overallPick: 70 } : slot));
    expect(checkInvariants({ ...state, slots })).toEqual(['slot 7 is numbered 70']);
  });
});
