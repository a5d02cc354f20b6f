import { describe, expect, it } from 'vitest';
import type { DraftEvent } from '../../../src/protocol/events';
import { parseFrame } from '../../../src/protocol/parse-frame';
import { loadSessionA, loadSessionAExpected } from './session-a-fixture';

const { frames } = loadSessionA();
const expected = loadSessionAExpected();
const events = frames.map((f) => ({ ...f, event: parseFrame(f.data, f.dir) }));

function ofType<T extends DraftEvent['type']>(type: T) {
  return events.filter((e): e is typeof e & { event: Extract<DraftEvent, { type: T }> } => e.event.type === type);
}

describe('session A replayed through parseFrame', () => {
  it('has exactly the expected frames per direction and command', () => {
    expect(frames).toHaveLength(expected.frames);
    expect(frames.filter((f) => f.dir === 'in')).toHaveLength(expected.framesIn);
    expect(frames.filter((f) => f.dir === 'out')).toHaveLength(expected.framesOut);
    const counts: Record<string, number> = {};
    for (const f of frames) {
      const key = `${f.dir}:${f.data.split(/[ \n]/, 1)[0]}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect(counts).toEqual(expected.frameCounts);
  });

  it('parses every frame: no unknown, no malformed', () => {
    const problems = events.filter((e) => e.event.type === 'unknown' || e.event.type === 'malformed');
    expect(problems.map((e) => e.event)).toEqual([]);
  });

  it('maps each command to its event type with the same counts', () => {
    const byType: Record<string, number> = {};
    for (const e of events) byType[e.event.type] = (byType[e.event.type] ?? 0) + 1;
    const c = expected.frameCounts;
    expect(byType).toEqual({
      init: c['in:INIT'],
      token: c['in:TOKEN'],
      clock: c['in:CLOCK'],
      autosuggest: c['in:AUTOSUGGEST'],
      autodraft: c['in:AUTODRAFT'],
      joined: c['in:JOINED'],
      left: c['in:LEFT'],
      state: c['in:STATE'],
      selecting: c['in:SELECTING'],
      selected: c['in:SELECTED'],
      pong: c['in:PONG'],
      ping: c['out:PING'],
      select: c['out:SELECT'],
    });
  });

  it('decodes the INIT as the 2nd frame, at t = 0.363', () => {
    expect(events[1]!.t).toBe(0.363);
    const init = events[1]!.event;
    expect(init.type).toBe('init');
    if (init.type !== 'init') return;
    expect(init.snapshot.leagueId).toBe(expected.leagueId);
    expect(init.snapshot.myTeamId).toBe(expected.myTeamId);
    expect(init.snapshot.draft.picks).toHaveLength(expected.init.pickSlots);
  });

  it('reads TOKEN without its secret', () => {
    const [token] = ofType('token');
    expect(token!.event).toEqual({ type: 'token', gameId: 1, leagueId: expected.leagueId, teamId: expected.myTeamId });
    expect(JSON.stringify(events.map((e) => e.event))).not.toContain('1234567890');
  });

  it('reads every SELECTED: team, player, spot and member', () => {
    const selected = ofType('selected');
    expect(
      selected.map(({ t, event }) => ({ t, teamId: event.teamId, playerId: event.playerId, spot: event.spot, member: event.member })),
    ).toEqual(expected.picks.map(({ t, teamId, playerId, spot, member }) => ({ t, teamId, playerId, spot, member })));
  });

  it('places each SELECTED in its INIT slot, and the template gives the expected lineup slot', () => {
    const init = events[1]!.event;
    if (init.type !== 'init') throw new Error('no INIT');
    const { picks, rosterTemplate } = init.snapshot.draft;
    ofType('selected').forEach(({ event }, i) => {
      const slot = picks[i]!;
      const want = expected.picks[i]!;
      expect(slot.overallPick).toBe(want.overallPick);
      expect(slot.teamId).toBe(event.teamId);
      expect(rosterTemplate[event.spot - 1]!.lineupSlotId).toBe(want.lineupSlotId);
    });
  });

  it('reads the draft start, clocks and presence frames', () => {
    expect(ofType('state').map((e) => [e.t, e.event.state])).toEqual([[expected.draftStarted.stateFrameT, 1]]);
    const firstSelecting = ofType('selecting')[0]!;
    expect([firstSelecting.t, firstSelecting.event]).toEqual([
      expected.draftStarted.firstSelectingT,
      { type: 'selecting', teamId: expected.draftStarted.firstSelectingTeamId, msAllowed: 30000 },
    ]);
    const clocks = ofType('clock').map((e) => e.event);
    expect(clocks[0]).toEqual({ type: 'clock', phase: 'predraft', msToStart: 76305 });
    expect(clocks.at(-1)).toEqual({ type: 'clock', phase: 'pick', msRemaining: 20240, teamId: 3 });
    expect(clocks.every((c) => c.phase === 'predraft' || c.phase === 'pick')).toBe(true);
    expect(ofType('left').map((e) => [e.t, e.event.teamId, e.event.reason])).toEqual([[11.726, 7, 1]]);
    expect(ofType('joined').map((e) => e.event.teamId)).toEqual([2, 8, 10, 7]);
    expect(ofType('autodraft').map((e) => [e.event.teamId, e.event.enabled])).toEqual([
      [2, false],
      [8, false],
      [10, false],
      [7, true],
      [7, false],
    ]);
  });

  it('pairs every PING with a PONG carrying the same timestamp', () => {
    const pings = ofType('ping').map((e) => e.event.sentAt);
    const pongs = ofType('pong').map((e) => e.event.pingSentAt);
    expect(pings).toHaveLength(23);
    expect(pongs).toEqual(pings);
    expect(pings[0]).toBe(1756607417674);
  });

  it('reads this client’s own SELECTs', () => {
    expect(ofType('select').map((e) => e.event.playerId)).toEqual([4430807, 4426502, 4362238]);
  });
});
