import { auctionSlots } from '../rules/auction-order';
import { snakeSlots } from '../rules/snake-order';

/** Team owning each overall pick (index 0 = pick 1) in a snake draft: 1…N, N…1, 1…N, … */
export function snakePickOrder(teamIdsInDraftOrder: readonly number[], rounds: number): number[] {
  return snakeSlots(teamIdsInDraftOrder, rounds).map((slot) => slot.teamId);
}

/** Team due to nominate each lot (index 0 = lot 1) in an auction: 1…N, 1…N, … ([SOURCE]). */
export function auctionPickOrder(teamIdsInDraftOrder: readonly number[], rounds: number): number[] {
  return auctionSlots(teamIdsInDraftOrder, rounds).map((slot) => slot.teamId);
}
