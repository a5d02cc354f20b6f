import { AUCTION_FRAME } from './auction-frames';

/** Where an auction lot stands; each state ends at `endsAt` (scheduler time) unless a bid resets it. */
export type AuctionFloor =
  | { phase: 'nominating'; nominatorTeamId: number; endsAt: number }
  | { phase: 'bidding'; nominatorTeamId: number; playerId: number; highBidTeamId: number; highBid: number; endsAt: number }
  | { phase: 'between'; endsAt: number };

/** The auction CLOCK frame (1, 2 or 3) describing the floor at `now`; time left never negative. */
export function auctionClockFrame(floor: AuctionFloor, now: number): string {
  const ms = Math.max(0, floor.endsAt - now);
  switch (floor.phase) {
    case 'nominating':
      return AUCTION_FRAME.clockNominating(ms, floor.nominatorTeamId);
    case 'bidding':
      return AUCTION_FRAME.clockBidding(ms, floor.highBidTeamId, floor.playerId, floor.highBid);
    case 'between':
      return AUCTION_FRAME.clockBetweenLots(ms);
  }
}
