/**
 * The fault scenarios of tests/e2e (support/fault-room.ts, support/scenarios.ts) run for their
 * figures: close detection, stall detection and the time until every missed pick is back. Run by
 * `npm run bench` through bench/faults.vitest.config.ts (the scenarios use vitest's polling), never
 * by `npm test`. The figures go to the JSON file named by BENCH_FAULT_FIGURES.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, it } from 'vitest';
import { DraftRoom, faultFigures, measureFault } from '../tests/e2e/support/fault-room';
import { RoomKeeper, SMALL_DRAFT, silentStall } from '../tests/e2e/support/scenarios';

const rooms = new RoomKeeper();
let room: DraftRoom | undefined;

afterEach(async () => {
  await room?.close();
  room = undefined;
  await rooms.closeAll();
});

afterAll(() => {
  const out = process.env.BENCH_FAULT_FIGURES;
  if (out) writeFileSync(out, JSON.stringify(faultFigures));
});

it('a drop ESPN recovers by itself (close 1006), several times', async () => {
  room = await DraftRoom.open({ sim: { ...SMALL_DRAFT, rounds: 8, seed: 'bench-drops' }, pageQuery: { simReconnect: 'auto', simReconnectDelayMs: 500 } });
  for (const picks of [4, 14, 24, 34]) {
    await room.sim.whenPicks(picks);
    await measureFault(room, 'ESPN reconnects', 'close 1006', () => room!.sim.faults.drop(1006));
  }
});

it('a clean close ESPN never recovers from: the extension reloads the tab', async () => {
  room = await DraftRoom.open({ sim: { ...SMALL_DRAFT, rounds: 8, seed: 'bench-closes' }, pageQuery: { simReconnect: 'never' } });
  for (const picks of [4, 16, 28]) {
    await room.sim.whenPicks(picks);
    await measureFault(room, 'client never reconnects', 'close 1000 (reload)', () => room!.sim.faults.drop(1000));
  }
});

it('a silent stall: detected in the page, recovered by a reload', async () => {
  await silentStall(rooms);
});
