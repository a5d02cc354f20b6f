import { describe, expect, it } from 'vitest';
import { createDraftState } from '../../../src/draft/create-draft';
import { checkInvariants } from '../../../src/draft/invariants';
import { reduceDraft } from '../../../src/draft/reducer';
import type { DraftState } from '../../../src/draft/types';
import { parseFrame } from '../../../src/protocol/parse-frame';
import { mulberry32 } from '../../support/prng';
import { makeAuctionSnapshot, nominationTeam, type SoldLot } from './auction-fixture';
import { KEY, T0 } from './draft-fixture';

const TEAMS = 6;
const ROUNDS = 4;

/** A whole auction as ESPN would run it: who nominated, who won, for how much. */
function truthAuction(next: () => number): SoldLot[] {
  const players = Array.from({ length: TEAMS * ROUNDS }, (_, i) => 3000 + i).sort(() => next() - 0.5);
  return players.map((playerId, i) => ({
    lot: i + 1,
    playerId,
    nominator: nominationTeam(i + 1, TEAMS),
    winner: 1 + Math.floor(next() * TEAMS),
    price: 1 + Math.floor(next() * 60),
  }));
}

function lotTexts(lot: SoldLot, next: () => number): string[] {
  const texts = [
    `NOMINATION ${lot.nominator} 30000`,
    `BID ${lot.nominator} ${lot.playerId} 1 10000 30000`,
    `CLOCK 2 9000 ${lot.nominator} ${lot.playerId} 1`,
    `BID ${lot.winner} ${lot.playerId} ${lot.price} 10000 7000`,
    `SOLD ${lot.winner} ${lot.playerId} 0 ${lot.price} 0`,
  ];
  // Whether an auction also sends SELECTED is unknown; some runs do.
  if (next() < 0.3) texts.push(`SELECTED ${lot.winner} ${lot.playerId} 10`);
  if (next() < 0.1) texts.push(texts[4]!); // a repeated SOLD
  texts.push('CLOCK 3 5000');
  return texts;
}

describe('auction fuzz: drops, repeats and reconnects end with the exact board', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %d', (seed) => {
    const next = mulberry32(seed);
    const truth = truthAuction(next);
    let state: DraftState = createDraftState(KEY, T0);
    let now = T0;
    const apply = (event: Parameters<typeof reduceDraft>[1]): void => {
      now += 100;
      state = reduceDraft(state, event, now).state;
      expect(checkInvariants(state), `seed ${seed} at ${now}`).toEqual([]);
      expect(new Set(state.picks.map((pick) => pick.playerId)).size).toBe(state.picks.length);
    };
    const reconnect = (sold: number): void => apply({ type: 'init', snapshot: makeAuctionSnapshot({ teams: TEAMS, rounds: ROUNDS, lots: truth.slice(0, sold) }) });

    reconnect(0);
    apply(parseFrame('STATE 1\n', 'in'));
    for (const lot of truth) {
      for (const text of lotTexts(lot, next)) {
        if (next() < 0.12) continue; // a frame lost in a drop
        apply(parseFrame(`${text}\n`, 'in'));
      }
      if (next() < 0.15) reconnect(lot.lot);
    }
    reconnect(truth.length);

    expect(state.picks.map((pick) => [pick.overallPick, pick.teamId, pick.playerId, pick.price, pick.nominatingTeamId])).toEqual(
      truth.map((lot) => [lot.lot, lot.winner, lot.playerId, lot.price, lot.nominator]),
    );
  });
});
