import type { DraftKey, LogEntry } from '../draft/types';
import { leagueNameFromApi, leagueSettingsSchema, readApiResponse } from './league-api';
import { sendPreferringTab, settingsRequest, type Transports } from './league-client';
import { DEFAULT_LOOKUP_OPTIONS, type LookupOptions } from './retry';

/**
 * `name`: the league's name, or null when ESPN sent none. `final`: whether asking again could
 * change anything; a mock league's 404 (and a league that has no name) is final.
 */
export type LeagueNameOutcome = { name: string | null; final: boolean; log: LogEntry[] };

/**
 * The league's name from its settings view, read through the draft tab (a private league needs the
 * user's cookies). The name is a nicety: a failure is logged and the popup keeps the league id.
 */
export async function readLeagueName(
  transports: Transports,
  tabId: number | null,
  key: DraftKey,
  now: () => number,
  options: LookupOptions = DEFAULT_LOOKUP_OPTIONS,
): Promise<LeagueNameOutcome> {
  const answer = await sendPreferringTab(transports, tabId, settingsRequest(key, options));
  const fail = (message: string, final: boolean): LeagueNameOutcome => ({
    name: null,
    final,
    log: [{ at: now(), level: final ? 'info' : 'warn', kind: 'league', message: `League name unavailable, the league id names it: ${message}` }],
  });
  if (!answer.ok) return fail(answer.message, false);
  const read = readApiResponse(answer.status, answer.body, leagueSettingsSchema);
  if (!read.ok) return fail(read.message, read.problem === 'not-found');
  return { name: leagueNameFromApi(read.value), final: true, log: [] };
}
