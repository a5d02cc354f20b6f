/**
 * One league as the server serves it: its engine, its draft sockets, its REST API and its faults.
 * A server holds one site per league (several leagues at once share one port, because Chromium's
 * host-resolver rule maps every *.espn.com host to that one port) and routes to them by league id
 * and season.
 */
import type { DraftEngine } from '../engine/draft-engine';
import { createFaults, type Faults } from '../faults/faults';
import type { SimEvents } from '../socket/connection';
import { sportNamed } from '../sports';
import { DraftRoom } from '../socket/draft-room';
import { EspnApi } from './rest';

export interface LeagueSiteOptions {
  engine: DraftEngine;
  /** Socket events of this league (connections, frames, refusals). */
  events: SimEvents;
  pongDelayMs: number;
  clientIdleTimeoutMs: number;
}

export class LeagueSite {
  readonly engine: DraftEngine;
  readonly events: SimEvents;
  readonly room: DraftRoom;
  readonly api: EspnApi;
  readonly faults: Faults;

  constructor(opts: LeagueSiteOptions) {
    this.engine = opts.engine;
    this.events = opts.events;
    this.api = new EspnApi(opts.engine);
    this.room = new DraftRoom({ engine: opts.engine, events: opts.events, pongDelayMs: opts.pongDelayMs, clientIdleTimeoutMs: opts.clientIdleTimeoutMs });
    this.faults = createFaults(this.room, opts.engine.league.myTeamId);
  }

  get leagueId(): number {
    return this.engine.league.leagueId;
  }

  get seasonId(): number {
    return this.engine.league.seasonId;
  }
}

/**
 * The site a request names: by league id, and by season where the request names one (REST paths
 * and the page URL do; the draft socket's URL does not). Null when no site serves that league.
 */
export function siteFor(sites: readonly LeagueSite[], leagueId: number | null, seasonId: number | null): LeagueSite | null {
  if (leagueId === null) return null;
  return sites.find((s) => s.leagueId === leagueId && (seasonId === null || s.seasonId === seasonId)) ?? null;
}

/** Game, league and season named by a REST path (`…/games/G/seasons/S/…/leagues/L…`); null where absent. */
export function leagueOfApiPath(path: string): { game: string | null; leagueId: number | null; seasonId: number | null } {
  const game = /\/games\/([a-z]+)\//.exec(path);
  const league = /\/leagues\/(\d+)(?:[/?]|$)/.exec(path);
  const season = /\/seasons\/(\d+)\//.exec(path);
  return { game: game ? game[1]! : null, leagueId: league ? Number(league[1]) : null, seasonId: season ? Number(season[1]) : null };
}

/** For a request that names no league (the season's player pool): the first site of that game (`ffl`, `fba`, …). */
export function siteForGame(sites: readonly LeagueSite[], game: string | null): LeagueSite | null {
  return sites.find((s) => sportNamed(s.engine.league.sport).gameCode === game) ?? null;
}
