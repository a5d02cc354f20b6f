import type { InitReader } from './init-reader';
import { MAX_ITEMS, MIN_ITEM_BYTES, VERSION } from './init-layout';
import type { InitScoringItem, InitSettings, InitStatus } from './init-types';

/** init-format.md §3.3. Every field is [UNKNOWN]; only the 40-byte total is confirmed. */
export function readStatus(r: InitReader): InitStatus {
  r.beginObject(VERSION.status, 'status');
  return {
    state: r.int32('status.state'), // [UNKNOWN] meaning
    date: r.optDate('status.date'), // [INFERRED] an optDate; could be a plain int32 0
    ints: r.int32s(5, 'status.ints'), // [UNKNOWN]
  };
}

/** init-format.md §3.4: the block most likely to differ between sports and league types. */
export function readSettings(r: InitReader): InitSettings {
  r.beginObject(VERSION.settings, 'settings');
  const timingsMs = r.int32s(3, 'settings.timingsMs'); // [UNKNOWN] ms timings
  const timePerSelectionMs = r.int32('settings.timePerSelectionMs'); // [INFERRED] the pick clock
  const unknownObjA = readPair(r, 'settings.objA'); // [UNKNOWN]
  const unknownObjB = readPair(r, 'settings.objB'); // [UNKNOWN]
  const unknownInts = r.int32s(4, 'settings.ints'); // [UNKNOWN]
  const unknownFloats = [0, 1, 2, 3].map((i) => r.float64(`settings.floats[${i}]`)); // [UNKNOWN]
  const unknownInt5 = r.int32('settings.int5'); // [UNKNOWN]
  const unknownFlag1 = r.bool('settings.flag1'); // [UNKNOWN]
  const slotIds = r.int32s(3, 'settings.slotIds'); // [INFERRED] bench, IR, none
  const unknownFlag2 = r.bool('settings.flag2'); // [UNKNOWN]
  const unknownFlag3 = r.bool('settings.flag3'); // [UNKNOWN]
  r.beginObject(VERSION.scoring, 'scoring');
  const scoringFlag = r.int32('scoring.flag'); // [UNKNOWN]
  const scoringItems = r.list(
    'scoring.items',
    { max: MAX_ITEMS.scoringItems, minItemBytes: MIN_ITEM_BYTES.scoringItem },
    () => readScoringItem(r),
  );
  const unknownFlag4 = r.bool('settings.flag4'); // [UNKNOWN]
  return {
    timingsMs,
    timePerSelectionMs,
    unknownObjA,
    unknownObjB,
    unknownInts,
    unknownFloats,
    unknownInt5,
    unknownFlag1,
    slotIds,
    unknownFlag2,
    unknownFlag3,
    scoringFlag,
    scoringItems,
    unknownFlag4,
  };
}

function readPair(r: InitReader, what: string): [number, number] {
  r.beginObject(VERSION.settingsPair, what);
  return [r.int32(`${what}.a`), r.int32(`${what}.b`)];
}

function readScoringItem(r: InitReader): InitScoringItem {
  r.beginObject(VERSION.scoringItem, 'scoring item');
  return {
    statId: r.int32('scoring item statId'),
    points: r.float64('scoring item points'),
    unknownFlag: r.bool('scoring item flag'), // [UNKNOWN] 0 in every captured item
  };
}
