/** Team owning each overall pick (index 0 = pick 1) in a snake draft: 1…N, N…1, 1…N, … */
export function snakePickOrder(teamIdsInDraftOrder: readonly number[], rounds: number): number[] {
  const order: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const forward = round % 2 === 0;
    for (let i = 0; i < teamIdsInDraftOrder.length; i++) {
      order.push(teamIdsInDraftOrder[forward ? i : teamIdsInDraftOrder.length - 1 - i]!);
    }
  }
  return order;
}
