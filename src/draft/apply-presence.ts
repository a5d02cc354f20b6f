import { logEntry } from './log';
import { result, type Reduction } from './reduction';
import type { DraftState, TeamInfo } from './types';

/** LEFT reason 2: ESPN dropped this member because the same member joined again elsewhere. */
const KICKED_BY_DUPLICATE = 2;

export function applyAutodraft(state: DraftState, teamId: number, enabled: boolean, now: number): Reduction {
  return result(updateTeam(state, teamId, { autodraft: enabled }, now));
}

export function applyJoined(state: DraftState, teamId: number, now: number): Reduction {
  return result(updateTeam(state, teamId, { online: true }, now));
}

export function applyLeft(state: DraftState, teamId: number, reason: number | null, now: number): Reduction {
  const next = updateTeam(state, teamId, { online: false }, now);
  if (reason === KICKED_BY_DUPLICATE && teamId === state.myTeamId) {
    // ESPN allows one connection per member; this page stops receiving picks.
    return result(next, [
      logEntry(now, 'warn', 'connection', 'This draft room was opened elsewhere; ESPN closed this connection.'),
    ]);
  }
  return result(next);
}

/** Returns the same state when the team is unknown or already has these flags. */
function updateTeam(
  state: DraftState,
  teamId: number,
  change: Partial<Pick<TeamInfo, 'autodraft' | 'online'>>,
  now: number,
): DraftState {
  const index = state.teams.findIndex((team) => team.teamId === teamId);
  const team = state.teams[index];
  if (team === undefined) return state;
  const same = (Object.keys(change) as Array<keyof typeof change>).every((key) => team[key] === change[key]);
  if (same) return state;
  const teams = state.teams.map((entry, i) => (i === index ? { ...entry, ...change } : entry));
  return { ...state, teams, updatedAt: now };
}
