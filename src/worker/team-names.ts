import { leagueTeamsSchema, leagueUrl, readApiResponse, teamsFromApi, type ApiTeam } from '../espn/league-api';
import type { LogEntry } from '../draft/types';
import type { PageFetchResult } from '../contract/page-fetch';
import type { DraftKey } from '../draft/types';

export type PageFetch = (tabId: number, url: string, headers: Record<string, string>, timeoutMs: number) => Promise<PageFetchResult>;

const TEAMS_TIMEOUT_MS = 15_000;

export type TeamNamesOutcome = { teams: ApiTeam[]; log: LogEntry[] } | { teams: null; log: LogEntry[] };

/**
 * Team names come from the league's teams view, read from the draft tab so that a
 * private league gets the user's cookies. Failure is logged; the pick log simply
 * has null names.
 */
export async function readTeamNames(pageFetch: PageFetch, tabId: number, key: DraftKey, now: () => number): Promise<TeamNamesOutcome> {
  const url = leagueUrl(key.game, key.seasonId, key.leagueId, ['mTeam']);
  const answer = await pageFetch(tabId, url, { 'x-fantasy-source': 'kona' }, TEAMS_TIMEOUT_MS).catch(
    (error): PageFetchResult => ({ ok: false, error: 'network', message: String(error) }),
  );
  const fail = (message: string): TeamNamesOutcome => ({
    teams: null,
    log: [{ at: now(), level: 'warn', kind: 'teams', message: `Team names unavailable: ${message}` }],
  });
  if (!answer.ok) return fail(answer.message);
  const read = readApiResponse(answer.status, answer.body, leagueTeamsSchema);
  if (!read.ok) return fail(read.message);
  return { teams: teamsFromApi(read.value), log: [] };
}
