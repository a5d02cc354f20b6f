import type { ClockEvent } from '../protocol/events';
import { logEntry } from './log';
import { firstOpenSlot, inferOnTheClock, pickPosition } from './pick-table';
import { result, type Reduction } from './reduction';
import type { AuctionFloor, AuctionLot, DraftState, LogEntry, Pick } from './types';
import { OPEN_PLAYER_ID } from './validate-init';

// Auction frames are [SOURCE], not captured (protocol.md §5). What is assumed here:
// - SOLD <team> <player> <?> <price> <?>: the winner, the player and the price; the two other
//   fields are [UNKNOWN] and not used.
// - A sold lot fills the first open slot of INIT's table, as a snake pick does (init-format.md §5),
//   whatever team that slot names: in an auction the slot's team is the nomination order, not the
//   winner ([SOURCE]: the order repeats). The lot number is therefore the overall pick number.
// - The nominator of a lot is the team the last NOMINATION (or CLOCK 1) named before its first
//   bid. When we joined during the lot, it is unknown (null) until an INIT gives it.
// - Whether an auction also sends SELECTED is [UNKNOWN]: if both arrive for one lot, the player is
//   recorded once (see applySelected and applySold).

export interface SoldFrame {
  teamId: number;
  playerId: number;
  price: number;
}

const EMPTY_FLOOR: AuctionFloor = { nominatorTeamId: null, lot: null };

/** `NOMINATION <team> <ms>`: that team must put a player up next. */
export function applyNomination(state: DraftState, teamId: number, now: number): Reduction {
  const marked = asAuction(state, now);
  return withFloor(marked.state, { nominatorTeamId: teamId, lot: null }, now, marked.log);
}

/** `BID` (broadcast) and `BID_ACK` (our own bid accepted): the lot's high bid, for display. */
export function applyBid(state: DraftState, teamId: number, playerId: number, amount: number, now: number): Reduction {
  const marked = asAuction(state, now);
  return applyBidOnFloor(marked.state, marked.state.auction ?? EMPTY_FLOOR, teamId, playerId, amount, now, marked.log);
}

/**
 * Auction CLOCK states (protocol.md §5): 1 = waiting for a nomination, 2 = live bidding,
 * 3 = the gap between lots. They arrive every few seconds, so an unchanged floor returns the
 * same state object.
 */
export function applyAuctionClock(state: DraftState, clock: ClockEvent, now: number): Reduction {
  const marked = asAuction(state, now);
  let next = marked.state;
  const log = [...marked.log];
  // A running auction clock means the draft runs; a late tick does not reopen a completed draft.
  if (next.status === 'pre_draft' || next.status === 'paused') {
    if (next.status === 'paused') log.push(logEntry(now, 'info', 'status', 'Draft resumed.'));
    next = { ...next, status: 'live', updatedAt: now };
  }
  const floor = next.auction ?? EMPTY_FLOOR;
  switch (clock.phase) {
    case 'nominating':
      return withFloor(next, { nominatorTeamId: clock.teamId, lot: null }, now, log);
    case 'bidding': {
      const lot = floor.lot;
      if (lot !== null && lot.playerId === clock.playerId && lot.highBid === clock.highBid && lot.highBidderTeamId === clock.teamId) {
        return result(next, log);
      }
      // Joined mid-lot, or missed a BID: the clock tells us the standing bid.
      return applyBidOnFloor(next, floor, clock.teamId, clock.playerId, clock.highBid, now, log);
    }
    case 'betweenNominations':
      return withFloor(next, { ...floor, lot: null }, now, log);
    default:
      return result(next, log);
  }
}

function applyBidOnFloor(
  state: DraftState,
  floor: AuctionFloor,
  teamId: number,
  playerId: number,
  amount: number,
  now: number,
  log: LogEntry[],
): Reduction {
  // A late bid on a player already sold (frames can cross): nothing to show.
  if (state.picks.some((pick) => pick.playerId === playerId)) return result(state, log);
  const lot: AuctionLot =
    floor.lot !== null && floor.lot.playerId === playerId
      ? { ...floor.lot, highBid: amount, highBidderTeamId: teamId, updatedAt: now }
      : { playerId, nominatingTeamId: floor.nominatorTeamId, highBid: amount, highBidderTeamId: teamId, updatedAt: now };
  return withFloor(state, { ...floor, lot }, now, log);
}

/**
 * `SOLD`: the lot becomes a pick. Idempotent: a player already recorded (by INIT, an earlier SOLD
 * or a SELECTED) is not recorded again; a missing price or nominator is filled in instead.
 */
export function applySold(state: DraftState, frame: SoldFrame, now: number): Reduction {
  const marked = asAuction(state, now);
  const current = marked.state;
  const log = [...marked.log];
  if (!current.hasSnapshot) {
    log.push(logEntry(now, 'warn', 'pick_ignored', `Sale of player ${frame.playerId} to team ${frame.teamId} ignored: no snapshot yet to place it.`));
    return result(current, log);
  }
  if (current.awaitingSnapshot) {
    log.push(logEntry(now, 'warn', 'pick_ignored', `Sale of player ${frame.playerId} to team ${frame.teamId} held back: waiting for a fresh snapshot from ESPN.`));
    return result(current, log);
  }
  if (!Number.isInteger(frame.playerId) || frame.playerId === OPEN_PLAYER_ID) {
    log.push(logEntry(now, 'error', 'pick_ignored', `Sale to team ${frame.teamId} ignored: ${frame.playerId} is not a player id.`));
    return result(current, log);
  }
  const floor = current.auction ?? EMPTY_FLOOR;
  const nominator = floor.lot !== null && floor.lot.playerId === frame.playerId ? floor.lot.nominatingTeamId : null;
  const soldFloor: AuctionFloor = { ...floor, lot: null };

  const earlier = current.picks.find((pick) => pick.playerId === frame.playerId);
  if (earlier !== undefined) return completeEarlierPick(current, earlier, frame, nominator, soldFloor, now, log);

  const slot = firstOpenSlot(current);
  if (slot === null) {
    log.push(logEntry(now, 'error', 'pick_ignored', `Sale of player ${frame.playerId} to team ${frame.teamId} ignored: every pick is already filled.`));
    return result(current, log);
  }
  const pick: Pick = {
    overallPick: slot.overallPick,
    ...pickPosition(slot.overallPick, current.teams.length),
    teamId: frame.teamId,
    playerId: frame.playerId,
    // [UNKNOWN] SOLD may carry the roster spot in one of its unread fields; INIT or SELECTED fills it.
    rosterSpot: null,
    lineupSlotId: null,
    keeper: false,
    // [UNKNOWN] whether the lot was won by an autobid; the frame does not say.
    autopick: false,
    source: 'socket',
    recordedAt: now,
    price: frame.price,
    nominatingTeamId: nominator,
  };
  const picks = [...current.picks, pick].sort((a, b) => a.overallPick - b.overallPick);
  const next: DraftState = { ...current, picks, status: 'live', auction: soldFloor, updatedAt: now };
  next.onTheClock = inferOnTheClock(next, now);
  return { state: next, log };
}

function completeEarlierPick(
  state: DraftState,
  earlier: Pick,
  frame: SoldFrame,
  nominator: number | null,
  floor: AuctionFloor,
  now: number,
  log: LogEntry[],
): Reduction {
  const sameFloor = sameAuctionFloor(state.auction, floor);
  if (earlier.teamId !== frame.teamId) {
    log.push(
      logEntry(now, 'warn', 'pick_ignored', `Player ${frame.playerId} was already recorded for team ${earlier.teamId} at pick ${earlier.overallPick}; sale to team ${frame.teamId} ignored until the next snapshot.`),
    );
    return result(sameFloor ? state : { ...state, auction: floor, updatedAt: now }, log);
  }
  const price = earlier.price ?? frame.price;
  if (earlier.price != null && earlier.price !== frame.price) {
    log.push(
      logEntry(now, 'warn', 'pick_ignored', `Player ${frame.playerId} was already recorded at $${earlier.price}; a second sale at $${frame.price} ignored.`),
    );
  }
  const nominatingTeamId = earlier.nominatingTeamId ?? nominator;
  if (price === earlier.price && nominatingTeamId === earlier.nominatingTeamId) {
    return result(sameFloor ? state : { ...state, auction: floor, updatedAt: now }, log);
  }
  const picks = state.picks.map((pick) => (pick === earlier ? { ...pick, price, nominatingTeamId } : pick));
  return { state: { ...state, picks, auction: floor, updatedAt: now }, log };
}

/** Auction frames are unambiguous: the draft is an auction whatever the snapshot's code said. */
function asAuction(state: DraftState, now: number): { state: DraftState; log: LogEntry[] } {
  if (state.type === 'auction') return { state, log: [] };
  return {
    state: { ...state, type: 'auction', auction: state.auction ?? null, updatedAt: now },
    log: [logEntry(now, 'info', 'draft_type', 'Auction frames seen: treating this draft as an auction.')],
  };
}

function withFloor(state: DraftState, floor: AuctionFloor, now: number, log: LogEntry[]): Reduction {
  if (sameAuctionFloor(state.auction, floor)) return result(state, log);
  return result({ ...state, auction: floor, updatedAt: now }, log);
}

function sameAuctionFloor(a: AuctionFloor | null | undefined, b: AuctionFloor): boolean {
  if (a == null) return b.nominatorTeamId === null && b.lot === null && a === null;
  if (a.nominatorTeamId !== b.nominatorTeamId) return false;
  if (a.lot === b.lot) return true;
  if (a.lot === null || b.lot === null) return false;
  return (
    a.lot.playerId === b.lot.playerId &&
    a.lot.nominatingTeamId === b.lot.nominatingTeamId &&
    a.lot.highBid === b.lot.highBid &&
    a.lot.highBidderTeamId === b.lot.highBidderTeamId
  );
}
