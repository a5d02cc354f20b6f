import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../../src/draft/invariants';
import type { DraftEvent } from '../../../src/protocol/events';
import { parseFrame } from '../../../src/protocol/parse-frame';
import { makeAuctionSnapshot, soldLots } from './auction-fixture';
import { kinds, liveDraft, run, type Run } from './draft-fixture';

// Auction frames in the grammar of protocol.md §5 ([SOURCE]; no capture exists), parsed by the
// real parser so the reducer sees exactly what the pipeline would give it.
const frame = (text: string): DraftEvent => {
  const event = parseFrame(`${text}\n`, 'in');
  if (event.type === 'malformed' || event.type === 'unknown') throw new Error(`fixture frame did not parse: ${text}`);
  return event;
};
const auctionInit = (options: Parameters<typeof makeAuctionSnapshot>[0] = {}): DraftEvent => ({ type: 'init', snapshot: makeAuctionSnapshot(options) });

/** One whole lot: nomination by `nominator`, opening bid, a raise by `winner`, the clock, the sale. */
function lotFrames(nominator: number, winner: number, playerId: number, price: number): DraftEvent[] {
  return [
    frame(`NOMINATION ${nominator} 30000`),
    frame(`CLOCK 1 30000 ${nominator}`),
    frame(`BID ${nominator} ${playerId} 1 10000 30000`),
    frame(`CLOCK 2 9000 ${nominator} ${playerId} 1`),
    frame(`BID ${winner} ${playerId} ${price} 10000 8000`),
    frame(`CLOCK 2 8000 ${winner} ${playerId} ${price}`),
    frame(`SOLD ${winner} ${playerId} 0 ${price} 0`),
    frame('CLOCK 3 5000'),
  ];
}

const liveAuction = (options: Parameters<typeof makeAuctionSnapshot>[0] = {}): Run => run([auctionInit(options), frame('STATE 1')]);

describe('reduceDraft: auction type', () => {
  it('reads an auction from a table whose team order repeats, whatever the (unknown) type code', () => {
    const { state, log } = liveAuction();
    expect(state.type).toBe('auction');
    expect(state.auction).toBeNull();
    const typeEntry = log.find((entry) => entry.kind === 'draft_type');
    expect(typeEntry?.level).toBe('info');
    expect(typeEntry?.message).toContain('repeats');
  });

  it('becomes an auction on auction frames before any snapshot, and a later snapshot that cannot tell keeps it', () => {
    const early = run([frame('NOMINATION 3 30000')]);
    expect(early.state.type).toBe('auction');
    expect(early.state.auction).toEqual({ nominatorTeamId: 3, lot: null });
    const oneRound = run([auctionInit({ rounds: 1 })], early);
    expect(oneRound.state.type).toBe('auction');
  });
});

describe('reduceDraft: auction lots', () => {
  it('tracks the nomination and the high bid for display, then records the sale as a pick', () => {
    const start = liveAuction();
    const frames = lotFrames(1, 4, 4362628, 57);
    const bidding = run(frames.slice(0, 6), start);
    // The last frame, an unchanged CLOCK 2, leaves the lot as the raising BID (one second earlier) set it.
    expect(bidding.state.auction).toEqual({
      nominatorTeamId: 1,
      lot: { playerId: 4362628, nominatingTeamId: 1, highBid: 57, highBidderTeamId: 4, updatedAt: bidding.now - 1000 },
    });
    const sold = run(frames.slice(6), bidding);
    expect(sold.state.picks).toEqual([
      expect.objectContaining({ overallPick: 1, teamId: 4, playerId: 4362628, price: 57, nominatingTeamId: 1, source: 'socket', keeper: false }),
    ]);
    expect(sold.state.auction).toEqual({ nominatorTeamId: 1, lot: null });
    expect(checkInvariants(sold.state)).toEqual([]);
  });

  it('returns the very same state for a repeated auction clock tick', () => {
    const bidding = run(lotFrames(1, 4, 4362628, 57).slice(0, 6), liveAuction());
    const again = run([frame('CLOCK 2 3000 4 4362628 57')], bidding);
    expect(again.state).toBe(bidding.state);
  });

  it('places lots one after another whoever wins them, with the winner (not the slot team) as the team', () => {
    let state = liveAuction();
    for (const lot of soldLots(12)) state = run(lotFrames(lot.nominator, lot.winner, lot.playerId, lot.price), state);
    expect(state.state.picks.map((pick) => [pick.overallPick, pick.teamId, pick.price, pick.nominatingTeamId])).toEqual(
      soldLots(12).map((lot) => [lot.lot, lot.winner, lot.price, lot.nominator]),
    );
    expect(checkInvariants(state.state)).toEqual([]);
  });

  it('records a repeated SOLD once', () => {
    const once = run(lotFrames(2, 5, 3918298, 40), liveAuction());
    const twice = run([frame('SOLD 5 3918298 0 40 0')], once);
    expect(twice.state).toBe(once.state);
    expect(twice.state.picks).toHaveLength(1);
  });

  it('keeps the first price and warns when a second SOLD for the player disagrees', () => {
    const once = run(lotFrames(2, 5, 3918298, 40), liveAuction());
    const other = run([frame('SOLD 5 3918298 0 41 0')], once);
    expect(other.state.picks).toEqual([expect.objectContaining({ price: 40 })]);
    expect(kinds(other.log.slice(once.log.length))).toEqual(['pick_ignored']);
  });

  it('accepts SOLD without its unknown last field', () => {
    const sold = run([frame('NOMINATION 1 30000'), frame('BID 1 3918298 1'), frame('SOLD 6 3918298 x 33')], liveAuction());
    expect(sold.state.picks).toEqual([expect.objectContaining({ teamId: 6, price: 33, nominatingTeamId: 1 })]);
  });

  it('does not know the nominator of a lot that was already open when we joined', () => {
    const sold = run([frame('CLOCK 2 9000 7 3918298 12'), frame('SOLD 7 3918298 0 12 0')], liveAuction());
    expect(sold.state.picks).toEqual([expect.objectContaining({ teamId: 7, price: 12, nominatingTeamId: null })]);
  });

  it('records one pick when an auction sends SELECTED as well as SOLD, in either order', () => {
    const soldFirst = run([...lotFrames(1, 4, 4362628, 57), frame('SELECTED 4 4362628 4')], liveAuction());
    const selectedFirst = run([...lotFrames(1, 4, 4362628, 57).slice(0, 6), frame('SELECTED 4 4362628 4'), frame('SOLD 4 4362628 0 57 0')], liveAuction());
    for (const { state, log } of [soldFirst, selectedFirst]) {
      expect(state.picks).toEqual([expect.objectContaining({ overallPick: 1, teamId: 4, rosterSpot: 4, lineupSlotId: 4, price: 57, nominatingTeamId: 1 })]);
      expect(kinds(log)).not.toContain('pick_ignored');
      expect(kinds(log)).not.toContain('pick_mismatch');
    }
  });

  it('records a lot seen only as SELECTED (if an auction sends no SOLD), and takes its price from the next INIT', () => {
    const selectedOnly = run([frame('NOMINATION 2 30000'), frame('BID 2 4430807 1'), frame('BID 6 4430807 44'), frame('SELECTED 6 4430807 2')], liveAuction());
    expect(selectedOnly.state.picks).toEqual([expect.objectContaining({ overallPick: 1, teamId: 6, rosterSpot: 2, price: null, nominatingTeamId: 2 })]);
    expect(selectedOnly.state.auction).toEqual({ nominatorTeamId: 2, lot: null });
    const after = run([auctionInit({ lots: [{ lot: 1, playerId: 4430807, winner: 6, price: 44, nominator: 2, spot: 2 }] })], selectedOnly);
    expect(after.state.picks).toEqual([expect.objectContaining({ overallPick: 1, teamId: 6, price: 44, nominatingTeamId: 2, source: 'socket' })]);
    expect(kinds(after.log.slice(selectedOnly.log.length))).toEqual(['snapshot']);
  });

  it('ignores a sale before the first snapshot (there is no table to place it in)', () => {
    const { state, log } = run([frame('SOLD 4 4362628 0 57 0')]);
    expect(state.picks).toEqual([]);
    expect(kinds(log)).toContain('pick_ignored');
  });
});

describe('reduceDraft: auction INIT', () => {
  it('joining at lot 50 gives every lot sold so far, with prices, nominators and winners, then follows the socket', () => {
    const lots = soldLots(49);
    const joined = run([auctionInit({ lots })]);
    expect(joined.state.picks).toHaveLength(49);
    expect(joined.state.picks.map((pick) => [pick.overallPick, pick.teamId, pick.playerId, pick.price, pick.nominatingTeamId, pick.source])).toEqual(
      lots.map((lot) => [lot.lot, lot.winner, lot.playerId, lot.price, lot.nominator, 'init']),
    );
    const next = run(lotFrames(10, 3, 4430807, 21), joined);
    expect(next.state.picks.at(-1)).toMatchObject({ overallPick: 50, teamId: 3, playerId: 4430807, price: 21, nominatingTeamId: 10 });
    expect(checkInvariants(next.state)).toEqual([]);
  });

  it('does not count a lot twice when it arrives by SOLD and again by INIT', () => {
    let live = liveAuction();
    for (const lot of soldLots(3)) live = run(lotFrames(lot.nominator, lot.winner, lot.playerId, lot.price), live);
    const after = run([auctionInit({ lots: soldLots(3) })], live);
    expect(after.state.picks).toHaveLength(3);
    expect(after.state.picks.map((pick) => pick.source)).toEqual(['socket', 'socket', 'socket']);
    // The same picks, now with the roster spot only INIT knew.
    expect(after.state.picks).toEqual(live.state.picks.map((pick) => ({ ...pick, rosterSpot: 10, lineupSlotId: 20 })));
    expect(kinds(after.log.slice(live.log.length))).toEqual(['snapshot']);
  });

  it('moves a socket lot to the slot INIT gives it instead of adding it again', () => {
    const live = run(lotFrames(1, 4, 4362628, 57), liveAuction());
    // INIT puts the same sale in slot 4 (e.g. a table filled per team, [UNKNOWN]).
    const after = run([auctionInit({ lots: [{ lot: 4, playerId: 4362628, winner: 4, price: 57, nominator: 1 }] })], live);
    expect(after.state.picks).toEqual([expect.objectContaining({ overallPick: 4, playerId: 4362628, teamId: 4, price: 57, source: 'socket' })]);
    expect(checkInvariants(after.state)).toEqual([]);
  });

  it("fills in the price and nominator the socket did not see from INIT", () => {
    const live = run([frame('CLOCK 2 9000 7 3918298 12'), frame('SOLD 7 3918298 0 12 0')], liveAuction());
    const after = run([auctionInit({ lots: [{ lot: 1, playerId: 3918298, winner: 7, price: 12, nominator: 6 }] })], live);
    expect(after.state.picks).toEqual([expect.objectContaining({ teamId: 7, price: 12, nominatingTeamId: 6 })]);
  });

  it('without rosters, takes the winner from the slot and keeps the socket winner it already knew', () => {
    const lots = [{ lot: 1, playerId: 3918298, winner: 7, price: 12, nominator: 1 }];
    const fresh = run([auctionInit({ lots, rosters: false })]);
    expect(fresh.state.picks[0]).toMatchObject({ teamId: 1, price: 12 });
    const live = run([frame('SOLD 7 3918298 0 12 0')], liveAuction());
    const after = run([auctionInit({ lots, rosters: false })], live);
    expect(after.state.picks[0]).toMatchObject({ teamId: 7, price: 12, nominatingTeamId: 1 });
  });

  it('removes a sale ESPN does not list (undone) and logs it', () => {
    const live = run([...lotFrames(1, 4, 4362628, 57), ...lotFrames(2, 5, 3918298, 40)], liveAuction());
    const after = run([auctionInit({ lots: [{ lot: 1, playerId: 4362628, winner: 4, price: 57, nominator: 1 }] })], live);
    expect(after.state.picks.map((pick) => pick.playerId)).toEqual([4362628]);
    expect(kinds(after.log.slice(live.log.length))).toContain('pick_removed');
  });

  it('accepts an auction table filled out of lot order', () => {
    const { state, log } = run([auctionInit({ lots: [{ lot: 1, playerId: 1, winner: 2, price: 3, nominator: 1 }, { lot: 5, playerId: 2, winner: 3, price: 4, nominator: 5 }] })]);
    expect(kinds(log)).not.toContain('snapshot_rejected');
    expect(state.picks.map((pick) => pick.overallPick)).toEqual([1, 5]);
    expect(checkInvariants(state)).toEqual([]);
  });

  it('leaves snake picks without auction fields', () => {
    const { state } = run([frame('SELECTING 1 30000'), frame('SELECTED 1 4362628 4')], liveDraft());
    expect(state.type).toBe('snake');
    expect(state.picks).toHaveLength(1);
    expect('price' in state.picks[0]!).toBe(false);
    expect('nominatingTeamId' in state.picks[0]!).toBe(false);
  });
});

describe('reduceDraft: auction status', () => {
  it('starts on an auction clock, resumes after a pause, and is not reopened once complete', () => {
    const pre = run([auctionInit({ state: 0 })]);
    expect(pre.state.status).toBe('pre_draft');
    const started = run([frame('CLOCK 1 30000 1')], pre);
    expect(started.state.status).toBe('live');
    const paused = run([frame('CLOCK')], started);
    expect(paused.state.status).toBe('paused');
    const resumed = run([frame('CLOCK 1 29000 1')], paused);
    expect(resumed.state.status).toBe('live');
    expect(kinds(resumed.log.slice(paused.log.length))).toEqual(['status']);
    const done = run([frame('STATE 2'), frame('CLOCK 3 5000')], resumed);
    expect(done.state.status).toBe('complete');
  });
});

describe('reduceDraft: auction floor across a reconnect', () => {
  it('forgets the nominator it knew when the new snapshot shows lots sold while we were away', () => {
    const before = run([frame('NOMINATION 3 30000'), frame('BID 3 2001 1 10000 30000')], liveAuction({ teams: 4, rounds: 2 }));
    expect(before.state.auction?.lot).toMatchObject({ playerId: 2001, nominatingTeamId: 3 });
    // Dropped: lot 1 (nominated by 3) was sold, lot 2 nominated by team 4, both unseen; we rejoin mid-bid.
    const lots = [{ lot: 1, playerId: 2001, winner: 2, price: 7, nominator: 3 }];
    const after = run([auctionInit({ teams: 4, rounds: 2, lots }), frame('CLOCK 2 8000 1 2002 4'), frame('SOLD 1 2002 0 6 0')], before);
    expect(after.state.picks.map((pick) => [pick.overallPick, pick.teamId, pick.playerId, pick.price, pick.nominatingTeamId])).toEqual([
      [1, 2, 2001, 7, 3],
      [2, 1, 2002, 6, null],
    ]);
  });

  it('keeps the nominator when the snapshot shows the same lot still under the hammer', () => {
    const before = run([frame('NOMINATION 3 30000'), frame('BID 3 2001 1 10000 30000')], liveAuction({ teams: 4, rounds: 2 }));
    const after = run([auctionInit({ teams: 4, rounds: 2 }), frame('CLOCK 2 8000 2 2001 5'), frame('SOLD 2 2001 0 5 0')], before);
    expect(after.state.picks.map((pick) => [pick.overallPick, pick.teamId, pick.price, pick.nominatingTeamId])).toEqual([[1, 2, 5, 3]]);
  });
});
