import type { InitReader } from './init-reader';
import { MAX_ITEMS, MIN_ITEM_BYTES, VERSION } from './init-layout';
import type { InitPickSlot } from './init-types';

/** init-format.md §3.7: one 45-byte record per pick slot, in overall-pick order. */
export function readPickTable(r: InitReader): InitPickSlot[] {
  return r.list('picks', { max: MAX_ITEMS.picks, minItemBytes: MIN_ITEM_BYTES.pick }, () => readPickSlot(r));
}

function readPickSlot(r: InitReader): InitPickSlot {
  r.beginObject(VERSION.pick, 'pick');
  return {
    teamId: r.int32('pick teamId'),
    overallPick: r.int32('pick overallPick'),
    playerId: r.int32('pick playerId'), // filled value [INFERRED]: no mid-draft blob was captured
    spot: r.int32('pick spot'), // [INFERRED] 0 while open
    bidAmount: r.int32('pick bidAmount'), // [SOURCE] auction price
    nominatingTeamId: r.int32('pick nominatingTeamId'), // [SOURCE] auction nominator
    keeper: r.bool('pick keeper'), // [SOURCE]
    unknownU1: r.int32('pick u1'), // [UNKNOWN], even the split into two int32s
    unknownU2: r.int32('pick u2'), // [UNKNOWN]
  };
}
