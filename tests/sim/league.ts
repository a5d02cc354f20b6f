import type { TemplateSpot } from './espn-ids';
import { Rng } from './rng';
import { sportNamed, type SportName } from './sports';

/** A fantasy team of the simulated league. */
export interface SimTeam {
  teamId: number;
  name: string;
  abbrev: string;
  /** The member's SWID (`{GUID}`, uppercase), or null for an unowned (bot) team. */
  memberSwid: string | null;
  member: { displayName: string; firstName: string; lastName: string } | null;
  /** 0-based position in round 1. */
  draftPosition: number;
  /** The per-member draft security code (negative signed int32, like session A's). */
  securityCode: number;
}

export interface LeagueInfo {
  /** ESPN's game id: 1 football, 3 basketball, 4 hockey, 2 baseball (protocol.md §2.1). */
  gameId: number;
  sport: SportName;
  leagueId: number;
  seasonId: number;
  name: string;
  myTeamId: number;
  /** Team ids in round-1 order. */
  draftOrder: number[];
  rounds: number;
  rosterTemplate: TemplateSpot[];
  teams: SimTeam[];
  privateLeague: boolean;
  /** Value of the `espn_s2` cookie the draft page sets (a fake). */
  espnS2: string;
}

/** Team names that exercise CSV quoting and HTML escaping. */
const TEAM_NAMES: Array<[string, string]> = [
  ['Gridiron Gurus', 'GG'],
  ['The "Real" Deal', 'REAL'],
  ['Smith, Jones & Co.', 'SJC'],
  ["D'Andre's Dynasty", 'DAD'],
  ['Ünïcödé Underdogs', 'UU'],
  ['<b>Bold</b> Moves', 'BOLD'],
  ['Fourth & Long', '4TH'],
  ['Kick, Punt "n" Pray', 'KPP'],
  ['Waiver Wire Warriors', 'WWW'],
  ['Sunday Funday', 'SUN'],
  ['Red Zone Regulars', 'RZR'],
  ['Hail Mary Heroes', 'HMH'],
  ["O'Brien's Blitz", 'OBB'],
  ['Pipe | Dreams', 'PIPE'],
];

const MEMBER_FIRST = ['Alex', 'Blair', 'Casey', 'Devon', 'Emery', 'Finley', 'Gray', 'Harper', 'Indy', 'Jordan', 'Kai', 'Logan', 'Morgan', 'Noel'];
const MEMBER_LAST = ['Avery', 'Brooks', 'Chen', 'Diaz', 'Evans', "O'Malley", 'Garcia', 'Hughes', 'Ito', 'Jones', 'Kim', 'Lopez', 'Moreau', 'Nakamura'];

/** `{00000000-0000-4000-8000-0000000000NN}` with NN = the team id (the fixtures' scheme). */
export function swidForTeam(teamId: number): string {
  return `{00000000-0000-4000-8000-${String(teamId).padStart(12, '0')}}`;
}

export interface LeagueSetup {
  seed: number | string;
  leagueId: number;
  seasonId: number;
  teams: number;
  rounds: number;
  myTeamId: number;
  draftOrder?: number[];
  unownedTeamIds: number[];
  privateLeague: boolean;
  leagueName?: string;
  /** Default football. */
  sport?: SportName;
}

export function createLeague(setup: LeagueSetup): LeagueInfo {
  const { teams: n, myTeamId } = setup;
  if (!Number.isInteger(n) || n < 2 || n > 20) throw new RangeError(`teams must be 2..20, got ${n}`);
  if (!Number.isInteger(myTeamId) || myTeamId < 1 || myTeamId > n) throw new RangeError(`myTeamId must be 1..${n}, got ${myTeamId}`);
  if (!Number.isInteger(setup.leagueId) || setup.leagueId < 1 || setup.leagueId > 0x7fffffff) {
    throw new RangeError(`leagueId must be a positive int32, got ${setup.leagueId}`);
  }
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  const draftOrder = setup.draftOrder ?? ids;
  if (draftOrder.length !== n || [...draftOrder].sort((a, b) => a - b).some((t, i) => t !== i + 1)) {
    throw new RangeError(`draftOrder must be a permutation of 1..${n}`);
  }
  if (setup.unownedTeamIds.includes(myTeamId)) throw new RangeError('my team cannot be unowned');

  const rng = new Rng(setup.seed).fork('league');
  const teams: SimTeam[] = ids.map((teamId) => {
    const [name, abbrev] = TEAM_NAMES[teamId - 1] ?? [`Team ${teamId}`, `T${teamId}`];
    const owned = !setup.unownedTeamIds.includes(teamId);
    const first = MEMBER_FIRST[(teamId - 1) % MEMBER_FIRST.length]!;
    const last = MEMBER_LAST[(teamId * 7) % MEMBER_LAST.length]!;
    return {
      teamId,
      name,
      abbrev,
      memberSwid: owned ? swidForTeam(teamId) : null,
      member: owned ? { displayName: `${first.toLowerCase()}${last.replace(/\W/g, '').toLowerCase()}${teamId}`, firstName: first, lastName: last } : null,
      draftPosition: draftOrder.indexOf(teamId),
      securityCode: -rng.int(100_000_000, 0x7fffffff),
    };
  });

  let espnS2 = 'AE';
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 180; i++) espnS2 += i % 37 === 36 ? '%2B' : alphabet[rng.int(0, alphabet.length - 1)];

  const sport = sportNamed(setup.sport ?? 'football');
  return {
    gameId: sport.gameId,
    sport: sport.name,
    leagueId: setup.leagueId,
    seasonId: setup.seasonId,
    name: setup.leagueName ?? 'Draft Watch "Sim" League, 2-QB-free',
    myTeamId,
    draftOrder,
    rounds: setup.rounds,
    rosterTemplate: sport.rosterTemplateFor(setup.rounds),
    teams,
    privateLeague: setup.privateLeague,
    espnS2,
  };
}


export function joinToken(league: LeagueInfo, teamId: number): string | null {
  const team = league.teams.find((t) => t.teamId === teamId);
  if (!team?.memberSwid) return null;
  return `${league.gameId}:${league.leagueId}:${teamId}:${team.memberSwid}:${team.securityCode}`;
}
