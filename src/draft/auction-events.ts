import type { ClockEvent, DraftEvent } from '../protocol/events';
import type { DraftState } from './types';

export function isAuctionClock(clock: ClockEvent): boolean {
  return clock.phase === 'nominating' || clock.phase === 'bidding' || clock.phase === 'betweenNominations';
}

/** NOMINATION, BID, BID_ACK, SOLD and the auction CLOCK states (protocol.md §5). PASSED changes nothing. */
export function isAuctionEvent(event: DraftEvent): boolean {
  if (event.type === 'clock') return isAuctionClock(event);
  return event.type === 'nomination' || event.type === 'bid' || event.type === 'bidAck' || event.type === 'sold';
}

/**
 * A snapshot showed a snake table (see draft-type.ts), so auction frames cannot be placed and are
 * left alone; observeDrift counts them, since they mean our reading of the draft type is wrong.
 */
export function isKnownSnake(state: DraftState): boolean {
  return state.type === 'snake' && state.hasSnapshot;
}
