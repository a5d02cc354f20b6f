import { describe, expect, it } from 'vitest';
import { applyApiPicks, type ApiPick } from '../../../src/draft/apply-api-picks';
import { checkInvariants } from '../../../src/draft/invariants';
import type { DraftEvent } from '../../../src/protocol/events';
import { parseFrame } from '../../../src/protocol/parse-frame';
import { makeAuctionSnapshot, soldLots, type SoldLot } from './auction-fixture';
import { run, type Run } from './draft-fixture';

const TEAMS = 4;
const NOW = 1_800_000_000_000;

const frame = (text: string): DraftEvent => {
  const event = parseFrame(`${text}\n`, 'in');
  if (event.type === 'malformed' || event.type === 'unknown') throw new Error(`fixture frame did not parse: ${text}`);
  return event;
};

/** Lots 1–6 come from INIT; lot 7 we joined under the hammer (no NOMINATION seen); lot 8 we saw whole. */
const LOTS: SoldLot[] = [
  ...soldLots(6, TEAMS),
  { lot: 7, playerId: 3007, winner: 2, price: 5, nominator: 3 },
  { lot: 8, playerId: 3008, winner: 1, price: 11, nominator: 4 },
];

function auctionJoinedMidLot(): Run {
  return run([
    { type: 'init', snapshot: makeAuctionSnapshot({ teams: TEAMS, rounds: 2, lots: LOTS.slice(0, 6) }) },
    frame('STATE 1'),
    frame('CLOCK 2 9000 2 3007 5'),
    frame('SOLD 2 3007 0 5 0'),
    frame('CLOCK 3 5000'),
    frame('NOMINATION 4 30000'),
    frame('BID 4 3008 1 10000 30000'),
    frame('BID 1 3008 11 10000 8000'),
    frame('SOLD 1 3008 0 11 0'),
    frame('STATE 2'),
  ]);
}

/** ESPN's final board: the buyer as the pick's team, with price and nominator. */
function board(lots: readonly SoldLot[]): ApiPick[] {
  return lots.map((lot) => ({
    overallPick: lot.lot,
    teamId: lot.winner,
    playerId: lot.playerId,
    lineupSlotId: 20,
    keeper: false,
    price: lot.price,
    nominatingTeamId: lot.nominator,
  }));
}

describe('applyApiPicks in an auction', () => {
  it('accepts buyers that differ from the nomination order and fills a nominator the socket never named', () => {
    const { state } = auctionJoinedMidLot();
    expect(state.type).toBe('auction');
    expect(state.picks.find((pick) => pick.overallPick === 7)).toMatchObject({ teamId: 2, price: 5, nominatingTeamId: null });

    const step = applyApiPicks(state, { drafted: true, picks: board(LOTS) }, NOW);
    expect(step.log.filter((entry) => entry.level !== 'info')).toEqual([]);
    expect(step.log.map((entry) => entry.message)).toEqual([
      "Confirmed 8 picks against ESPN's API (filled 0 gaps, corrected 0); took the price or nominator of 1 lot from ESPN's API",
    ]);
    expect(step.state.picks.map((pick) => [pick.overallPick, pick.teamId, pick.playerId, pick.price, pick.nominatingTeamId, pick.source])).toEqual(
      LOTS.map((lot) => [lot.lot, lot.winner, lot.playerId, lot.price, lot.nominator, lot.lot <= 6 ? 'init' : 'socket']),
    );
    expect(checkInvariants(step.state)).toEqual([]);
  });

  it('changes nothing when every lot already has its price and nominator', () => {
    const { state } = auctionJoinedMidLot();
    const complete = applyApiPicks(state, { drafted: true, picks: board(LOTS) }, NOW).state;
    const again = applyApiPicks(complete, { drafted: true, picks: board(LOTS) }, NOW + 1);
    expect(again.state).toBe(complete);
  });

  it('fills a lot the socket missed with its buyer, price and nominator', () => {
    const { state } = run([
      { type: 'init', snapshot: makeAuctionSnapshot({ teams: TEAMS, rounds: 2, lots: LOTS.slice(0, 6) }) },
      frame('STATE 1'),
      frame('NOMINATION 4 30000'),
      frame('BID 4 3008 1 10000 30000'),
      frame('STATE 2'),
    ]);
    const step = applyApiPicks(state, { drafted: true, picks: board(LOTS.slice(0, 7)) }, NOW);
    expect(step.state.picks.find((pick) => pick.overallPick === 7)).toMatchObject({ teamId: 2, playerId: 3007, price: 5, nominatingTeamId: 3, source: 'api' });
    expect(step.log.filter((entry) => entry.level === 'error')).toEqual([]);
    expect(checkInvariants(step.state)).toEqual([]);
  });
});
