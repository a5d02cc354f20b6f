import type { DraftEvent } from '../protocol/events';
import { logEntry } from './log';
import { result, type Reduction } from './reduction';
import type { DraftState } from './types';

/**
 * When a draft is over, and when its log may no longer change.
 *
 * - A lone `STATE 2` on the live socket says the draft is over but confirms nothing: the tab is
 *   still watched and a drop still recovered, so a forged or mistaken `STATE 2` cannot end the watch.
 * - ESPN confirms it with a snapshot in state 2 (the INIT of a new socket) or its final REST board.
 * - Once the log was checked against ESPN's final REST board it is sealed: a later frame (a forged
 *   `UNDONE 0`, a replayed INIT, a `RESET`) is logged and ignored. The final board is ESPN's last word.
 */

export function isSealed(state: Pick<DraftState, 'completion'>): boolean {
  return state.completion?.confirmedBy === 'final_board';
}

/** The draft is over by ESPN's confirmation, not by one frame of the live socket. */
export function isConfirmedComplete(state: Pick<DraftState, 'status' | 'completion'>): boolean {
  return state.status === 'complete' && state.completion !== undefined;
}

/**
 * Seals the board once ESPN's final REST board was applied to it. Nothing is on the clock any more.
 * No log line of its own: the check's "Confirmed N picks against ESPN's API" already says it.
 */
export function sealBoard(state: DraftState, now: number): DraftState {
  if (isSealed(state)) return state;
  return { ...state, status: 'complete', onTheClock: null, completion: { confirmedBy: 'final_board', at: now }, updatedAt: now };
}

/** Frames that would change a sealed board; these are logged when they are ignored. */
const BOARD_CHANGES: ReadonlySet<DraftEvent['type']> = new Set(['init', 'selected', 'undone', 'reset', 'sold']);
/** Frames about a running draft (its clock, its state); after the seal they are ignored without a word. */
const RUNNING_DRAFT: ReadonlySet<DraftEvent['type']> = new Set(['state', 'selecting', 'clock', 'nomination', 'bid', 'bidAck', 'passed']);

/**
 * What a sealed draft does with an event: `null` lets it through (presence, heartbeats, errors and
 * unreadable frames change no pick); otherwise the state is kept as it is, with a log line when the
 * frame would have changed the board.
 */
export function refuseOnSealedBoard(state: DraftState, event: DraftEvent, now: number): Reduction | null {
  if (!isSealed(state)) return null;
  if (BOARD_CHANGES.has(event.type)) {
    return result(state, [
      logEntry(now, 'warn', 'frame_refused', `Ignored an incoming ${commandOf(event)} frame: the pick log was sealed against ESPN's final board.`),
    ]);
  }
  return RUNNING_DRAFT.has(event.type) ? result(state) : null;
}

function commandOf(event: DraftEvent): string {
  return event.type === 'selected' ? 'SELECTED' : event.type.toUpperCase();
}
