import type { DraftState, OnTheClock, PickSlot, RosterSpot } from './types';

/**
 * The next pick is the first open slot in table order, not "filled count + 1":
 * keepers can pre-fill later slots (init-format.md §5).
 */
export function firstOpenSlot(state: {
  slots: readonly PickSlot[];
  picks: readonly { overallPick: number }[];
}): PickSlot | null {
  const filled = new Set(state.picks.map((pick) => pick.overallPick));
  return state.slots.find((slot) => !filled.has(slot.overallPick)) ?? null;
}

/** INIT does not carry rounds; they follow from the pick number and team count. */
export function pickPosition(overallPick: number, teamCount: number): { round: number; roundPick: number } {
  const round = Math.ceil(overallPick / teamCount);
  return { round, roundPick: overallPick - (round - 1) * teamCount };
}

/** SELECTED's 4th field is a 1-based roster spot; the template maps it to ESPN's lineupSlotId. */
export function lineupSlotFor(template: readonly RosterSpot[], spot: number): number | null {
  return template.find((entry) => entry.spot === spot)?.lineupSlotId ?? null;
}

/**
 * Who we believe is on the clock without a SELECTING frame: the team owning the
 * next open slot. Only while a draft is running; keeps `since` when the same
 * pick was already on the clock, so a re-snapshot does not restart the timer.
 */
export function inferOnTheClock(state: DraftState, now: number): OnTheClock | null {
  if (state.status !== 'live' && state.status !== 'paused') return null;
  const slot = firstOpenSlot(state);
  if (slot === null) return null;
  const current = state.onTheClock;
  if (current !== null && current.overallPick === slot.overallPick && current.teamId === slot.teamId) {
    return current;
  }
  return { teamId: slot.teamId, overallPick: slot.overallPick, since: now, msAllowed: state.timePerSelectionMs };
}
