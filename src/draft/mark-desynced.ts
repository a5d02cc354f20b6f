import { logEntry } from './log';
import { result, type Reduction } from './reduction';
import { isSealed } from './sealed-board';
import type { DraftState } from './types';

/**
 * The pick table can no longer be trusted to place the next SELECTED (frames were lost, or a
 * pick did not fit). Picks already recorded stay; new ones wait for the next INIT, which the
 * recovery policy obtains by letting ESPN reconnect or reloading the tab.
 */
export function markDesynced(state: DraftState, reason: string, now: number): Reduction {
  // A sealed board takes no INIT any more, so waiting for one would wait for ever; nothing can be missed.
  if (!state.hasSnapshot || state.awaitingSnapshot || isSealed(state)) return result(state);
  return result({ ...state, awaitingSnapshot: true, updatedAt: now }, [
    logEntry(now, 'error', 'desync', `${reason}; new picks wait for a fresh snapshot from ESPN.`),
  ]);
}
