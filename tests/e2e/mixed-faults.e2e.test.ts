import { afterAll, describe, expect, it } from 'vitest';
import { DraftRoom, faultFigures, measureFault, recordFigure } from './support/fault-room';
import { printFaultSummary } from './support/fault-summary';

type Fault = { name: string; run: (room: DraftRoom) => Promise<void> };

const drop = (code: 1006 | 1000 | 1001 | 1011): Fault => ({
  name: `close ${code}`,
  run: async (room) => void (await measureFault(room, 'mixed', `close ${code}`, () => room.sim.faults.drop(code))),
});

const stall: Fault = {
  name: 'stall',
  run: async (room) => void (await measureFault(room, 'mixed', 'stall', () => room.sim.faults.stall(120_000))),
};

const refused: Fault = {
  name: 'refused upgrades',
  run: async (room) =>
    void (await measureFault(room, 'mixed', 'close 1006 + HTTP 500 for 5 s', () => {
      room.sim.faults.refuseUpgrades(5_000);
      room.sim.faults.drop(1006);
    })),
};

const workerKill: Fault = {
  name: 'worker terminated',
  run: async (room) => {
    const stoppedAt = Date.now();
    expect(await room.terminateWorker()).toBe(true);
    await room.sim.whenPicks(room.sim.truth().length + 1);
    await room.waitForCatchUp();
    recordFigure({ scenario: 'mixed', fault: 'worker terminated', detectionMs: null, catchUpMs: Date.now() - stoppedAt, reloads: 0, picksCaughtUp: null });
  },
};

const kick: Fault = {
  name: 'duplicate kick',
  run: async (room) => {
    const kickedAt = Date.now();
    room.sim.faults.kickDuplicate();
    await expect.poll(async () => (await room.view())?.connection?.phase, { timeout: 15_000 }).toBe('kicked');
    // The user reads the popup and asks for a reload.
    await room.browser.reloadControl();
    await room.browser.clickControlButton('Reload draft tab');
    await room.waitForCatchUp();
    recordFigure({ scenario: 'mixed', fault: 'LEFT me 2 (user reloads)', detectionMs: 0, catchUpMs: Date.now() - kickedAt, reloads: 1, picksCaughtUp: null });
  },
};

const browserRestart: Fault = {
  name: 'browser restart',
  run: async (room) => {
    const closedAt = Date.now();
    const picks = room.sim.truth().length;
    await room.closeBrowser();
    await room.sim.whenPicks(picks + 3);
    await room.launch();
    await room.openDraftPage();
    await room.waitForCatchUp();
    recordFigure({ scenario: 'mixed', fault: 'browser closed + relaunched', detectionMs: null, catchUpMs: Date.now() - closedAt, reloads: 0, picksCaughtUp: null });
  },
};

/** 24 faults of every kind, slow ones first so they land well inside the draft. */
const PLAN: Fault[] = [
  stall,
  drop(1006),
  workerKill,
  drop(1000),
  stall,
  drop(1001),
  refused,
  drop(1011),
  workerKill,
  drop(1006),
  kick,
  drop(1000),
  stall,
  workerKill,
  drop(1001),
  browserRestart,
  drop(1011),
  drop(1006),
  workerKill,
  drop(1000),
  drop(1001),
  drop(1011),
  drop(1006),
  workerKill,
];

describe('a 160-pick draft through at least 20 mixed faults', () => {
  let room: DraftRoom | undefined;

  afterAll(async () => {
    printFaultSummary(faultFigures, 'mixed 160-pick draft');
    await room?.close();
  });

  it('ends with 0 missing, 0 extra and 0 wrong picks', async () => {
    room = await DraftRoom.open({
      sim: { seed: 'mixed-faults', teams: 10, rounds: 16, pickIntervalMs: 900, clockTickMs: 1000, preDraftMs: 1000 },
      pageQuery: { simReconnect: 'auto', simReconnectDelayMs: 700 },
    });
    const sim = room.sim;
    const draftOver = () => sim.state === 'complete';
    let injectedWhileLive = 0;
    for (const fault of PLAN) {
      if (draftOver()) break;
      // A couple of picks between faults, so each outage has something to miss.
      await sim.whenPicks(Math.min(sim.totalPicks, sim.truth().length + 2));
      if (draftOver()) break;
      await fault.run(room);
      injectedWhileLive += 1;
    }
    expect(injectedWhileLive).toBeGreaterThanOrEqual(20);
    await room.expectExportEqualsTruth();
  });
});
