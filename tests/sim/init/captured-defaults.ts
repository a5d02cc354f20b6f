import type { InitPositionLimit, InitScoringItem, InitSettings, InitStatus } from '../../../src/protocol/init/init-types';

// Values read from the captured session-A blob (a 2025 ESPN football mock). Simulated snapshots
// reuse them for every field whose meaning is [UNKNOWN], so they look like what ESPN sends.

/** lineupSlotId of roster spots 1…16: QB, RB×2, WR×2, TE, FLEX, D/ST, K, bench×7. */
export const CAPTURED_FOOTBALL_ROSTER_TEMPLATE: readonly number[] = [0, 2, 2, 4, 4, 6, 23, 16, 17, 20, 20, 20, 20, 20, 20, 20];

/** positionId 0…17; −1 = no limit. QB 4, RB 8, WR 8, TE 3, K 3, D/ST 3. */
const CAPTURED_POSITION_MAXIMA = [0, 4, 8, 8, 3, 3, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 3, -1];

export function capturedPositionLimits(): InitPositionLimit[] {
  return CAPTURED_POSITION_MAXIMA.map((max, positionId) => ({ positionId, max }));
}

/** A PPR subset of the 46 captured items (statId → points), enough to look real. */
const CAPTURED_SCORING_SUBSET: ReadonlyArray<[number, number]> = [
  [20, -2], // interception thrown
  [72, -2],
  [3, 0.04], // passing yard
  [24, 0.1],
  [42, 0.1],
  [53, 1], // reception: PPR
  [4, 4],
  [25, 6],
  [43, 6],
];

export function capturedScoringItems(): InitScoringItem[] {
  return CAPTURED_SCORING_SUBSET.map(([statId, points]) => ({ statId, points, unknownFlag: false }));
}

export function capturedStatus(): InitStatus {
  return { state: 0, date: null, ints: [0, 0, 0, 0, 0] };
}

export function capturedSettings(timePerSelectionMs: number): InitSettings {
  return {
    timingsMs: [25000, 10000, 25000],
    timePerSelectionMs,
    unknownObjA: [0, 0],
    unknownObjB: [1, 3],
    unknownInts: [180000, 2000, 1, 200],
    unknownFloats: [0.65, 1.1, 0, 0.4],
    unknownInt5: 200,
    unknownFlag1: true,
    slotIds: [20, 21, -1],
    unknownFlag2: true,
    unknownFlag3: false,
    scoringFlag: 1,
    scoringItems: capturedScoringItems(),
    unknownFlag4: true,
  };
}

/** [INFERRED] the value ESPN used for teams whose autodraft was on at INIT. */
export const CAPTURED_AUTODRAFT_TYPE_ID = 4;

/** [INFERRED] two empty lists ("private queues"). */
export function capturedTail(): Uint8Array {
  return new Uint8Array(8);
}
