import type { DraftEvent } from '../protocol/events';
import { isAuctionClock, isKnownSnake } from './auction-events';
import { applyAuctionClock, applyBid, applyNomination, applySold } from './apply-auction';
import { applyClock, applySelecting, applyStateCode } from './apply-clock';
import { applyInit } from './apply-init';
import { applyReset, applySelected, applyUndone } from './apply-pick';
import { applyAutodraft, applyJoined, applyLeft } from './apply-presence';
import { logEntry } from './log';
import { quoteFrameText } from './redact';
import { result, type Reduction } from './reduction';
import { refuseOnSealedBoard } from './sealed-board';
import type { DraftState } from './types';

/**
 * Folds one parsed draft-socket event into the draft state. Pure: the input is
 * never mutated, time comes only from `now`, and an event that changes nothing
 * returns the very same state object (CLOCK and PONG arrive every few seconds).
 */
export function reduceDraft(state: DraftState, event: DraftEvent, now: number): Reduction {
  try {
    // A board confirmed against ESPN's final board is ESPN's last word (sealed-board.ts).
    return refuseOnSealedBoard(state, event, now) ?? dispatch(state, event, now);
  } catch (error) {
    // A bug here must not stop the pick log: keep the last good state and say so.
    const detail = error instanceof Error ? error.message : String(error);
    return result(state, [
      logEntry(now, 'error', 'internal', `Internal error while applying a ${event.type} event: ${quoteFrameText(detail)}`),
    ]);
  }
}

function dispatch(state: DraftState, event: DraftEvent, now: number): Reduction {
  switch (event.type) {
    case 'init':
      return applyInit(state, event.snapshot, now);
    case 'selected':
      return applySelected(state, event, now);
    case 'selecting':
      return applySelecting(state, event.teamId, event.msAllowed, now);
    case 'clock':
      if (isAuctionClock(event)) return isKnownSnake(state) ? result(state) : applyAuctionClock(state, event, now);
      return applyClock(state, event, now);
    case 'nomination':
      return isKnownSnake(state) ? result(state) : applyNomination(state, event.teamId, now);
    case 'bid':
    case 'bidAck':
      return isKnownSnake(state) ? result(state) : applyBid(state, event.teamId, event.playerId, event.amount, now);
    case 'sold':
      return isKnownSnake(state) ? result(state) : applySold(state, event, now);
    case 'state':
      return applyStateCode(state, event.state, now);
    case 'undone':
      return applyUndone(state, event.index, now);
    case 'reset':
      return applyReset(state, now);
    case 'autodraft':
      return applyAutodraft(state, event.teamId, event.enabled, now);
    case 'joined':
      return applyJoined(state, event.teamId, now);
    case 'left':
      return applyLeft(state, event.teamId, event.reason, now);
    case 'error':
      return result(state, [logEntry(now, 'warn', 'espn_error', `ESPN refused: ${quoteFrameText(event.message)} (code ${event.code}).`)]);
    case 'malformed':
      // `raw` is deliberately left out: it can hold member ids.
      return result(state, [
        logEntry(now, 'error', 'malformed_frame', `Could not read a ${quoteFrameText(event.command)} frame: ${quoteFrameText(event.error)}`),
      ]);
    case 'unknown':
      return result(state, [logEntry(now, 'info', 'unknown_frame', `Ignored a frame of unknown type ${commandName(event.command)}.`)]);
    default:
      return result(state);
  }
}

/** ESPN commands are short upper-case words; anything else may be a garbled secret, so it is not quoted. */
function commandName(command: string): string {
  return /^[A-Z_]{1,24}$/.test(command) ? command : '(unreadable command)';
}
