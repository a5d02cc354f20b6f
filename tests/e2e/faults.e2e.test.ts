import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DraftRoom, FAST_RECOVERY, faultFigures, measureFault, recordFigure, statusOf } from './support/fault-room';
import { DEFAULT_SILENCE_CONFIG } from '../../src/connection/silence';
import { printFaultSummary } from './support/fault-summary';
import { RoomKeeper, SMALL_DRAFT, backgroundTerminated, browserRestart, dropRecoveredByEspn, silentStall } from './support/scenarios';

describe('fault recovery in Chromium with the production build', () => {
  let room: DraftRoom | undefined;
  /** For the scenarios shared with Firefox (tests/e2e/firefox). */
  const rooms = new RoomKeeper();

  afterEach(async () => {
    await room?.close();
    room = undefined;
    await rooms.closeAll();
  });

  afterAll(() => printFaultSummary(faultFigures, 'single-fault scenarios'));

  it('recovers an abrupt drop (1006) through ESPN’s own reconnect, without reloading', () => dropRecoveredByEspn(rooms));

  it('recovers clean server closes (1000, 1001, 1011) by reloading when ESPN’s client never reconnects', async () => {
    room = await DraftRoom.open({ sim: { ...SMALL_DRAFT, seed: 'clean-closes' }, pageQuery: { simReconnect: 'never' } });
    for (const [picks, code] of [[4, 1000], [12, 1001], [20, 1011]] as const) {
      await room.sim.whenPicks(picks);
      const figure = await measureFault(room, 'client never reconnects', `close ${code}`, () => room!.sim.faults.drop(code));
      expect(figure.reloads).toBeGreaterThanOrEqual(1);
    }
    await room.expectExportEqualsTruth();
    // What happened, in plain words, in the exported log.
    const messages = ((await room.view())?.events ?? []).map((event) => event.message);
    for (const expected of [
      /^WebSocket closed \(1000\); waiting for ESPN to reconnect$/,
      /^WebSocket closed \(1011\); waiting for ESPN to reconnect$/,
      /^Reloading draft tab, attempt 1\/8/,
      /^Reconnected after \d+(\.\d)? s \(1 reload\)$/,
      /^Caught up \d+ missed picks?\.$/,
    ]) {
      expect(messages).toContainEqual(expect.stringMatching(expected));
    }
  });

  it('detects a silent stall (socket open, nothing arrives, not even PONG) and reloads', () => silentStall(rooms));

  it("applies the user's silence budget in the page", async () => {
    room = await DraftRoom.open({
      sim: { ...SMALL_DRAFT, seed: 'stall-budget' },
      pageQuery: { simReconnect: 'auto' },
      settings: { ...FAST_RECOVERY, silence: { activeBudgetMs: 4_000, pongTimeoutMs: 60_000 } },
    });
    await room.sim.whenPicks(4);
    const figure = await measureFault(room, 'silent stall, 4 s budget', 'stall (4 s budget)', () => room!.sim.faults.stall(120_000));
    const incident = (await room.incidents()).at(-1)!;
    // The default budget is 11 s; the stall must have been declared on the configured one.
    expect(incident.cause).toMatchObject({ kind: 'silence' });
    expect((incident.cause as { silentForMs: number }).silentForMs).toBeLessThan(DEFAULT_SILENCE_CONFIG.activeBudgetMs);
    expect(figure.reloads).toBeGreaterThanOrEqual(1);
    await room.expectExportEqualsTruth();
  });

  it('keeps trying through refused reconnects (HTTP 500 on the upgrade for 25 s)', async () => {
    room = await DraftRoom.open({
      sim: { ...SMALL_DRAFT, rounds: 8, seed: 'refused' },
      pageQuery: { simReconnect: 'never' },
    });
    await room.sim.whenPicks(4);
    const figure = await measureFault(room, 'refused reconnects', 'close 1006 + HTTP 500 for 25 s', () => {
      room!.sim.faults.refuseUpgrades(25_000);
      room!.sim.faults.drop(1006);
    });
    expect(figure.reloads).toBeGreaterThanOrEqual(2);
    await room.expectExportEqualsTruth();
  });

  it('never reloads after a duplicate-connection kick, and recovers when the user asks', async () => {
    room = await DraftRoom.open({ sim: { ...SMALL_DRAFT, seed: 'kick' }, pageQuery: { simReconnect: 'auto' } });
    await room.sim.whenPicks(5);
    const connectionsBefore = room.sim.connectionHistory.length;
    const kickedAt = Date.now();
    room.sim.faults.kickDuplicate();
    await expect.poll(async () => statusOf(await room!.view()), { timeout: 15_000 }).toBe('kicked');
    // Well past the grace period and a first reload: nobody reconnected, so the other session stays put.
    await room.sim.whenPicks(room.sim.truth().length + 4);
    expect(room.sim.connectionHistory.length).toBe(connectionsBefore);
    expect((await room.view())?.connection?.phase).toBe('kicked');

    await room.browser.reloadControl();
    await room.browser.clickControlButton('Reload draft tab');
    const catchUp = await room.waitForCatchUp();
    const incident = (await room.incidents()).at(-1)!;
    recordFigure({
      scenario: 'duplicate kick',
      fault: 'LEFT me 2 (user reloads)',
      detectionMs: incident.detectionLatencyMs,
      catchUpMs: Date.now() - kickedAt,
      reloads: incident.reloadAttempts,
      picksCaughtUp: incident.picksCaughtUp,
    });
    expect(catchUp).toBeGreaterThanOrEqual(0);
    await room.expectExportEqualsTruth();
  });

  it('loses nothing when the service worker is terminated mid-draft', () => backgroundTerminated(rooms));

  it('brings back the picks made while the browser was closed, from INIT on the next load', () => browserRestart(rooms));
});
