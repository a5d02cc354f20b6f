/**
 * Text of the auction frames (protocol.md §5, [SOURCE], not captured), each ending in "\n".
 * Where a field's meaning is unknown the simulator sends a value nothing can depend on.
 */
export const AUCTION_FRAME = {
  /** `NOMINATION <team> <clockResetMs>`: that team must put a player up. */
  nomination: (teamId: number, clockResetMs: number): string => `NOMINATION ${teamId} ${clockResetMs}\n`,
  /** `BID <team> <player> <amount> <clockResetMs> <clockRemainingAtBidMs>`, to the whole room. */
  bid: (teamId: number, playerId: number, amount: number, clockResetMs: number, clockRemainingAtBidMs: number): string =>
    `BID ${teamId} ${playerId} ${amount} ${clockResetMs} ${clockRemainingAtBidMs}\n`,
  /** `BID_ACK <team> <player> <amount>`: the bidding team's own bid was accepted (its sockets only, [INFERRED]). */
  bidAck: (teamId: number, playerId: number, amount: number): string => `BID_ACK ${teamId} ${playerId} ${amount}\n`,
  /**
   * `SOLD <team> <player> <?> <price> <?>`. The 3rd and 5th fields are [UNKNOWN]; the simulator
   * sends 0 in both so that no reader can come to rely on a guess.
   */
  sold: (teamId: number, playerId: number, price: number): string => `SOLD ${teamId} ${playerId} 0 ${price} 0\n`,
  /** `CLOCK 1 <ms> <nominatingTeam>`: waiting for a nomination. */
  clockNominating: (ms: number, teamId: number): string => `CLOCK 1 ${ms} ${teamId}\n`,
  /** `CLOCK 2 <ms> <highBidTeam> <player> <highBid>`: live bidding. */
  clockBidding: (ms: number, teamId: number, playerId: number, highBid: number): string => `CLOCK 2 ${ms} ${teamId} ${playerId} ${highBid}\n`,
  /** `CLOCK 3 <ms>`: the gap between lots. */
  clockBetweenLots: (ms: number): string => `CLOCK 3 ${ms}\n`,
};
