import type { DraftKey, LogEntry } from '../draft/types';
import type { ApiTeam } from '../draft/apply-team-names';
import { leagueTeamsSchema, readApiResponse, teamsFromApi } from './league-api';
import { send, teamsRequest, type Transports } from './league-client';
import { DEFAULT_LOOKUP_OPTIONS, type LookupOptions } from './retry';

/** `final`: asking again cannot help (a mock league answers 404 for good), so the caller stops asking. */
export type TeamNamesOutcome = { teams: ApiTeam[]; log: LogEntry[] } | { teams: null; log: LogEntry[]; final: boolean };

/**
 * Team names come from the league's teams view, read from the draft tab so that a
 * private league gets the user's cookies. Failure is logged; the pick log simply
 * has null names.
 */
export async function readTeamNames(
  transports: Pick<Transports, 'tab'>,
  tabId: number,
  key: DraftKey,
  now: () => number,
  options: LookupOptions = DEFAULT_LOOKUP_OPTIONS,
): Promise<TeamNamesOutcome> {
  const answer = await send(transports.tab(tabId), teamsRequest(key, options));
  const fail = (message: string, final = false): TeamNamesOutcome => ({
    teams: null,
    log: [{ at: now(), level: 'warn', kind: 'teams', message: `Team names unavailable: ${message}` }],
    final,
  });
  if (!answer.ok) return fail(answer.message);
  const read = readApiResponse(answer.status, answer.body, leagueTeamsSchema);
  if (!read.ok) return fail(read.message, read.problem === 'not-found');
  return { teams: teamsFromApi(read.value), log: [] };
}
