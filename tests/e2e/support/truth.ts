import type { PickLogPick } from '../../../src/export/pick-log-schema';
import type { TruthPick } from '../../sim/index';

/** An exported pick in the simulator's ground-truth shape, so the two compare with toEqual. */
export function asTruthPick(pick: PickLogPick): TruthPick {
  return {
    overallPick: pick.overallPick,
    round: pick.round,
    roundPick: pick.roundPick,
    teamId: pick.teamId,
    playerId: pick.playerId,
    playerName: pick.playerName ?? '',
    position: pick.position ?? '',
    proTeam: pick.proTeam ?? '',
    rosterSpot: pick.rosterSpot ?? 0,
    keeper: pick.keeper,
    autopick: pick.autopick,
    price: pick.price,
    nominatingTeamId: pick.nominatingTeamId,
  };
}
