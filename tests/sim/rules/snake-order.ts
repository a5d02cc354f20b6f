/** One overall pick of a draft: who owns it, and where it sits in its round. */
export interface DraftSlot {
  overallPick: number;
  round: number;
  roundPick: number;
  teamId: number;
}

/**
 * Turn order of a snake draft: round 1 in draft order, round 2 reversed, and so on. Another draft
 * type (e.g. auction) gets its own rules file beside this one instead of a branch in the engine.
 */
export function snakeSlots(draftOrder: readonly number[], rounds: number): DraftSlot[] {
  const out: DraftSlot[] = [];
  for (let r = 1; r <= rounds; r++) {
    const order = r % 2 === 1 ? draftOrder : [...draftOrder].reverse();
    order.forEach((teamId, i) => out.push({ overallPick: out.length + 1, round: r, roundPick: i + 1, teamId }));
  }
  return out;
}
