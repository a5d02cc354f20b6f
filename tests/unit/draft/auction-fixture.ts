import type { InitSnapshot } from '../../../src/protocol/init/init-types';
import { makeSnapshot } from './snapshot-fixture';

/** Nomination order in an auction table: it repeats every round instead of snaking ([SOURCE], protocol.md §5). */
export function nominationTeam(overallPick: number, teamCount: number): number {
  return ((overallPick - 1) % teamCount) + 1;
}

export interface SoldLot {
  lot: number;
  playerId: number;
  winner: number;
  price: number;
  nominator: number;
  spot?: number;
  keeper?: boolean;
}

export interface AuctionSnapshotOptions {
  teams?: number;
  rounds?: number;
  state?: number;
  /** ESPN's auction code is [UNKNOWN]; 2 is a stand-in, and any value other than 1 is treated alike. */
  draftType?: number;
  lots?: readonly SoldLot[];
  /** Whether filled lots also appear in the winner's roster (init-format.md §3.8, [INFERRED]). */
  rosters?: boolean;
}

/**
 * An auction INIT as the sources describe it: slots in a repeating nomination order, filled slots
 * carrying price (bidAmount) and nominator, and the player in the winner's roster.
 */
export function makeAuctionSnapshot(options: AuctionSnapshotOptions = {}): InitSnapshot {
  const teams = options.teams ?? 10;
  const rounds = options.rounds ?? 16;
  const lots = options.lots ?? [];
  const slotTeams = new Map<number, number>();
  for (let n = 1; n <= teams * rounds; n++) slotTeams.set(n, nominationTeam(n, teams));
  const snapshot = makeSnapshot({
    teams,
    rounds,
    state: options.state ?? 1,
    draftType: options.draftType ?? 2,
    slotTeams,
    filled: lots.map((lot) => ({ overallPick: lot.lot, playerId: lot.playerId, spot: lot.spot ?? 10, keeper: lot.keeper ?? false })),
  });
  for (const lot of lots) {
    const slot = snapshot.draft.picks[lot.lot - 1]!;
    slot.bidAmount = lot.price;
    slot.nominatingTeamId = lot.nominator;
    if (options.rosters ?? true) {
      snapshot.draft.teams[lot.winner - 1]!.roster.push({ teamId: lot.winner, spot: lot.spot ?? 10, playerId: lot.playerId, unknownFlag: false });
    }
  }
  return snapshot;
}

/** Lots 1..count: player 2000 + n, won by the team after the nominator, for n dollars. */
export function soldLots(count: number, teams = 10): SoldLot[] {
  return Array.from({ length: count }, (_, i) => {
    const lot = i + 1;
    const nominator = nominationTeam(lot, teams);
    return { lot, playerId: 2000 + lot, winner: (nominator % teams) + 1, price: lot, nominator };
  });
}
