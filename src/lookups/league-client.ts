import type { DraftKey } from '../draft/types';
import type { PageFetchResult } from '../contract/page-fetch';
import { DEFAULT_LOOKUP_OPTIONS, type LookupOptions } from './retry';

/**
 * The one client of ESPN's league API: every lookup's host, headers and timeout are set here, and
 * every request goes out through an injected transport. Building requests is pure.
 */

/** ESPN's read API (protocol.md §4.3); the relay refuses to fetch anything else. */
export const LEAGUE_API_ORIGIN = 'https://lm-api-reads.fantasy.espn.com';
const GAMES_BASE = `${LEAGUE_API_ORIGIN}/apis/v3/games`;

/** ESPN's own pages send this with every league read. */
export const KONA_SOURCE_HEADER = { 'x-fantasy-source': 'kona' };
/** ESPN pages the pool unless told otherwise; activity filter as in protocol.md §4.3. */
export const PLAYERS_FILTER_HEADER = { 'x-fantasy-filter': JSON.stringify({ filterActive: { value: true } }) };

export interface LeagueRequest {
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** An HTTP answer, or why there was none. */
export type FetchAnswer = PageFetchResult;

/** One GET. A transport may throw; the client turns that into a 'network' answer. */
export type Transport = (request: LeagueRequest) => Promise<FetchAnswer>;

export interface Transports {
  /** From the draft tab's page: its origin, its cookies (private leagues), and the host access it has. */
  tab(tabId: number): Transport;
  /** From the extension itself: needs host access to ESPN's API host. */
  worker: Transport;
}

export function leagueUrl(game: string, seasonId: number, leagueId: string, views: string[]): string {
  const query = views.map((view) => `view=${encodeURIComponent(view)}`).join('&');
  return `${GAMES_BASE}/${encodeURIComponent(game)}/seasons/${seasonId}/segments/0/leagues/${encodeURIComponent(leagueId)}?${query}`;
}

export function playersUrl(game: string, seasonId: number): string {
  return `${GAMES_BASE}/${encodeURIComponent(game)}/seasons/${seasonId}/players?view=players_wl`;
}

export function teamsRequest(key: DraftKey, options: LookupOptions = DEFAULT_LOOKUP_OPTIONS): LeagueRequest {
  return { url: leagueUrl(key.game, key.seasonId, key.leagueId, ['mTeam']), headers: { ...KONA_SOURCE_HEADER }, timeoutMs: options.teamNames.timeoutMs };
}

export function settingsRequest(key: DraftKey, options: LookupOptions = DEFAULT_LOOKUP_OPTIONS): LeagueRequest {
  return { url: leagueUrl(key.game, key.seasonId, key.leagueId, ['mSettings']), headers: { ...KONA_SOURCE_HEADER }, timeoutMs: options.leagueName.timeoutMs };
}

export function draftDetailRequest(key: DraftKey, options: LookupOptions = DEFAULT_LOOKUP_OPTIONS): LeagueRequest {
  return {
    url: leagueUrl(key.game, key.seasonId, key.leagueId, ['mDraftDetail']),
    headers: { ...KONA_SOURCE_HEADER },
    timeoutMs: options.finalBoard.timeoutMs,
  };
}

export function playersRequest(game: string, seasonId: number, options: LookupOptions = DEFAULT_LOOKUP_OPTIONS): LeagueRequest {
  return { url: playersUrl(game, seasonId), headers: { ...PLAYERS_FILTER_HEADER }, timeoutMs: options.players.timeoutMs };
}

/** Sends one request; never throws. */
export async function send(transport: Transport, request: LeagueRequest): Promise<FetchAnswer> {
  try {
    return await transport(request);
  } catch (error) {
    return { ok: false, error: 'network', message: String(error) };
  }
}

/**
 * The draft tab first, the extension's own fetch when the tab could not send the request at all.
 * Through the tab the request works with host access to the draft site alone (Firefox lets users
 * grant just that) and goes out as ESPN's own page sends it. The tab can fail to send it: the tab
 * closed or left the draft, or its content script is gone after an extension update; a CORS refusal
 * in the page also shows as 'network'. A timeout or an HTTP answer is ESPN's answer and is not
 * asked again elsewhere: a second 20 s wait or a second download would change nothing.
 */
export async function sendPreferringTab(transports: Transports, tabId: number | null, request: LeagueRequest): Promise<FetchAnswer> {
  if (tabId === null) return send(transports.worker, request);
  const fromTab = await send(transports.tab(tabId), request);
  if (fromTab.ok || fromTab.error !== 'network') return fromTab;
  const fromWorker = await send(transports.worker, request);
  return fromWorker.ok || fromWorker.error !== 'network'
    ? fromWorker
    : { ok: false, error: 'network', message: `draft tab: ${fromTab.message}; extension: ${fromWorker.message}` };
}
