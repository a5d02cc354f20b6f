import { describe, expect, it } from 'vitest';
import type { DraftEvent } from '../../../src/protocol/events';
import { checkInvariants } from '../../../src/draft/invariants';
import { init, run, selected, selecting, stateCode, swid } from './draft-fixture';

/**
 * The 22 picks of the real session A capture (fixtures/session-a.expected.json):
 * [team, playerId, spot, expected lineupSlotId, autopick].
 */
const SESSION_A: ReadonlyArray<[number, number, number, number, boolean]> = [
  [1, 4362628, 4, 4, false], [2, 4430807, 2, 2, false], [3, 3929630, 2, 2, false], [4, 4429795, 2, 2, false],
  [5, 4262921, 4, 4, false], [6, 3117251, 2, 2, true], [7, 4241389, 4, 4, true], [8, 3043078, 2, 2, false],
  [9, 4258173, 4, 4, false], [10, 4595348, 4, 4, false], [10, 4890973, 2, 2, false], [9, 4047365, 2, 2, false],
  [8, 4374302, 4, 4, false], [7, 4242335, 2, 2, false], [6, 4426515, 4, 4, true], [5, 4429160, 2, 2, false],
  [4, 4432773, 4, 4, false], [3, 4596448, 3, 2, false], [2, 4426502, 4, 4, false], [1, 4432665, 6, 6, false],
  [1, 3918298, 1, 0, false], [2, 4362238, 3, 2, false],
];

describe('reduceDraft: session A replay', () => {
  it('reproduces the captured pick log and ends with team 3 on the clock for pick 23', () => {
    const events: DraftEvent[] = [init({ offlineTeams: [6, 8, 10] }), stateCode(1)];
    for (const [team, player, spot, , auto] of SESSION_A) {
      events.push(selecting(team), selected(team, player, spot, auto ? null : swid(team)));
    }
    events.push(selecting(3), { type: 'clock', phase: 'pick', msRemaining: 20240, teamId: 3 });
    const { state, log } = run(events);

    expect(state.picks).toHaveLength(22);
    state.picks.forEach((pick, i) => {
      const [team, player, spot, lineupSlotId, auto] = SESSION_A[i]!;
      expect(pick).toMatchObject({
        overallPick: i + 1, round: Math.ceil((i + 1) / 10), teamId: team, playerId: player,
        rosterSpot: spot, lineupSlotId, autopick: auto, source: 'socket', keeper: false,
      });
    });
    expect(state.onTheClock).toMatchObject({ teamId: 3, overallPick: 23 });
    expect(state.status).toBe('live');
    expect(state.slots.length - state.picks.length).toBe(138);
    expect(log.filter((entry) => entry.level !== 'info')).toEqual([]);
    expect(checkInvariants(state)).toEqual([]);
  });
});
