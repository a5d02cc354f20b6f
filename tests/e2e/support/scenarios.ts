/**
 * Draft scenarios that run unchanged in every browser: each opens its own room through a RoomKeeper
 * (which picks the browser), injects its fault, and ends with an export equal to the simulator's board.
 */
import { expect } from 'vitest';
import { DraftRoom, measureFault, recordFigure, type DraftRoomOptions } from './fault-room';
import type { LaunchExtensionBrowser } from './extension-browser';

/** A short draft per scenario: long enough to inject a fault mid-draft and see picks missed. */
export const SMALL_DRAFT = { teams: 6, rounds: 5, pickIntervalMs: 450, clockTickMs: 1000, preDraftMs: 1000 } as const;

/** Opens rooms in one browser and closes whatever a scenario left open. */
export class RoomKeeper {
  private readonly rooms: DraftRoom[] = [];

  constructor(private readonly launcher?: LaunchExtensionBrowser) {}

  async open(options: DraftRoomOptions): Promise<DraftRoom> {
    const room = await DraftRoom.open({ launcher: this.launcher, ...options });
    this.rooms.push(room);
    return room;
  }

  async closeAll(): Promise<void> {
    for (const room of this.rooms.splice(0)) await room.close();
  }
}

/** A clean draft with no faults: every pick seen live, nothing to recover. */
export async function cleanDraft(rooms: RoomKeeper, sim: { teams: number; rounds: number } = { teams: 8, rounds: 10 }): Promise<void> {
  const room = await rooms.open({ sim: { ...sim, pickIntervalMs: 120, clockTickMs: 1000, preDraftMs: 1500, seed: 'clean' }, pageQuery: { simPingMs: 2000 } });
  await room.expectExportEqualsTruth();
  const view = (await room.view())!;
  expect(view.state.picks).toHaveLength(sim.teams * sim.rounds);
  expect(new Set(view.state.picks.map((pick) => pick.source))).toEqual(new Set(['socket']));
  expect(view.events.filter((event) => event.level !== 'info')).toEqual([]);
}

export async function dropRecoveredByEspn(rooms: RoomKeeper): Promise<void> {
  const room = await rooms.open({ sim: { ...SMALL_DRAFT, seed: 'drop-1006' }, pageQuery: { simReconnect: 'auto', simReconnectDelayMs: 500 } });
  await room.sim.whenPicks(5);
  const figure = await measureFault(room, 'ESPN reconnects', 'close 1006', () => room.sim.faults.drop(1006));
  expect(figure.reloads).toBe(0);
  await room.expectExportEqualsTruth();
}

export async function silentStall(rooms: RoomKeeper): Promise<void> {
  const room = await rooms.open({ sim: { ...SMALL_DRAFT, seed: 'stall' }, pageQuery: { simReconnect: 'auto' } });
  await room.sim.whenPicks(4);
  const figure = await measureFault(room, 'silent stall', 'stall', () => room.sim.faults.stall(120_000));
  expect(figure.reloads).toBeGreaterThanOrEqual(1);
  expect(figure.picksCaughtUp).toBeGreaterThan(0);
  await room.expectExportEqualsTruth();
}

export async function backgroundTerminated(rooms: RoomKeeper): Promise<void> {
  const room = await rooms.open({ sim: { ...SMALL_DRAFT, seed: 'worker' }, pageQuery: { simReconnect: 'auto' } });
  for (const picks of [3, 10, 18]) {
    await room.sim.whenPicks(picks);
    const stoppedAt = Date.now();
    expect(await room.terminateWorker()).toBe(true);
    await room.waitForCatchUp();
    recordFigure({ scenario: 'worker terminated', fault: 'worker terminated', detectionMs: null, catchUpMs: Date.now() - stoppedAt, reloads: 0, picksCaughtUp: null });
  }
  await room.expectExportEqualsTruth();
}

export async function browserRestart(rooms: RoomKeeper): Promise<void> {
  const room = await rooms.open({ sim: { ...SMALL_DRAFT, seed: 'restart' }, pageQuery: { simReconnect: 'auto' } });
  await room.sim.whenPicks(6);
  await room.closeBrowser();
  const closedAt = Date.now();
  const picksAtClose = room.sim.truth().length;
  await room.sim.whenPicks(picksAtClose + 5);
  await room.launch();
  await room.openDraftPage();
  await room.waitForCatchUp();
  recordFigure({ scenario: 'browser restart', fault: 'browser closed + relaunched', detectionMs: null, catchUpMs: Date.now() - closedAt, reloads: 0, picksCaughtUp: null });
  const view = await room.view();
  const sources = view!.state.picks.slice(picksAtClose, picksAtClose + 5).map((pick) => pick.source);
  expect(sources).toEqual(['init', 'init', 'init', 'init', 'init']);
  await room.expectExportEqualsTruth();
  expect(await room.send({ type: 'get-view', tabId: null })).not.toBeNull();
}
