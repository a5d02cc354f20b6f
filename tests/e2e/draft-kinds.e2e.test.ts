/**
 * Kinds of draft room the extension must follow end to end (issue #8, items 4 and 5): keepers
 * filled in INIT, a room joined late, basketball, baseball and hockey rooms, and ESPN changing its
 * protocol mid-draft. Each ends with an export equal to the simulator's ground truth.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DraftView } from '../../src/contract/draft-view';
import { DRIFT_HEADLINE } from '../../src/draft/drift';
import type { SportName } from '../sim/sports';
import type { DraftRoom } from './support/fault-room';
import { exportJsonWithNamesVia } from './support/popup';
import { RoomKeeper } from './support/scenarios';

/** Small leagues at a quick pace: every room here drafts in a few seconds. */
const QUICK = { teams: 6, rounds: 6, pickIntervalMs: 150, clockTickMs: 500, preDraftMs: 1000 } as const;

const rooms = new RoomKeeper();
afterEach(() => rooms.closeAll());

/**
 * Watches the extension's views from before the draft page opens until it has attached: its
 * connection holds the draft socket's INIT ("following live"). Returns every view seen, in order.
 */
function watchUntilAttached(room: DraftRoom): Promise<DraftView[]> {
  return (async () => {
    const seen: DraftView[] = [];
    for (;;) {
      const view = await room.view().catch(() => null);
      if (view) seen.push(view);
      if (view?.connection?.socket.synced) return seen;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
}

describe('keepers', () => {
  it('shows keepers filled in INIT before the draft as keepers, and exports the truth', async () => {
    const keepers = [
      { teamId: 1, round: 2 },
      { teamId: 4, round: 1 },
      { teamId: 6, round: 5 },
    ];
    const room = await rooms.open({ sim: { ...QUICK, preDraftMs: 6000, seed: 'keepers', keepers } });
    const kept = room.sim.truth().filter((pick) => pick.keeper);
    expect(kept).toHaveLength(keepers.length);

    // Before the first live pick, the view already holds the keepers from INIT, flagged as keepers.
    await expect
      .poll(async () => (await room.view())?.state.picks.filter((pick) => pick.keeper).map((pick) => [pick.overallPick, pick.playerId]), { timeout: 15_000, interval: 100 })
      .toEqual(kept.map((pick) => [pick.overallPick, pick.playerId]));
    expect(room.sim.truth().filter((pick) => !pick.keeper), 'keepers seen before any live pick').toEqual([]);

    await room.expectExportEqualsTruth();
    const { log } = await exportJsonWithNamesVia(room.browser);
    expect(log.picks.filter((pick) => pick.keeper).map((pick) => pick.overallPick)).toEqual(kept.map((pick) => pick.overallPick));
  });
});

describe('joining late', () => {
  it('opening the draft room at pick 50 shows the whole board at once, from INIT', async () => {
    let watching: Promise<DraftView[]> | null = null;
    const room = await rooms.open({
      sim: { ...QUICK, teams: 8, rounds: 10, seed: 'late-join' },
      joinAfterPicks: 50,
      beforeDraftPage: (r) => {
        watching = watchUntilAttached(r);
      },
    });
    const views = await watching!;
    const first = views.at(-1)!;
    expect(first.state.picks.length, 'picks in the first view after attaching').toBeGreaterThanOrEqual(50);
    // The first 50 came from the snapshot, not from SELECTED frames.
    expect(first.state.picks.slice(0, 50).every((pick) => pick.source !== 'socket')).toBe(true);
    expect(first.state.picks.slice(0, 50).map((pick) => pick.playerId)).toEqual(room.sim.truth().slice(0, 50).map((pick) => pick.playerId));
    // Before it: only "connecting" views, with no board to show yet, never part of one.
    for (const view of views.slice(0, -1)) expect([view.connection?.socket.synced ?? false, view.state.picks.length]).toEqual([false, 0]);
    await room.expectExportEqualsTruth();
  });
});

describe.each([
  ['basketball', 'fba', ['PG', 'SG', 'SF', 'PF', 'C']],
  ['baseball', 'flb', ['SP', 'C', '1B', '2B', '3B', 'SS', 'LF', 'CF', 'RF', 'DH', 'RP']],
  ['hockey', 'fhl', ['Center', 'Left Wing', 'Defense', 'Goalie']],
] as const)('a %s draft', (sport: SportName, game, positions) => {
  it('exports the truth, with the sport\'s own position and team names', async () => {
    const room = await rooms.open({ sim: { ...QUICK, sport, seed: `sport-${sport}` } });
    await room.expectExportEqualsTruth();
    const { log } = await exportJsonWithNamesVia(room.browser);
    expect(log.draft.game).toBe(game);
    const exported = new Set(log.picks.map((pick) => pick.position));
    expect([...exported].every((position) => (positions as readonly string[]).includes(position ?? ''))).toBe(true);
    expect(exported.size).toBeGreaterThanOrEqual(3);
    expect(log.picks.every((pick) => pick.proTeam !== null && !/^\d+$/.test(pick.proTeam))).toBe(true);
  });
});

describe('protocol drift', () => {
  it('says in plain words that ESPN changed something, with the counts, and still exports the truth', async () => {
    const room = await rooms.open({ sim: { ...QUICK, seed: 'drift' } });
    await room.sim.whenPicks(10);
    const sockets = room.sim.faults.inject([
      'TRADE_OFFER 3 5 1', // unknown frame types
      'SHOUT 4 hello',
      'CLOCK 9 12000 3', // a clock in a state nobody has seen
      'SELECTING banana 30000', // a known frame that fails validation
    ]);
    expect(sockets).toBe(1);

    await room.expectExportEqualsTruth();
    const view = (await room.view())!;
    expect(view.drift.counters).toMatchObject({ unknownFrames: 2, unknownClocks: 1, invalidFrames: 1 });

    const warning = room.control.locator('[data-testid="drift-warning"]');
    await expect.poll(() => warning.innerText(), { timeout: 10_000 }).toContain(DRIFT_HEADLINE);
    const text = await warning.innerText();
    expect(text).toContain('2 frames of an unknown type');
    expect(text).toContain('1 clock in an unknown state');
    expect(text).toContain('1 frame that could not be read');
  });
});
