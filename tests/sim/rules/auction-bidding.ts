import type { Rng } from '../rng';
import { MIN_BID, maxBid, type Purse } from './auction-budget';

/** One team that may bid on the lot: its purse and what the player is worth to it. */
export interface Bidder {
  teamId: number;
  purse: Purse;
  /** Dollars the team would pay at most, before its purse limits it. */
  value: number;
}

export interface LotBid {
  teamId: number;
  amount: number;
}

/** A lot from the nominator's opening bid to the hammer. */
export interface LotPlan {
  /** In order; the first is the nominator's opening bid, the last the winning one. */
  bids: LotBid[];
  winnerTeamId: number;
  price: number;
}

/** A safety stop for the bidding war; real lots end long before. */
const MAX_BIDS_PER_LOT = 60;

/**
 * What a player is worth to a bot with this budget: steeply falling with the player's rank, times
 * the team's own taste (`taste` around 1). Keeps a real auction's shape (stars go for a quarter
 * of a budget, late players for a dollar) without modelling positions.
 */
export function playerValue(rank: number, budget: number, taste: number): number {
  const base = (budget * 0.3) / (1 + Math.max(0, rank - 1) / 6);
  return Math.max(MIN_BID, Math.round(base * taste));
}

/**
 * An English auction among bots, drawn from `rng`: the nominator opens at a fraction of its value
 * (at least the minimum bid); then, while a team other than the high bidder would pay more, one of
 * them (chosen at random) raises by a random step within what it would pay and may pay. The last
 * high bidder wins at its bid. The nominator must be able to buy; the others are optional.
 */
export function planLot(nominator: Bidder, others: readonly Bidder[], rng: Rng): LotPlan {
  const limitOf = (b: Bidder): number => Math.min(b.value, maxBid(b.purse));
  const nominatorLimit = maxBid(nominator.purse);
  if (nominatorLimit < MIN_BID) throw new RangeError(`team ${nominator.teamId} cannot afford to nominate`);
  const opening = Math.min(nominatorLimit, Math.max(MIN_BID, Math.round(Math.min(nominator.value, nominatorLimit) * rng.range(0.1, 0.5))));
  const bidders = [nominator, ...others.filter((b) => b.teamId !== nominator.teamId)];
  const bids: LotBid[] = [{ teamId: nominator.teamId, amount: opening }];
  let high = bids[0]!;
  while (bids.length < MAX_BIDS_PER_LOT) {
    const willing = bidders.filter((b) => b.teamId !== high.teamId && limitOf(b) > high.amount);
    if (willing.length === 0) break;
    const raiser = rng.pick(willing);
    const room = limitOf(raiser) - high.amount;
    const step = Math.min(room, rng.int(1, Math.max(1, Math.ceil(high.amount * 0.2))));
    high = { teamId: raiser.teamId, amount: high.amount + step };
    bids.push(high);
  }
  return { bids, winnerTeamId: high.teamId, price: high.amount };
}
