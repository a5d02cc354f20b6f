import type { InitReader } from './init-reader';
import { MAX_ITEMS, MIN_ITEM_BYTES, VERSION } from './init-layout';
import type { InitPositionLimit, InitRosterSpot } from './init-types';

/** init-format.md §3.5. */
export function readPositionLimits(r: InitReader): InitPositionLimit[] {
  return r.list('positionLimits', { max: MAX_ITEMS.positionLimits, minItemBytes: MIN_ITEM_BYTES.positionLimit }, () => {
    r.beginObject(VERSION.positionLimit, 'position limit');
    return { positionId: r.int32('position limit positionId'), max: r.int32('position limit max') };
  });
}

/** init-format.md §3.6: spot n here is the 4th field of SELECTED. */
export function readRosterTemplate(r: InitReader): InitRosterSpot[] {
  return r.list('rosterTemplate', { max: MAX_ITEMS.rosterSpots, minItemBytes: MIN_ITEM_BYTES.rosterSpot }, () => {
    r.beginObject(VERSION.rosterSpot, 'roster spot');
    const spot = r.int32('roster spot number');
    const lineupSlotId = r.int32('roster spot lineupSlotId');
    const extras = r.list(
      'roster spot extras',
      { max: MAX_ITEMS.rosterSpotExtras, minItemBytes: MIN_ITEM_BYTES.rosterSpotExtra },
      (): [number, number] => {
        // [UNKNOWN] extras were always empty; this element layout (L, int32, int32) is a guess.
        r.beginObject(VERSION.rosterSpotExtra, 'roster spot extra');
        return [r.int32('roster spot extra a'), r.int32('roster spot extra b')];
      },
    );
    return { spot, lineupSlotId, extras };
  });
}
