import { afterEach, describe, expect, it } from 'vitest';
import { DraftRoom } from './support/fault-room';

const SMALL_PRIVATE_DRAFT = { teams: 4, rounds: 4, pickIntervalMs: 250, clockTickMs: 1000, preDraftMs: 1000, privateLeague: true } as const;

async function eventMessages(room: DraftRoom): Promise<string[]> {
  return ((await room.view())?.events ?? []).map((event) => event.message);
}

describe("reconciliation with ESPN's REST API after the draft", () => {
  let room: DraftRoom | undefined;

  afterEach(async () => {
    await room?.close();
    room = undefined;
  });

  it("confirms every pick of a private league, reading from the draft tab with the user's cookies", async () => {
    room = await DraftRoom.open({ sim: { ...SMALL_PRIVATE_DRAFT, seed: 'rest-private' } });
    await room.expectExportEqualsTruth();
    await expect
      .poll(() => eventMessages(room!), { timeout: 30_000, interval: 250 })
      .toContainEqual(expect.stringMatching(/^Confirmed 16 picks against ESPN's API/));
    // Team names come from the same page-origin reads.
    expect((await room.view())!.state.teams.every((team) => team.name !== null)).toBe(true);
  });

  it('keeps the socket’s picks and says why when the league is private and the cookies are gone', async () => {
    room = await DraftRoom.open({ sim: { ...SMALL_PRIVATE_DRAFT, seed: 'rest-logged-out' } });
    // The user logs out in another tab mid-draft: the socket goes on, the REST reads lose their cookies.
    await room.sim.whenPicks(3);
    await room.browser.clearCookies();
    await room.expectExportEqualsTruth();
    await expect
      .poll(() => eventMessages(room!), { timeout: 30_000, interval: 250 })
      .toContainEqual(expect.stringMatching(/League is private/));
    expect((await room.view())!.state.picks.every((pick) => pick.source === 'socket')).toBe(true);
  });
});
