import { afterEach, describe, expect, it } from 'vitest';
import { DraftRoom, expectPickLogEqualsTruth } from './support/fault-room';
import { exportChosenDraft, listDrafts } from './support/draft-chooser';

/** Small and quick: 16 picks, five of them before the reset. */
const SMALL = { teams: 4, rounds: 4, pickIntervalMs: 250, clockTickMs: 1000, preDraftMs: 1000 } as const;
const PICKS_BEFORE_RESET = 5;

describe('a commissioner reset in Chromium with the production build', () => {
  let room: DraftRoom | undefined;

  afterEach(async () => {
    await room?.close();
    room = undefined;
  });

  /** The reset archived exactly one draft: the picks made before it, exported through the popup's chooser. */
  async function expectArchiveEqualsPicksBeforeReset(open: DraftRoom, teamNames: boolean): Promise<void> {
    const before = open.sim.truthBeforeResets();
    expect(before).toHaveLength(1);
    expect(before[0]!.length).toBeGreaterThanOrEqual(PICKS_BEFORE_RESET);
    const drafts = await listDrafts((message) => open.send(message));
    const archives = drafts.filter((draft) => draft.archivedAt !== null);
    expect(archives).toHaveLength(1);
    expect(archives[0]).toMatchObject({ leagueId: String(open.sim.league.leagueId), picks: before[0]!.length });
    const log = await exportChosenDraft(open.control, archives[0]!, { teamNames });
    // The popup shows it as what it is: frozen, with nothing to follow or reload.
    expect(await open.control.locator('[data-testid="health-status"]').textContent()).toContain('Reset archive');
    expect(await open.control.locator('[data-testid="reload-draft-tab"]').count()).toBe(0);
    expect(log.draft.archive?.reason).toBe('reset');
    expect(log.events.at(-1)?.message).toMatch(/^ESPN reset the draft here: this archive keeps the \d+ picks made before the reset/);
    expectPickLogEqualsTruth(log, before[0]!);
  }

  it('the page reloads on RESET: the restarted draft and the archived one each equal their truth', async () => {
    room = await DraftRoom.open({ sim: { ...SMALL, seed: 'reset-reload' }, pageQuery: { simOnReset: 'reload' } });
    await room.sim.whenPicks(PICKS_BEFORE_RESET);
    room.sim.reset();
    await room.expectExportEqualsTruth();
    // The restarted draft came over the reloaded page's new socket.
    expect(room.sim.connectionHistory.length).toBeGreaterThanOrEqual(2);
    await expectArchiveEqualsPicksBeforeReset(room, true);
  });

  it('the page stays on its socket in a mock league (REST 404): the restart is followed from the socket and INIT alone', async () => {
    room = await DraftRoom.open({ sim: { ...SMALL, seed: 'reset-stay-mock', mockLeague: 'not-found' }, pageQuery: { simOnReset: 'stay' } });
    await room.sim.whenPicks(PICKS_BEFORE_RESET);
    room.sim.reset();
    await room.expectExportEqualsTruth({ teamNames: false });
    // One socket all along: no reload, and ESPN's league reads could not help (404).
    expect(room.sim.connectionHistory).toHaveLength(1);
    const view = (await room.view())!;
    expect(new Set(view.state.picks.map((pick) => pick.source))).toEqual(new Set(['socket']));
    await expectArchiveEqualsPicksBeforeReset(room, false);
  });

  it('the page stays on its socket and ESPN sends it no new INIT: the extension reloads the tab within its INIT wait', async () => {
    room = await DraftRoom.open({ sim: { ...SMALL, seed: 'reset-stay-silent', resetSendsInit: false }, pageQuery: { simOnReset: 'stay' } });
    await room.sim.whenPicks(PICKS_BEFORE_RESET);
    room.sim.reset();
    await room.expectExportEqualsTruth();
    // Only the extension's reload could bring the restarted draft: a new socket.
    expect(room.sim.connectionHistory.length).toBeGreaterThanOrEqual(2);
    const messages = (await room.view())!.events.map((event) => event.message);
    expect(messages).toContainEqual(expect.stringMatching(/ESPN sent no snapshot of the restarted draft within/));
    await expectArchiveEqualsPicksBeforeReset(room, true);
  });
});
