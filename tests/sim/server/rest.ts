/**
 * lm-api-reads.fantasy.espn.com, simulated (protocol.md §4): league views, the player pool and
 * draftSecurity. Pure request → response so it is testable without sockets.
 */
import { SCORING_ITEMS, lineupSlotCounts } from '../espn-ids';
import { sportNamed } from '../sports';
import type { DraftEngine } from '../engine/draft-engine';
import type { LeagueInfo, SimTeam } from '../league';
import type { SimPlayer } from '../players';

export interface ApiRequest {
  method: string;
  /** Path + query, as in the request line. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Origins whose credentialed requests are allowed (ESPN's own pages). */
const ALLOWED_ORIGIN = /^https:\/\/([a-z0-9-]+\.)*espn\.com$/;
const ALLOWED_REQUEST_HEADERS = ['x-fantasy-filter', 'x-fantasy-source', 'x-fantasy-platform', 'content-type', 'accept', 'cache-control', 'pragma'];

/** The game code (ffl, fba, flb, fhl) is the league's sport's; another code is a 404. */
const LEAGUE_PATH = /^\/apis\/v3\/games\/([a-z]+)\/seasons\/(\d+)\/segments\/0\/leagues\/(\d+)$/;
const SECURITY_PATH = /^\/apis\/v3\/games\/([a-z]+)\/seasons\/(\d+)\/segments\/0\/leagues\/(\d+)\/teams\/(\d+)\/draftSecurity$/;
const PLAYERS_PATH = /^\/apis\/v3\/games\/([a-z]+)\/seasons\/(\d+)\/players$/;

export function errorBody(type: string, message = type): string {
  return JSON.stringify({ messages: [message], details: [{ message, shortMessage: message, resolved: false, type, metaData: null }] });
}

export function parseCookies(header: string | string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const part of text.split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

export class EspnApi {
  constructor(
    private readonly engine: DraftEngine,
    private readonly now: () => number = Date.now,
  ) {}

  private get league(): LeagueInfo {
    return this.engine.league;
  }

  handle(req: ApiRequest): ApiResponse {
    const cors = this.corsHeaders(req);
    if (req.method === 'OPTIONS') {
      return { status: 204, headers: { ...cors, 'access-control-max-age': '600', 'content-length': '0' }, body: '' };
    }
    const json = (status: number, body: string): ApiResponse => ({
      status,
      headers: { ...cors, 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-cache' },
      body,
    });
    if (req.method !== 'GET') return json(405, errorBody('METHOD_NOT_ALLOWED'));

    const url = new URL(req.url, 'https://lm-api-reads.fantasy.espn.com');
    const cookies = parseCookies(req.headers.cookie);

    const gameCode = sportNamed(this.league.sport).gameCode;
    let m = SECURITY_PATH.exec(url.pathname);
    if (m) {
      const [, game, season, leagueId, teamId] = m;
      if (game !== gameCode || !this.isOurLeague(season!, leagueId!)) return json(404, errorBody('GENERAL_NOT_FOUND', 'Not Found'));
      const team = this.league.teams.find((t) => t.teamId === Number(teamId));
      if (!team) return json(404, errorBody('GENERAL_NOT_FOUND', 'Not Found'));
      const swid = cookies.get('SWID');
      if (!team.memberSwid || swid !== team.memberSwid || cookies.get('espn_s2') !== this.league.espnS2) {
        return json(401, errorBody('AUTH_NOT_AUTHORIZED', 'You are not authorized to view this team.'));
      }
      return json(200, String(team.securityCode));
    }

    m = PLAYERS_PATH.exec(url.pathname);
    if (m) {
      if (m[1] !== gameCode || Number(m[2]) !== this.league.seasonId) return json(404, errorBody('GENERAL_NOT_FOUND', 'Not Found'));
      return json(200, JSON.stringify(this.engine.players.map(playerRecord)));
    }

    m = LEAGUE_PATH.exec(url.pathname);
    if (m) {
      if (m[1] !== gameCode || !this.isOurLeague(m[2]!, m[3]!)) return json(404, errorBody('GENERAL_NOT_FOUND', 'Not Found'));
      // A mock league is not readable (protocol.md §0.2, §4.2); its 404 body is [UNKNOWN], so it is
      // the unknown league's. draftSecurity still answers: the page needs it to join ([UNKNOWN]
      // how ESPN's mock room gets its code).
      if (this.engine.opts.mockLeague === 'not-found') return json(404, errorBody('GENERAL_NOT_FOUND', 'Not Found'));
      const authed = this.isAuthenticated(cookies);
      if (this.league.privateLeague && !authed) return json(401, errorBody('AUTH_LEAGUE_NOT_VISIBLE'));
      return json(200, JSON.stringify(this.leagueBody(url.searchParams.getAll('view'), authed)));
    }
    return json(404, errorBody('GENERAL_NOT_FOUND', 'Not Found'));
  }

  private isOurLeague(season: string, leagueId: string): boolean {
    return Number(season) === this.league.seasonId && Number(leagueId) === this.league.leagueId;
  }

  /** espn_s2 + SWID of a league member (no IP binding, nothing else: protocol.md §4.5). */
  private isAuthenticated(cookies: Map<string, string>): boolean {
    const swid = cookies.get('SWID');
    return cookies.get('espn_s2') === this.league.espnS2 && this.league.teams.some((t) => t.memberSwid !== null && t.memberSwid === swid);
  }

  private corsHeaders(req: ApiRequest): Record<string, string> {
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : '';
    if (!ALLOWED_ORIGIN.test(origin)) return {};
    const out: Record<string, string> = {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      vary: 'Origin',
    };
    if (req.method === 'OPTIONS') {
      out['access-control-allow-methods'] = 'GET, OPTIONS';
      const requested = String(req.headers['access-control-request-headers'] ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter((h) => ALLOWED_REQUEST_HEADERS.includes(h));
      out['access-control-allow-headers'] = (requested.length ? requested : ALLOWED_REQUEST_HEADERS).join(', ');
    }
    return out;
  }

  leagueBody(views: string[], authed: boolean): Record<string, unknown> {
    const league = this.league;
    const body: Record<string, unknown> = {
      gameId: league.gameId,
      id: league.leagueId,
      seasonId: league.seasonId,
      scoringPeriodId: 0,
      segmentId: 0,
      status: {
        currentMatchupPeriod: 1,
        isActive: true,
        isFull: true,
        // Mock leagues are not viewable (protocol.md §4.3).
        isViewable: this.engine.opts.mockLeague !== 'lobby',
        latestScoringPeriod: 0,
        firstScoringPeriod: 1,
        finalScoringPeriod: 17,
        previousSeasons: [],
        teamsJoined: league.teams.filter((t) => t.memberSwid).length,
      },
    };
    const want = new Set(views);
    if (want.has('mSettings') || want.has('mDraftDetail') || want.has('draftInit')) body.settings = this.settings(authed, want.has('mSettings') || want.has('draftInit'));
    if (want.has('mTeam') || want.has('mTeams') || want.has('draftInit')) {
      body.teams = league.teams.map(teamRecord);
      body.members = league.teams.filter((t) => t.member).map(memberRecord);
    }
    if (want.has('mDraftDetail') || want.has('draftInit')) body.draftDetail = this.draftDetail();
    if (want.has('draftInit')) {
      const taken = new Map(this.engine.truth().map((p) => [p.playerId, p.teamId]));
      body.players = this.engine.players.map((p) => ({
        id: p.id,
        onTeamId: taken.get(p.id) ?? 0,
        status: taken.has(p.id) ? 'ONTEAM' : 'FREEAGENT',
        draftAuctionValue: 0,
        player: {
          ...playerRecord(p),
          injuryStatus: 'ACTIVE',
          draftRanksByRankType: { PPR: { rank: p.rank, rankType: 'PPR', slotId: 0 }, STANDARD: { rank: p.rank, rankType: 'STANDARD', slotId: 0 } },
          ownership: { averageDraftPosition: p.averageDraftPosition, percentOwned: p.percentOwned },
        },
      }));
    }
    return body;
  }

  private settings(authed: boolean, full: boolean): Record<string, unknown> {
    const league = this.league;
    const draftSettings: Record<string, unknown> = {
      type: this.engine.opts.draftType === 'auction' ? 'AUCTION' : 'SNAKE',
      pickOrder: [...league.draftOrder],
      orderType: 'MANUAL',
      availableDate: this.engine.draftDate - 3_600_000,
      timePerSelection: Math.max(1, Math.round(this.engine.opts.timePerSelectionMs / 1000)),
      auctionBudget: this.engine.opts.auctionBudget,
      keeperCount: (this.engine.opts.keepers ?? []).length > 0 ? 1 : 0,
      keeperCountFuture: 0,
      keeperOrderType: 'TRADITIONAL',
      isTradingEnabled: false,
      leagueSubType: this.engine.opts.mockLeague === 'lobby' ? 'MOCKDRAFT_LOBBY' : 'NONE',
    };
    // "date is hidden from anonymous reads" (protocol.md §4.3).
    if (authed) draftSettings.date = this.engine.draftDate;
    if (!full) return { draftSettings };
    return {
      name: league.name,
      size: league.teams.length,
      isPublic: !league.privateLeague,
      draftSettings,
      rosterSettings: {
        lineupSlotCounts: lineupSlotCounts(league.rosterTemplate),
        positionLimits: Object.fromEntries(sportNamed(league.sport).rules.positionLimits.map((l) => [String(l.positionId), l.max])),
        isBenchUnlimited: false,
        moveLimit: -1,
        rosterLocktimeType: 'INDIVIDUAL_GAME',
      },
      scoringSettings: {
        scoringType: 'H2H_POINTS',
        scoringItems: SCORING_ITEMS.map((s) => ({ statId: s.statId, points: s.points, isReverseItem: false, pointsOverrides: {} })),
      },
      acquisitionSettings: { acquisitionType: 'WAIVERS_TRADITIONAL', waiverHours: 24 },
      scheduleSettings: { matchupPeriodCount: 14, playoffTeamCount: 4 },
      tradeSettings: { allowOutOfUniverse: false, max: -1 },
    };
  }

  /** During the draft every slot is open (playerId -1, inProgress); picks appear once drafted. */
  private draftDetail(): Record<string, unknown> {
    const phase = this.engine.phase;
    const done = phase === 'complete';
    const picks = new Map(this.engine.truth().map((p) => [p.overallPick, p]));
    const template = this.league.rosterTemplate;
    const teams = new Map(this.league.teams.map((t) => [t.teamId, t]));
    return {
      drafted: done,
      inProgress: !done,
      ...(done ? { completeDate: this.now() } : {}),
      picks: this.engine.slots.map((slot) => {
        const p = picks.get(slot.overallPick);
        const filled = done && p !== undefined;
        return {
          autoDraftTypeId: filled && p.autopick ? 1 : 0,
          bidAmount: filled ? (p.price ?? 0) : 0,
          id: slot.overallPick,
          keeper: p?.keeper ?? false,
          lineupSlotId: filled ? (template[p.rosterSpot - 1]?.lineupSlotId ?? -1) : -1,
          memberId: filled && !p.autopick ? (teams.get(p.teamId)?.memberSwid ?? null) : null,
          nominatingTeamId: filled ? (p.nominatingTeamId ?? 0) : 0,
          overallPickNumber: slot.overallPick,
          // In an auction the pick belongs to the buyer; the slot's team only nominated.
          owningTeamIds: [filled ? p.teamId : slot.teamId],
          playerId: filled ? p.playerId : -1,
          reservedForKeeper: p?.keeper ?? false,
          roundId: slot.round,
          roundPickNumber: slot.roundPick,
          teamId: filled ? p.teamId : slot.teamId,
          tradeLocked: false,
        };
      }),
    };
  }
}

export function playerRecord(p: SimPlayer): Record<string, unknown> {
  return {
    id: p.id,
    fullName: p.fullName,
    firstName: p.firstName,
    lastName: p.lastName,
    defaultPositionId: p.defaultPositionId,
    proTeamId: p.proTeamId,
    eligibleSlots: [...p.eligibleSlots],
    droppable: true,
    ownership: { percentOwned: p.percentOwned },
    universeId: 2,
  };
}

function teamRecord(t: SimTeam): Record<string, unknown> {
  return {
    id: t.teamId,
    abbrev: t.abbrev,
    name: t.name,
    owners: t.memberSwid ? [t.memberSwid] : [],
    primaryOwner: t.memberSwid ?? undefined,
    logoType: 'VECTOR',
    waiverRank: t.draftPosition + 1,
  };
}

function memberRecord(t: SimTeam): Record<string, unknown> {
  return {
    id: t.memberSwid,
    displayName: t.member!.displayName,
    firstName: t.member!.firstName,
    lastName: t.member!.lastName,
    isLeagueManager: t.teamId === 1,
    notificationSettings: [],
  };
}
