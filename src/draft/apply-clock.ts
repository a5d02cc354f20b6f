import type { ClockEvent } from '../protocol/events';
import { logEntry } from './log';
import { firstOpenSlot } from './pick-table';
import { result, type Reduction } from './reduction';
import type { DraftState, DraftStatus } from './types';

/**
 * SELECTING starts a pick. The pick number is ours to work out (the next open
 * slot); a different team than that slot's means we missed something, which is
 * worth a warning but not worth ignoring who ESPN says is on the clock.
 */
export function applySelecting(state: DraftState, teamId: number, msAllowed: number, now: number): Reduction {
  if (!state.hasSnapshot) return result(setStatus(state, 'live', now));
  const slot = firstOpenSlot(state);
  if (slot === null) {
    const next = state.onTheClock === null ? state : { ...state, onTheClock: null, updatedAt: now };
    return result(setStatus(next, 'live', now), [
      logEntry(now, 'warn', 'clock_mismatch', `Team ${teamId} is on the clock, but every pick is already filled.`),
    ]);
  }
  const log =
    slot.teamId === teamId
      ? []
      : [logEntry(now, 'warn', 'clock_mismatch', `Team ${teamId} is on the clock, but pick ${slot.overallPick} belongs to team ${slot.teamId}.`)];
  const next: DraftState = {
    ...state,
    status: 'live',
    onTheClock: { teamId, overallPick: slot.overallPick, since: now, msAllowed },
    updatedAt: now,
  };
  return { state: next, log };
}

/**
 * CLOCK arrives every ~5 s, so the common case (same team, still live) must
 * return the state untouched.
 */
export function applyClock(state: DraftState, clock: ClockEvent, now: number): Reduction {
  if (clock.phase === 'paused') {
    if (state.status !== 'live' && state.status !== 'pre_draft') return result(state);
    return {
      state: { ...state, status: 'paused', updatedAt: now },
      log: [logEntry(now, 'info', 'status', 'Draft paused by the league manager.')],
    };
  }
  if (clock.phase !== 'pick') return result(state);

  const wasPaused = state.status === 'paused';
  let next = setStatus(state, 'live', now);
  const log = wasPaused ? [logEntry(now, 'info', 'status', 'Draft resumed.')] : [];
  const current = next.onTheClock;
  if (current !== null) {
    if (current.teamId !== clock.teamId) {
      log.push(
        logEntry(now, 'warn', 'clock_mismatch', `Clock shows team ${clock.teamId} on the clock, not team ${current.teamId}; following the clock.`),
      );
      next = { ...next, onTheClock: { ...current, teamId: clock.teamId }, updatedAt: now };
    }
    return { state: next, log };
  }
  // Joined mid-pick (or after an undo): the clock tells us who is picking.
  const slot = next.hasSnapshot ? firstOpenSlot(next) : null;
  if (slot !== null) {
    next = {
      ...next,
      onTheClock: { teamId: clock.teamId, overallPick: slot.overallPick, since: now, msAllowed: next.timePerSelectionMs },
      updatedAt: now,
    };
  }
  return { state: next, log };
}

/** STATE 1 = started, 2 = complete (protocol.md §3.1). Other codes are unconfirmed. */
export function applyStateCode(state: DraftState, code: number, now: number): Reduction {
  if (code === 1) {
    if (state.status === 'live') return result(state);
    const message = state.status === 'paused' ? 'Draft resumed.' : 'Draft started.';
    return { state: setStatus(state, 'live', now), log: [logEntry(now, 'info', 'status', message)] };
  }
  if (code === 2) {
    if (state.status === 'complete' && state.onTheClock === null) return result(state);
    return {
      state: { ...state, status: 'complete', onTheClock: null, updatedAt: now },
      log: [logEntry(now, 'info', 'status', `Draft complete: ${state.picks.length} picks recorded.`)],
    };
  }
  return result(state, [logEntry(now, 'warn', 'status', `Unknown draft state ${code}; status stays ${state.status}.`)]);
}

function setStatus(state: DraftState, status: DraftStatus, now: number): DraftState {
  return state.status === status ? state : { ...state, status, updatedAt: now };
}
