import type { DraftSlot } from './snake-order';

/**
 * The lots of an auction as INIT's pick table lists them: one slot per player bought, the team
 * order repeating every round instead of snaking back ([SOURCE] protocol.md §5, init-format.md
 * §3.7). A slot's team is the team due to nominate that lot, not the team that wins it.
 */
export function auctionSlots(nominationOrder: readonly number[], rounds: number): DraftSlot[] {
  const out: DraftSlot[] = [];
  for (let r = 1; r <= rounds; r++) {
    nominationOrder.forEach((teamId, i) => out.push({ overallPick: out.length + 1, round: r, roundPick: i + 1, teamId }));
  }
  return out;
}

/**
 * Who nominates the lot of `slot`: the slot's team, or, when its roster is already full, the next
 * team after it in the nomination order that still has room ([INFERRED]: a full team cannot buy,
 * so it cannot open the bidding either). Null when no team has room.
 */
export function nominatorFor(slot: DraftSlot, nominationOrder: readonly number[], hasRoom: (teamId: number) => boolean): number | null {
  const start = nominationOrder.indexOf(slot.teamId);
  if (start < 0) throw new RangeError(`team ${slot.teamId} is not in the nomination order`);
  for (let k = 0; k < nominationOrder.length; k++) {
    const teamId = nominationOrder[(start + k) % nominationOrder.length]!;
    if (hasRoom(teamId)) return teamId;
  }
  return null;
}
