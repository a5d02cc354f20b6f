import { describe, expect, it } from 'vitest';
import { applyApiPicks, isOpenApiPlayer } from '../../../src/draft/apply-api-picks';
import { checkInvariants } from '../../../src/draft/invariants';
import type { DraftState, Pick } from '../../../src/draft/types';
import type { ApiPick } from '../../../src/draft/apply-api-picks';
import { kinds, liveDraft, pickInOrder, run, stateCode, type Run } from './draft-fixture';
import { snakeTeam } from './snapshot-fixture';

const TEAMS = 4;
const ROUNDS = 3;
const SLOTS = TEAMS * ROUNDS;

/** A completed 4-team, 3-round draft whose socket saw the first `seen` picks (player = 1000 + pick number). */
function completed(seen = SLOTS): Run {
  return run([stateCode(2)], pickInOrder(liveDraft({ teams: TEAMS, rounds: ROUNDS }), seen, TEAMS));
}

/** ESPN's final board for the same draft, with per-slot overrides; `playerId: -1` marks an open slot. */
function board(overrides: Record<number, Partial<ApiPick>> = {}): ApiPick[] {
  return Array.from({ length: SLOTS }, (_, index) => {
    const overallPick = index + 1;
    return { overallPick, teamId: snakeTeam(overallPick, TEAMS), playerId: 1000 + overallPick, lineupSlotId: 20, keeper: false, ...overrides[overallPick] };
  });
}

const NOW = 1_800_000_000_000;
const drafted = (picks: ApiPick[]) => ({ drafted: true, picks });
const messages = (log: readonly { message: string }[]) => log.map((entry) => entry.message);
const pickAt = (state: DraftState, n: number): Pick | undefined => state.picks.find((pick) => pick.overallPick === n);

describe('applyApiPicks', () => {
  it('confirms a board that matches ours without changing the state', () => {
    const { state } = completed();
    const step = applyApiPicks(state, drafted(board()), NOW);
    expect(step.state).toBe(state);
    expect(step.log).toEqual([{ at: NOW, level: 'info', kind: 'api_reconcile', message: "Confirmed 12 picks against ESPN's API (filled 0 gaps, corrected 0)" }]);
  });

  it('confirms a pick whose keeper flag or lineup slot differs (only player and team count)', () => {
    const { state } = completed();
    const step = applyApiPicks(state, drafted(board({ 3: { keeper: true, lineupSlotId: 2 } })), NOW);
    expect(step.state).toBe(state);
    expect(messages(step.log)).toEqual(["Confirmed 12 picks against ESPN's API (filled 0 gaps, corrected 0)"]);
  });

  it('fills the picks the socket missed, with source api', () => {
    const { state } = completed(9);
    expect(state.status).toBe('complete');
    const step = applyApiPicks(state, drafted(board({ 11: { lineupSlotId: 4 } })), NOW);
    expect(step.state.picks.map((pick) => pick.overallPick)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(step.state.picks.slice(0, 9)).toEqual(state.picks);
    expect(pickAt(step.state, 11)).toEqual({
      overallPick: 11,
      round: 3,
      roundPick: 3,
      teamId: 3,
      playerId: 1011,
      rosterSpot: null,
      lineupSlotId: 4,
      keeper: false,
      autopick: false,
      source: 'api',
      recordedAt: NOW,
    });
    expect(pickAt(step.state, 12)).toMatchObject({ round: 3, roundPick: 4, teamId: 4, source: 'api' });
    expect(step.state.updatedAt).toBe(NOW);
    expect(messages(step.log)).toEqual(["Confirmed 9 picks against ESPN's API (filled 3 gaps, corrected 0)"]);
    expect(checkInvariants(step.state)).toEqual([]);
  });

  it('uses null for a lineup slot ESPN does not give', () => {
    const { state } = completed(11);
    const step = applyApiPicks(state, drafted(board({ 12: { lineupSlotId: null } })), NOW);
    expect(pickAt(step.state, 12)).toMatchObject({ lineupSlotId: null, source: 'api' });
  });

  it("replaces a different player with ESPN's and warns naming both", () => {
    const { state } = completed();
    const step = applyApiPicks(state, drafted(board({ 7: { playerId: 5555, lineupSlotId: 6, keeper: false } })), NOW);
    expect(pickAt(step.state, 7)).toEqual({
      overallPick: 7,
      round: 2,
      roundPick: 3,
      teamId: 2,
      playerId: 5555,
      rosterSpot: null,
      lineupSlotId: 6,
      keeper: false,
      autopick: false,
      source: 'api',
      recordedAt: NOW,
    });
    expect(step.log).toEqual([
      { at: NOW, level: 'warn', kind: 'api_pick_corrected', message: "Pick 7: ESPN's API has player 5555, the socket said 1007; using ESPN's final board" },
      { at: NOW, level: 'info', kind: 'api_reconcile', message: "Confirmed 11 picks against ESPN's API (filled 0 gaps, corrected 1)" },
    ]);
    expect(step.state.picks.filter((pick) => pick.source === 'api')).toHaveLength(1);
    expect(checkInvariants(step.state)).toEqual([]);
  });

  it('accepts two picks the socket had swapped', () => {
    const { state } = completed();
    const step = applyApiPicks(state, drafted(board({ 5: { playerId: 1006 }, 6: { playerId: 1005 } })), NOW);
    expect([pickAt(step.state, 5)?.playerId, pickAt(step.state, 6)?.playerId]).toEqual([1006, 1005]);
    expect(kinds(step.log)).toEqual(['api_pick_corrected', 'api_pick_corrected', 'api_reconcile']);
    expect(messages(step.log).at(-1)).toBe("Confirmed 10 picks against ESPN's API (filled 0 gaps, corrected 2)");
    expect(checkInvariants(step.state)).toEqual([]);
  });

  it('corrects a pick whose team differs from the pick table (a damaged state) and says so', () => {
    const { state } = completed();
    const damaged: DraftState = { ...state, picks: state.picks.map((pick) => (pick.overallPick === 2 ? { ...pick, teamId: 3 } : pick)) };
    const step = applyApiPicks(damaged, drafted(board()), NOW);
    expect(pickAt(step.state, 2)).toMatchObject({ teamId: 2, playerId: 1002, source: 'api' });
    expect(messages(step.log)[0]).toBe("Pick 2: ESPN's API has team 2, the socket said team 3; using ESPN's final board");
    expect(checkInvariants(step.state)).toEqual([]);
  });

  it('keeps our picks where ESPN shows the slot open, and warns', () => {
    const { state } = completed();
    const step = applyApiPicks(state, drafted(board({ 11: { playerId: 0 }, 12: { playerId: -1 } })), NOW);
    expect(step.state).toBe(state);
    expect(step.log).toEqual([
      { at: NOW, level: 'warn', kind: 'api_pick_unconfirmed', message: "Pick 11: ESPN's API shows it open, the socket said player 1011; kept the socket's pick" },
      { at: NOW, level: 'warn', kind: 'api_pick_unconfirmed', message: "Pick 12: ESPN's API shows it open, the socket said player 1012; kept the socket's pick" },
      { at: NOW, level: 'info', kind: 'api_reconcile', message: "Confirmed 10 picks against ESPN's API (filled 0 gaps, corrected 0); kept 2 picks ESPN's API shows open" },
    ]);
  });

  it('treats a slot missing from the answer like an open one', () => {
    const { state } = completed();
    const step = applyApiPicks(state, drafted(board().filter((pick) => pick.overallPick !== 4)), NOW);
    expect(step.state).toBe(state);
    expect(messages(step.log)).toEqual([
      "Pick 4: ESPN's API shows it open, the socket said player 1004; kept the socket's pick",
      "Confirmed 11 picks against ESPN's API (filled 0 gaps, corrected 0); kept 1 pick ESPN's API shows open",
    ]);
  });

  it('takes team defenses (negative ids) as picks, not open slots', () => {
    expect([-1, 0, -2].map(isOpenApiPlayer)).toEqual([true, true, true]);
    expect([-16034, -16001, 1, 4_000_000].map(isOpenApiPlayer)).toEqual([false, false, false, false]);
    const { state } = completed(11);
    const step = applyApiPicks(state, drafted(board({ 12: { playerId: -16034, lineupSlotId: 16 } })), NOW);
    expect(pickAt(step.state, 12)).toMatchObject({ playerId: -16034, lineupSlotId: 16, source: 'api' });
    expect(checkInvariants(step.state)).toEqual([]);
  });

  it('changes nothing until ESPN says the draft is complete', () => {
    const { state } = completed(9);
    const step = applyApiPicks(state, { drafted: false, picks: board() }, NOW);
    expect(step.state).toBe(state);
    expect(step.log).toEqual([{ at: NOW, level: 'info', kind: 'api_reconcile', message: "ESPN's API has no picks until the draft is complete" }]);
  });

  it('changes nothing without a pick table', () => {
    const { state } = run([]);
    const step = applyApiPicks(state, drafted(board()), NOW);
    expect(step.state).toBe(state);
    expect(step.log).toEqual([
      { at: NOW, level: 'warn', kind: 'api_reconcile', message: "Cannot check picks against ESPN's API: no pick table from the draft room yet" },
    ]);
  });

  it("refuses a pick for a team the pick table does not give the slot, and the fills beyond it", () => {
    const { state } = completed(9);
    const step = applyApiPicks(state, drafted(board({ 10: { teamId: 9 } })), NOW);
    expect(step.state).toBe(state);
    expect(step.log).toEqual([
      { at: NOW, level: 'error', kind: 'api_pick_rejected', message: "Pick 10: ESPN's API gives it to team 9, but our pick table says team 2; left it open" },
      { at: NOW, level: 'error', kind: 'api_pick_rejected', message: "Pick 11: ESPN's API has player 1011, but pick 10 is still open; left it open" },
      { at: NOW, level: 'error', kind: 'api_pick_rejected', message: "Pick 12: ESPN's API has player 1012, but pick 10 is still open; left it open" },
      { at: NOW, level: 'info', kind: 'api_reconcile', message: "Confirmed 9 picks against ESPN's API (filled 0 gaps, corrected 0); refused 3 of ESPN's picks" },
    ]);
  });

  it('keeps our pick when ESPN gives its slot to another team', () => {
    const { state } = completed();
    const step = applyApiPicks(state, drafted(board({ 6: { teamId: 1, playerId: 7777 } })), NOW);
    expect(step.state).toBe(state);
    expect(messages(step.log)[0]).toBe("Pick 6: ESPN's API gives it to team 1, but our pick table says team 3; kept the socket's player 1006");
  });

  it('refuses to draft a player twice', () => {
    // A fill naming a player we hold at another slot (ESPN confirms that one).
    const fill = applyApiPicks(completed(9).state, drafted(board({ 10: { playerId: 1003 } })), NOW);
    expect(fill.state.picks).toHaveLength(9);
    expect(messages(fill.log).slice(0, 3)).toEqual([
      "Pick 10: ESPN's API has player 1003, who is already drafted at pick 3; left it open",
      "Pick 11: ESPN's API has player 1011, but pick 10 is still open; left it open",
      "Pick 12: ESPN's API has player 1012, but pick 10 is still open; left it open",
    ]);
    expect(checkInvariants(fill.state)).toEqual([]);

    // A correction naming a player we keep at a slot ESPN shows open.
    const correction = applyApiPicks(completed().state, drafted(board({ 2: { playerId: -1 }, 7: { playerId: 1002 } })), NOW);
    expect(correction.state.picks.map((pick) => pick.playerId)).toEqual(completed().state.picks.map((pick) => pick.playerId));
    expect(messages(correction.log)).toEqual([
      "Pick 2: ESPN's API shows it open, the socket said player 1002; kept the socket's pick",
      "Pick 7: ESPN's API has player 1002, who is already drafted at pick 2; kept the socket's player 1007",
      "Confirmed 10 picks against ESPN's API (filled 0 gaps, corrected 0); kept 1 pick ESPN's API shows open; refused 1 of ESPN's picks",
    ]);

    // ESPN naming one new player at two open slots: the first stands.
    const twice = applyApiPicks(completed(10).state, drafted(board({ 11: { playerId: 4242 }, 12: { playerId: 4242 } })), NOW);
    expect(pickAt(twice.state, 11)?.playerId).toBe(4242);
    expect(pickAt(twice.state, 12)).toBeUndefined();
    expect(messages(twice.log)[0]).toBe("Pick 12: ESPN's API has player 4242, who is already drafted at pick 11; left it open");
    expect(checkInvariants(twice.state)).toEqual([]);
  });

  it('fills a keeper beyond an open slot but not a live pick', () => {
    const { state } = completed(9);
    const step = applyApiPicks(state, drafted(board({ 10: { playerId: -1 }, 12: { keeper: true } })), NOW);
    expect(step.state.picks.map((pick) => pick.overallPick)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 12]);
    expect(pickAt(step.state, 12)).toMatchObject({ keeper: true, source: 'api' });
    expect(messages(step.log)).toEqual([
      "Pick 11: ESPN's API has player 1011, but pick 10 is still open; left it open",
      "Confirmed 9 picks against ESPN's API (filled 1 gap, corrected 0); refused 1 of ESPN's picks",
    ]);
    expect(checkInvariants(step.state)).toEqual([]);
  });

  it('ignores picks outside our table and a pick number listed twice', () => {
    const { state } = completed();
    const picks = [...board(), { overallPick: 99, teamId: 1, playerId: 3, lineupSlotId: null, keeper: false }, { ...board()[2]!, playerId: 8888 }];
    const step = applyApiPicks(state, drafted(picks), NOW);
    expect(step.state).toBe(state);
    expect(step.log.filter((entry) => entry.level === 'error').map((entry) => entry.message)).toEqual([
      "ESPN's API lists pick 99, which is not in our pick table (1..12); ignored it",
      "ESPN's API lists pick 3 twice; used the first",
    ]);
  });

  it('keeps the invariants on randomly damaged boards and logs', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const choose = (n: number): number => Math.floor(random() * n);
    for (let trial = 0; trial < 400; trial++) {
      const { state } = completed(choose(SLOTS + 1));
      const overrides: Record<number, Partial<ApiPick>> = {};
      for (let change = choose(6); change > 0; change--) {
        const n = 1 + choose(SLOTS);
        const roll = choose(5);
        if (roll === 0) overrides[n] = { playerId: -1 };
        else if (roll === 1) overrides[n] = { playerId: 1001 + choose(SLOTS) };
        else if (roll === 2) overrides[n] = { playerId: 2000 + choose(3) };
        else if (roll === 3) overrides[n] = { teamId: 1 + choose(TEAMS) };
        else overrides[n] = { keeper: true, playerId: 3000 + choose(3) };
      }
      const step = applyApiPicks(state, drafted(board(overrides)), NOW);
      expect(checkInvariants(step.state), `trial ${trial}: ${JSON.stringify(overrides)}`).toEqual([]);
      // Every pick is ours unchanged or ESPN's for that slot.
      for (const pick of step.state.picks) {
        if (pick.source === 'api') expect(pick).toMatchObject({ playerId: board(overrides)[pick.overallPick - 1]!.playerId });
        else expect(state.picks).toContainEqual(pick);
      }
      // Our picks are never dropped.
      for (const pick of state.picks) expect(pickAt(step.state, pick.overallPick)).toBeDefined();
      expect(step.log.at(-1)?.message).toMatch(/^Confirmed \d+ picks? against ESPN's API \(filled \d+ gaps?, corrected \d+\)/);
    }
  });
});
