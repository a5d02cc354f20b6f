import { describe, expect, it } from 'vitest';
import { createDraftState } from '../../../src/draft/create-draft';
import { checkInvariants } from '../../../src/draft/invariants';
import { reduceDraft } from '../../../src/draft/reducer';
import { init, KEY, kinds, liveDraft, pickInOrder, run, selected, selecting, stateCode, T0 } from './draft-fixture';
import { makeSnapshot, snakeTeam } from './snapshot-fixture';

describe('createDraftState', () => {
  it('starts before the draft with no snapshot and nothing picked', () => {
    const state = createDraftState(KEY, T0);
    expect(state).toMatchObject({ key: KEY, status: 'pre_draft', hasSnapshot: false, picks: [], slots: [], teams: [], onTheClock: null, updatedAt: T0 });
    expect(state.key).not.toBe(KEY);
  });
});

describe('reduceDraft: init settings', () => {
  it('takes teams, template, pick table, rounds and timing from the snapshot', () => {
    const { state, log } = run([init({ offlineTeams: [6, 8, 10] })]);
    expect(state.hasSnapshot).toBe(true);
    expect(state.status).toBe('pre_draft');
    expect(state.type).toBe('snake');
    expect(state.myTeamId).toBe(2);
    expect(state.rounds).toBe(16);
    expect(state.slots).toHaveLength(160);
    expect(state.slots.slice(8, 12)).toEqual([
      { overallPick: 9, teamId: 9 },
      { overallPick: 10, teamId: 10 },
      { overallPick: 11, teamId: 10 },
      { overallPick: 12, teamId: 9 },
    ]);
    expect(state.rosterTemplate[6]).toEqual({ spot: 7, lineupSlotId: 23 });
    expect(state.timePerSelectionMs).toBe(30000);
    expect(state.draftDate).toBe(1756607492198);
    expect(state.teams.map((team) => team.teamId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(state.teams.filter((team) => team.autodraft).map((team) => team.teamId)).toEqual([6, 8, 10]);
    expect(state.teams.filter((team) => !team.online).map((team) => team.teamId)).toEqual([6, 8, 10]);
    // No clock runs before the draft.
    expect(state.onTheClock).toBeNull();
    expect(log).toEqual([{ at: T0 + 1000, level: 'info', kind: 'snapshot', message: 'Snapshot: 0 picks made, next pick 1 (team 1).' }]);
  });

  it('sorts teams by draft position, whatever order INIT lists them in', () => {
    const snapshot = makeSnapshot({ teams: 4 });
    snapshot.draft.teams.reverse();
    const { state } = reduceDraft(createDraftState(KEY, T0), { type: 'init', snapshot }, T0);
    expect(state.teams.map((team) => team.draftPosition)).toEqual([0, 1, 2, 3]);
  });

  it('keeps team names already known from REST', () => {
    const first = run([init()]).state;
    const named = { ...first, teams: first.teams.map((team) => ({ ...team, name: `Team ${team.teamId}` })) };
    const { state } = reduceDraft(named, init(), T0 + 5000);
    expect(state.teams[3]?.name).toBe('Team 4');
  });

  it('maps INIT state codes 0/1/2 to pre_draft/live/complete', () => {
    expect(run([init({ state: 0 })]).state.status).toBe('pre_draft');
    expect(run([init({ state: 1 })]).state.status).toBe('live');
    expect(run([init({ state: 2 })]).state.status).toBe('complete');
  });

  it('keeps the status and warns on an unknown INIT state code', () => {
    const live = liveDraft();
    const { state, log } = run([init({ state: 7 })], live);
    expect(state.status).toBe('live');
    expect(log.slice(live.log.length).find((entry) => entry.kind === 'status')).toMatchObject({ level: 'warn' });
  });

  it('treats an unknown draft type as snake, with a warning', () => {
    const { state, log } = run([init({ draftType: 2 })]);
    expect(state.type).toBe('snake');
    expect(log.find((entry) => entry.kind === 'draft_type')).toMatchObject({ level: 'warn', message: expect.stringContaining('2') });
  });

  it('puts the first open slot on the clock when the snapshot shows a live draft', () => {
    const { state, now } = run([init({ state: 1, filled: [1, 2, 3].map((n) => ({ overallPick: n, playerId: 500 + n })) })]);
    expect(state.onTheClock).toEqual({ teamId: 4, overallPick: 4, since: now, msAllowed: 30000 });
  });

  it('keeps the clock start when a re-snapshot shows the same pick on the clock', () => {
    const live = run([selecting(1)], liveDraft());
    const since = live.state.onTheClock?.since;
    const { state } = run([init({ state: 1 })], live);
    expect(state.onTheClock).toMatchObject({ teamId: 1, overallPick: 1, since });
  });

  it('rejects a snapshot for another league and keeps the state', () => {
    const before = pickInOrder(liveDraft(), 3);
    const step = reduceDraft(before.state, init({ leagueId: 42 }), before.now + 1);
    expect(step.state).toBe(before.state);
    expect(step.log).toEqual([expect.objectContaining({ level: 'error', kind: 'snapshot_rejected' })]);
  });

  it.each([
    ['no teams', () => { const s = makeSnapshot(); s.draft.teams = []; return s; }],
    ['a team twice', () => { const s = makeSnapshot(); s.draft.teams.push(s.draft.teams[0]!); return s; }],
    ['an empty table', () => { const s = makeSnapshot(); s.draft.picks = []; return s; }],
    ['a gap in pick numbers', () => { const s = makeSnapshot(); s.draft.picks.splice(4, 1); return s; }],
    ['a player drafted twice', () => makeSnapshot({ filled: [{ overallPick: 1, playerId: 7 }, { overallPick: 2, playerId: 7 }] })],
    ['a live pick after an open slot', () => makeSnapshot({ filled: [{ overallPick: 1, playerId: 7 }, { overallPick: 3, playerId: 8 }] })],
  ])('rejects a snapshot with %s', (_label, build) => {
    const before = pickInOrder(liveDraft(), 2);
    const step = reduceDraft(before.state, { type: 'init', snapshot: build() }, before.now + 1);
    expect(step.state).toBe(before.state);
    expect(kinds(step.log)).toEqual(['snapshot_rejected']);
  });

  it('accepts a table listed out of order', () => {
    const snapshot = makeSnapshot({ teams: 2, rounds: 2 });
    snapshot.draft.picks.reverse();
    const { state } = reduceDraft(createDraftState(KEY, T0), { type: 'init', snapshot }, T0);
    expect(state.slots.map((slot) => slot.overallPick)).toEqual([1, 2, 3, 4]);
  });
});

describe('reduceDraft: init reconciliation', () => {
  it('on a first snapshot mid-draft, records filled slots from INIT without a catch-up message', () => {
    const filled = [1, 2, 3, 4, 5].map((n) => ({ overallPick: n, playerId: 900 + n, spot: n === 3 ? 7 : 0 }));
    const { state, log, now } = run([init({ state: 1, filled })]);
    expect(state.picks).toHaveLength(5);
    expect(state.picks[2]).toEqual({
      overallPick: 3, round: 1, roundPick: 3, teamId: 3, playerId: 903, rosterSpot: 7, lineupSlotId: 23,
      keeper: false, autopick: false, source: 'init', recordedAt: now,
    });
    // spot 0 means "unknown" in INIT.
    expect(state.picks[0]).toMatchObject({ rosterSpot: null, lineupSlotId: null });
    expect(kinds(log)).toEqual(['snapshot']);
    expect(log[0]?.message).toBe('Snapshot: 5 picks made, next pick 6 (team 6).');
  });

  it('adds picks missed while disconnected and says how many', () => {
    const before = pickInOrder(liveDraft(), 3);
    const filled = [1, 2, 3, 4, 5].map((n) => ({ overallPick: n, playerId: 1000 + n }));
    const { state, log } = run([init({ state: 1, filled })], before);
    expect(state.picks.map((pick) => pick.source)).toEqual(['socket', 'socket', 'socket', 'init', 'init']);
    expect(state.picks.slice(0, 3)).toEqual(before.state.picks);
    // Kept picks are the very same objects: nothing about them changed.
    expect(state.picks[0]).toBe(before.state.picks[0]);
    const fresh = log.slice(before.log.length);
    expect(fresh.find((entry) => entry.kind === 'caught_up')).toMatchObject({ level: 'info', message: 'Caught up 2 missed picks.' });
    expect(fresh.find((entry) => entry.kind === 'snapshot')?.message).toBe('Snapshot: 5 picks made, next pick 6 (team 6).');
    expect(state.onTheClock).toMatchObject({ teamId: 6, overallPick: 6 });
  });

  it('removes picks that INIT shows open (undone while away), with a warning', () => {
    const before = pickInOrder(liveDraft(), 5);
    const filled = [1, 2, 3].map((n) => ({ overallPick: n, playerId: 1000 + n }));
    const { state, log } = run([init({ state: 1, filled })], before);
    expect(state.picks.map((pick) => pick.overallPick)).toEqual([1, 2, 3]);
    const warning = log.slice(before.log.length).find((entry) => entry.kind === 'pick_removed');
    expect(warning).toMatchObject({ level: 'warn' });
    expect(warning?.message).toContain('4 (player 1004)');
    expect(warning?.message).toContain('5 (player 1005)');
    expect(state.onTheClock).toMatchObject({ teamId: 4, overallPick: 4 });
  });

  it('replaces a pick where INIT names another player, with a warning', () => {
    const before = pickInOrder(liveDraft(), 3);
    const filled = [{ overallPick: 1, playerId: 1001 }, { overallPick: 2, playerId: 7777, spot: 1 }, { overallPick: 3, playerId: 1003 }];
    const { state, log } = run([init({ state: 1, filled })], before);
    expect(state.picks[1]).toMatchObject({ overallPick: 2, teamId: 2, playerId: 7777, source: 'init', rosterSpot: 1, lineupSlotId: 0 });
    const fresh = log.slice(before.log.length);
    const warning = fresh.find((entry) => entry.kind === 'pick_corrected');
    expect(warning?.level).toBe('warn');
    expect(warning?.message).toMatch(/^Pick 2 corrected: /);
    expect(warning?.message).toContain('7777');
    expect(warning?.message).toContain('1002');
    expect(fresh.some((entry) => entry.kind === 'caught_up')).toBe(false);
  });

  it('replaces a pick whose slot now belongs to another team (changed order)', () => {
    const before = pickInOrder(liveDraft(), 2);
    const filled = [{ overallPick: 1, playerId: 1001 }, { overallPick: 2, playerId: 1002 }];
    const { state, log } = run([init({ state: 1, filled, slotTeams: new Map([[2, 5]]) })], before);
    expect(state.picks[1]).toMatchObject({ teamId: 5, playerId: 1002, source: 'init' });
    expect(kinds(log.slice(before.log.length))).toContain('pick_corrected');
    expect(checkInvariants(state)).toEqual([]);
  });

  it('is idempotent: the same snapshot twice changes no pick and logs no correction', () => {
    const filled = [1, 2, 3, 4].map((n) => ({ overallPick: n, playerId: 1000 + n }));
    const first = run([init({ state: 1, filled })]);
    const second = run([init({ state: 1, filled })], first);
    expect(second.state.picks).toEqual(first.state.picks);
    second.state.picks.forEach((pick, i) => expect(pick).toBe(first.state.picks[i]));
    expect(kinds(second.log.slice(first.log.length))).toEqual(['snapshot']);
    expect({ ...second.state, updatedAt: 0 }).toEqual({ ...first.state, updatedAt: 0 });
  });

  it('keeps socket detail (autopick, time) for picks INIT confirms', () => {
    const live = liveDraft();
    const picked = run([selecting(1), selected(1, 4362628, 4, null)], live);
    const { state } = run([init({ state: 1, filled: [{ overallPick: 1, playerId: 4362628, spot: 4 }] })], picked);
    expect(state.picks[0]).toEqual(picked.state.picks[0]);
    expect(state.picks[0]).toMatchObject({ autopick: true, source: 'socket' });
  });

  it('recomputes rounds for kept picks when the team count changes', () => {
    const before = pickInOrder(liveDraft({ teams: 4, rounds: 4 }), 6, 4);
    const filled = before.state.picks.map((pick) => ({ overallPick: pick.overallPick, playerId: pick.playerId }));
    const slotTeams = new Map(filled.map((slot) => [slot.overallPick, snakeTeam(slot.overallPick, 4)]));
    const { state } = run([init({ state: 1, teams: 3, rounds: 5, filled, slotTeams })], before);
    expect(state.picks[4]).toMatchObject({ overallPick: 5, round: 2, roundPick: 2, source: 'socket' });
    expect(checkInvariants(state)).toEqual([]);
  });

  it('keeps keepers that pre-fill later slots, and places the next SELECTED in the first open slot', () => {
    const keepers = [
      { overallPick: 2, playerId: 555, keeper: true, spot: 1 },
      { overallPick: 15, playerId: 556, keeper: true, spot: 2 },
    ];
    const start = run([init({ state: 1, filled: keepers })]);
    expect(start.state.picks.map((pick) => [pick.overallPick, pick.keeper])).toEqual([[2, true], [15, true]]);
    expect(start.state.onTheClock).toMatchObject({ teamId: 1, overallPick: 1 });
    const { state } = run([selected(1, 10, 4), selecting(3), selected(3, 11, 4)], start);
    expect(state.picks.map((pick) => pick.overallPick)).toEqual([1, 2, 3, 15]);
    expect(state.onTheClock).toMatchObject({ teamId: 4, overallPick: 4 });
    expect(checkInvariants(state)).toEqual([]);
  });
});

describe('reduceDraft: init after reset', () => {
  it('rebuilds the picks from the next snapshot', () => {
    const before = pickInOrder(liveDraft(), 4);
    const filled = [1, 2].map((n) => ({ overallPick: n, playerId: 1000 + n }));
    const { state } = run([{ type: 'reset' }, init({ state: 1, filled }), stateCode(1)], before);
    expect(state.hasSnapshot).toBe(true);
    expect(state.picks.map((pick) => pick.source)).toEqual(['init', 'init']);
  });
});
