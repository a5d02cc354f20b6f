import { describe, expect, it } from 'vitest';
import { encodeInit } from '../../sim/init/encode-init';
import { formatInitFrame } from '../../sim/init/format-init-frame';
import { PICK_RECORD_BYTES } from '../../../src/protocol/init/init-layout';
import { parseFrame } from '../../../src/protocol/parse-frame';
import { makeAuctionSnapshot, soldLots } from '../draft/auction-fixture';
import { int32At } from './init-blob';

describe('INIT pick table: auction price and nominator', () => {
  it('reads bidAmount and nominatingTeamId from the record offsets the auction parser uses (+28, +32)', () => {
    const snapshot = makeAuctionSnapshot({ lots: soldLots(3) });
    const bytes = encodeInit(snapshot);
    const event = parseFrame(formatInitFrame(bytes), 'in');
    if (event.type !== 'init') throw new Error(`expected an init event, got ${event.type}`);
    expect(event.snapshot.draft.picks.slice(0, 4).map((slot) => [slot.overallPick, slot.playerId, slot.bidAmount, slot.nominatingTeamId])).toEqual([
      [1, 2001, 1, 1],
      [2, 2002, 2, 2],
      [3, 2003, 3, 3],
      [4, -1, 0, 0],
    ]);

    // Locate record 2 by its signature and check the raw words, so the offsets are not just the encoder agreeing with the decoder.
    const record = findPickRecord(bytes, snapshot.leagueId, 2);
    expect(int32At(bytes, record + 20)).toBe(2002); // playerId
    expect(int32At(bytes, record + 28)).toBe(2); // bidAmount [SOURCE]
    expect(int32At(bytes, record + 32)).toBe(2); // nominatingTeamId [SOURCE]
  });
});

/** Offset of the pick record with this overallPick: present 1, version 3, league id, team, pick. */
function findPickRecord(bytes: Uint8Array, leagueId: number, overallPick: number): number {
  for (let at = 0; at + PICK_RECORD_BYTES <= bytes.length; at++) {
    if (int32At(bytes, at) === 1 && int32At(bytes, at + 4) === 3 && int32At(bytes, at + 8) === leagueId && int32At(bytes, at + 16) === overallPick) {
      return at;
    }
  }
  throw new Error(`no pick record ${overallPick}`);
}
