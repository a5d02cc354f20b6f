import { afterEach, describe, expect, it } from 'vitest';
import { DraftRoom } from './support/fault-room';

const SMALL_MOCK = { teams: 6, rounds: 3, pickIntervalMs: 250, clockTickMs: 1000, preDraftMs: 1000, mockLeague: 'not-found' } as const;

describe('a mock draft league in Chromium with the production build', () => {
  let room: DraftRoom | undefined;

  afterEach(async () => {
    await room?.close();
    room = undefined;
  });

  it("follows a whole draft whose league ESPN's REST answers 404, from the socket alone", async () => {
    room = await DraftRoom.open({ sim: { ...SMALL_MOCK, seed: 'mock-404' } });
    await room.expectExportEqualsTruth({ teamNames: false });
    const view = (await room.view())!;
    expect(view.state.picks.every((pick) => pick.source === 'socket')).toBe(true);
    expect(room.sim.connectionHistory).toHaveLength(1);
    // Nothing from ESPN's league reads: no team names, and the log says why.
    expect(view.state.teams.every((team) => team.name === null)).toBe(true);
    const messages = view.events.map((event) => event.message);
    expect(messages).toContainEqual(expect.stringMatching(/Team names unavailable: HTTP 404/));
    expect(messages).toContainEqual(expect.stringMatching(/does not show this league \(mock drafts are not readable\); kept the socket's picks/));
  });

  it("follows a mock lobby league whose reads say MOCKDRAFT_LOBBY and not viewable, names and all", async () => {
    room = await DraftRoom.open({ sim: { ...SMALL_MOCK, seed: 'mock-lobby', mockLeague: 'lobby' } });
    await room.expectExportEqualsTruth();
    const view = (await room.view())!;
    expect(view.state.teams.map((team) => team.name).sort()).toEqual(room.sim.league.teams.map((team) => team.name).sort());
    await expect
      .poll(async () => ((await room!.view())?.events ?? []).map((event) => event.message), { timeout: 30_000, interval: 250 })
      .toContainEqual(expect.stringMatching(/^Confirmed 18 picks against ESPN's API/));
  });
});
