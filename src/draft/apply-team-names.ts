import { result, type Reduction } from './reduction';
import type { DraftState } from './types';

/** A team as ESPN's league API names it (read by src/lookups/league-api.ts). */
export interface ApiTeam {
  teamId: number;
  name: string | null;
}

/** INIT carries no names; ESPN's teams view does. Unknown team ids in the answer are ignored. */
export function applyTeamNames(state: DraftState, apiTeams: readonly ApiTeam[], now: number): Reduction {
  const names = new Map(apiTeams.map((team) => [team.teamId, team.name] as const));
  let changed = false;
  const teams = state.teams.map((team) => {
    const name = names.get(team.teamId);
    if (name === undefined || name === team.name) return team;
    changed = true;
    return { ...team, name };
  });
  return changed ? result({ ...state, teams, updatedAt: now }) : result(state);
}
