import { describe, expect, it } from 'vitest';
import { MIN_BID, isLegalBid, maxBid } from '../../sim/rules/auction-budget';
import { planLot, playerValue, type Bidder } from '../../sim/rules/auction-bidding';
import { auctionClockFrame } from '../../sim/rules/auction-clock';
import { auctionSlots, nominatorFor } from '../../sim/rules/auction-order';
import { AUCTION_FRAME } from '../../sim/rules/auction-frames';
import { Rng } from '../../sim/rng';

describe('auction nomination order', () => {
  it('repeats the order every round instead of snaking back', () => {
    const slots = auctionSlots([3, 1, 2], 3);
    expect(slots.map((s) => s.teamId)).toEqual([3, 1, 2, 3, 1, 2, 3, 1, 2]);
    expect(slots.map((s) => s.overallPick)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(slots[4]).toEqual({ overallPick: 5, round: 2, roundPick: 2, teamId: 1 });
  });

  it('skips a team whose roster is full, wrapping round the order', () => {
    const [slot] = auctionSlots([3, 1, 2], 1);
    expect(nominatorFor(slot!, [3, 1, 2], () => true)).toBe(3);
    expect(nominatorFor(slot!, [3, 1, 2], (t) => t !== 3)).toBe(1);
    expect(nominatorFor({ ...slot!, teamId: 2 }, [3, 1, 2], (t) => t === 3)).toBe(3);
    expect(nominatorFor(slot!, [3, 1, 2], () => false)).toBeNull();
    expect(() => nominatorFor({ ...slot!, teamId: 9 }, [3, 1, 2], () => true)).toThrow(RangeError);
  });
});

describe('auction budgets', () => {
  it('keeps the minimum bid for every other spot still to fill', () => {
    expect(maxBid({ budget: 200, spotsLeft: 16 })).toBe(185);
    expect(maxBid({ budget: 5, spotsLeft: 5 })).toBe(1);
    expect(maxBid({ budget: 10, spotsLeft: 1 })).toBe(10);
    expect(maxBid({ budget: 10, spotsLeft: 0 })).toBe(0);
  });

  it('allows only whole raises over the high bid within the max bid', () => {
    const purse = { budget: 20, spotsLeft: 3 };
    expect(isLegalBid(purse, 1, null)).toBe(true);
    expect(isLegalBid(purse, 0, null)).toBe(false);
    expect(isLegalBid(purse, 5, 5)).toBe(false);
    expect(isLegalBid(purse, 6, 5)).toBe(true);
    expect(isLegalBid(purse, 18, 5)).toBe(true);
    expect(isLegalBid(purse, 19, 5)).toBe(false);
    expect(isLegalBid(purse, 6.5, 5)).toBe(false);
  });
});

describe('auction bidding', () => {
  const bidder = (teamId: number, value: number, budget = 200, spotsLeft = 10): Bidder => ({ teamId, value, purse: { budget, spotsLeft } });

  it('values stars at a large share of the budget and late players at a dollar', () => {
    expect(playerValue(1, 200, 1)).toBe(60);
    expect(playerValue(300, 200, 1)).toBe(MIN_BID);
    expect(playerValue(10, 200, 1.2)).toBeGreaterThan(playerValue(10, 200, 0.8));
  });

  it('sells to the team that values the player most, at no more than it would pay', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const plan = planLot(bidder(1, 10), [bidder(2, 40), bidder(3, 25)], new Rng(seed));
      expect(plan.bids[0]!.teamId).toBe(1);
      expect(plan.winnerTeamId).toBe(2);
      // Team 3 goes no higher than 25, so the price reaches it and stays within team 2's 40.
      expect(plan.price).toBeGreaterThanOrEqual(25);
      expect(plan.price).toBeLessThanOrEqual(40);
      expect(plan.bids.at(-1)).toEqual({ teamId: 2, amount: plan.price });
      const amounts = plan.bids.map((b) => b.amount);
      for (let i = 1; i < amounts.length; i++) expect(amounts[i]).toBeGreaterThan(amounts[i - 1]!);
      for (let i = 1; i < plan.bids.length; i++) expect(plan.bids[i]!.teamId).not.toBe(plan.bids[i - 1]!.teamId);
    }
  });

  it('never lets a team bid past its max bid', () => {
    const plan = planLot(bidder(1, 1), [bidder(2, 100, 12, 4)], new Rng(3));
    expect(plan.winnerTeamId).toBe(2);
    expect(plan.price).toBeLessThanOrEqual(maxBid({ budget: 12, spotsLeft: 4 }));
  });

  it('gives the nominator the player at its opening bid when nobody raises', () => {
    const plan = planLot(bidder(4, 3), [bidder(5, 1)], new Rng(9));
    expect(plan.winnerTeamId).toBe(4);
    expect(plan.bids).toHaveLength(1);
    expect(plan.price).toBe(plan.bids[0]!.amount);
  });

  it('refuses a nominator who cannot buy', () => {
    expect(() => planLot(bidder(1, 5, 0, 0), [], new Rng(1))).toThrow(RangeError);
  });

  it('is deterministic for a seed', () => {
    const lot = (): unknown => planLot(bidder(1, 30), [bidder(2, 35), bidder(3, 33), bidder(4, 20)], new Rng('same'));
    expect(lot()).toEqual(lot());
  });
});

describe('auction frames and clock', () => {
  it('writes the frames of protocol.md §5', () => {
    expect(AUCTION_FRAME.nomination(3, 25000)).toBe('NOMINATION 3 25000\n');
    expect(AUCTION_FRAME.bid(3, 4362628, 12, 10000, 6400)).toBe('BID 3 4362628 12 10000 6400\n');
    expect(AUCTION_FRAME.bidAck(3, 4362628, 12)).toBe('BID_ACK 3 4362628 12\n');
    expect(AUCTION_FRAME.sold(3, -16014, 2)).toBe('SOLD 3 -16014 0 2 0\n');
  });

  it('describes the floor with CLOCK 1, 2 and 3, never below zero', () => {
    expect(auctionClockFrame({ phase: 'nominating', nominatorTeamId: 4, endsAt: 1000 }, 400)).toBe('CLOCK 1 600 4\n');
    expect(auctionClockFrame({ phase: 'bidding', nominatorTeamId: 4, playerId: 77, highBidTeamId: 2, highBid: 9, endsAt: 1000 }, 250)).toBe(
      'CLOCK 2 750 2 77 9\n',
    );
    expect(auctionClockFrame({ phase: 'between', endsAt: 1000 }, 1500)).toBe('CLOCK 3 0\n');
  });
});
