import { pickPosition } from './pick-table';
import type { DraftState } from './types';

/**
 * Properties every reachable draft state must have. Returns one plain-words
 * problem per violation; an empty list means the state is consistent. Used by
 * tests and fuzzing, and cheap enough to run as a runtime self-check.
 */
export function checkInvariants(state: DraftState): string[] {
  const problems: string[] = [];
  const slotCount = state.slots.length;
  const teamCount = state.teams.length;
  const auction = state.type === 'auction';

  state.slots.forEach((slot, index) => {
    if (slot.overallPick !== index + 1) problems.push(`slot ${index + 1} is numbered ${slot.overallPick}`);
  });

  const players = new Set<number>();
  const numbers = new Set<number>();
  let previous = 0;
  for (const pick of state.picks) {
    const n = pick.overallPick;
    if (players.has(pick.playerId)) problems.push(`player ${pick.playerId} is drafted twice`);
    players.add(pick.playerId);
    if (numbers.has(n)) problems.push(`pick ${n} is recorded twice`);
    numbers.add(n);
    if (!Number.isInteger(n) || n < 1 || n > slotCount) problems.push(`pick ${n} is outside 1..${slotCount}`);
    if (n < previous) problems.push(`pick ${n} comes after pick ${previous}`);
    previous = n;

    const slot = state.slots[n - 1];
    // In an auction the slot's team is the nomination order, not the winner (apply-auction.ts).
    if (!auction && slot !== undefined && slot.teamId !== pick.teamId) {
      problems.push(`pick ${n} is by team ${pick.teamId} but the slot belongs to team ${slot.teamId}`);
    }
    if (teamCount === 0) {
      problems.push(`pick ${n} exists but no teams are known`);
    } else {
      const expected = pickPosition(n, teamCount);
      if (pick.round !== expected.round || pick.roundPick !== expected.roundPick) {
        problems.push(
          `pick ${n} says round ${pick.round} pick ${pick.roundPick}, expected round ${expected.round} pick ${expected.roundPick}`,
        );
      }
    }
  }

  // Live picks fill the table from the front; only keepers may stand beyond a gap. How ESPN fills
  // an auction table is [UNKNOWN], and INIT's is adopted as is, so auctions are not held to this.
  if (auction) return problems;
  let firstOpen = 1;
  while (numbers.has(firstOpen)) firstOpen++;
  for (const pick of state.picks) {
    if (!pick.keeper && pick.overallPick > firstOpen) {
      problems.push(`pick ${pick.overallPick} is recorded but pick ${firstOpen} is still open`);
    }
  }
  return problems;
}
