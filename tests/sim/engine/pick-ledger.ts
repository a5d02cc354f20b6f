import type { SimPlayer } from '../players';
import { addToRoster, type RosterState } from '../rules/roster-spot';
import type { DraftSlot } from '../rules/snake-order';
import type { LotOutcome, TruthPick } from './events';

/** Every pick made so far (keepers included): the ground truth, and which players are gone. */
export class PickLedger {
  /** Player ids already drafted. */
  readonly draftedPlayers = new Set<number>();
  private readonly picks = new Map<number, TruthPick>(); // overallPick → pick

  constructor(private readonly slots: readonly DraftSlot[]) {}

  get size(): number {
    return this.picks.size;
  }

  has(overallPick: number): boolean {
    return this.picks.has(overallPick);
  }

  /** Copies, in overall order. */
  truth(): TruthPick[] {
    return [...this.picks.values()].sort((a, b) => a.overallPick - b.overallPick).map((p) => ({ ...p }));
  }

  /** Index into `slots` of the first pick not made yet; null when the draft is full. */
  nextOpenIndex(): number | null {
    for (let i = 0; i < this.slots.length; i++) if (!this.picks.has(i + 1)) return i;
    return null;
  }

  /**
   * Books `player` into `spot` of the team's roster for `slot` (the caller checked legality).
   * An auction lot passes its outcome, and `slot.teamId` is then the winner.
   */
  record(slot: DraftSlot, team: RosterState, player: SimPlayer, spot: number, keeper: boolean, autopick: boolean, lot: LotOutcome | null = null): TruthPick {
    addToRoster(team, player, spot);
    this.draftedPlayers.add(player.id);
    const pick: TruthPick = {
      overallPick: slot.overallPick,
      round: slot.round,
      roundPick: slot.roundPick,
      teamId: slot.teamId,
      playerId: player.id,
      playerName: player.fullName,
      position: player.position,
      proTeam: player.proTeam,
      rosterSpot: spot,
      keeper,
      autopick,
      price: lot?.price ?? null,
      nominatingTeamId: lot?.nominatingTeamId ?? null,
    };
    this.picks.set(slot.overallPick, pick);
    return pick;
  }
}
