/**
 * Auction money rules. A team must be able to fill every open roster spot, so it keeps the
 * minimum bid for each spot it still has to fill after this one ([INFERRED]: ESPN's "max bid").
 */
export const MIN_BID = 1;

export interface Purse {
  /** Dollars left. */
  budget: number;
  /** Players the team still has to buy, this lot's included. */
  spotsLeft: number;
}

/** The most this team may bid now; 0 when it cannot buy at all. */
export function maxBid(purse: Purse): number {
  if (purse.spotsLeft <= 0) return 0;
  return Math.max(0, purse.budget - (purse.spotsLeft - 1) * MIN_BID);
}

/** Whether a bid of `amount` is allowed over the standing `highBid` (null: the opening bid). */
export function isLegalBid(purse: Purse, amount: number, highBid: number | null): boolean {
  if (!Number.isInteger(amount) || amount < MIN_BID) return false;
  if (highBid !== null && amount <= highBid) return false;
  return amount <= maxBid(purse);
}
