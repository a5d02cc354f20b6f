import { BASEBALL, BASKETBALL, HOCKEY, type SportIdMaps } from './sport-id-maps';

// ESPN id maps (protocol.md §2.1, §4.1, §4.4). Football's slot, position and pro-team maps are
// here; basketball's, baseball's and hockey's come from espn-api (sport-id-maps.ts).

export type GameCode = 'ffl' | 'flb' | 'fba' | 'fhl';
export type SportPath = 'football' | 'baseball' | 'basketball' | 'hockey';

const GAME_CODE_BY_ID: Readonly<Record<number, GameCode>> = {
  1: 'ffl', // captured
  2: 'flb', // [INFERRED, unverified] no baseball socket was ever seen
  3: 'fba', // sourced
  4: 'fhl', // sourced (REST gameId); the socket path is inferred
};

const GAME_CODE_BY_SPORT: Readonly<Record<SportPath, GameCode>> = {
  football: 'ffl',
  baseball: 'flb',
  basketball: 'fba',
  hockey: 'fhl',
};

export function gameCodeOfGameId(gameId: number): GameCode | null {
  return GAME_CODE_BY_ID[gameId] ?? null;
}

export function gameIdOfGameCode(code: string): number | null {
  const entry = Object.entries(GAME_CODE_BY_ID).find(([, c]) => c === code);
  return entry ? Number(entry[0]) : null;
}

/** `football` in `fantasy.espn.com/football/draft` → `ffl`. */
export function gameCodeOfSportPath(path: string): GameCode | null {
  return Object.hasOwn(GAME_CODE_BY_SPORT, path) ? GAME_CODE_BY_SPORT[path as SportPath] : null;
}

export function sportPathOfGameCode(code: string): SportPath | null {
  const entry = Object.entries(GAME_CODE_BY_SPORT).find(([, c]) => c === code);
  return entry ? (entry[0] as SportPath) : null;
}

const FOOTBALL_LINEUP_SLOTS: Readonly<Record<number, string>> = {
  0: 'QB', 1: 'TQB', 2: 'RB', 3: 'RB/WR', 4: 'WR', 5: 'WR/TE', 6: 'TE', 7: 'OP', 8: 'DT',
  9: 'DE', 10: 'LB', 11: 'DL', 12: 'CB', 13: 'S', 14: 'DB', 15: 'DP', 16: 'D/ST', 17: 'K',
  18: 'P', 19: 'HC', 20: 'BE', 21: 'IR', 23: 'FLEX', 24: 'ER', 25: 'Rookie',
};

const FOOTBALL_POSITIONS: Readonly<Record<number, string>> = {
  1: 'QB', 2: 'RB', 3: 'WR', 4: 'TE', 5: 'K', 16: 'D/ST',
};

const FOOTBALL_PRO_TEAMS: Readonly<Record<number, string>> = {
  0: 'FA', 1: 'ATL', 2: 'BUF', 3: 'CHI', 4: 'CIN', 5: 'CLE', 6: 'DAL', 7: 'DEN', 8: 'DET',
  9: 'GB', 10: 'TEN', 11: 'IND', 12: 'KC', 13: 'LV', 14: 'LAR', 15: 'MIA', 16: 'MIN',
  17: 'NE', 18: 'NO', 19: 'NYG', 20: 'NYJ', 21: 'PHI', 22: 'ARI', 23: 'PIT', 24: 'LAC',
  25: 'SF', 26: 'SEA', 27: 'TB', 28: 'WSH', 29: 'CAR', 30: 'JAX', 33: 'BAL', 34: 'HOU',
};

const FOOTBALL: SportIdMaps = { lineupSlots: FOOTBALL_LINEUP_SLOTS, positions: FOOTBALL_POSITIONS, proTeams: FOOTBALL_PRO_TEAMS };

const ID_MAPS_BY_GAME: Readonly<Record<GameCode, SportIdMaps>> = { ffl: FOOTBALL, fba: BASKETBALL, flb: BASEBALL, fhl: HOCKEY };

/** The sport's maps; null for a game code we do not know (never another sport's labels). */
function idMapsOf(game: string): SportIdMaps | null {
  return Object.hasOwn(ID_MAPS_BY_GAME, game) ? ID_MAPS_BY_GAME[game as GameCode] : null;
}

function labelIn(pick: (maps: SportIdMaps) => Readonly<Record<number, string>>, id: number, game: string): string | null {
  const maps = idMapsOf(game);
  if (!maps) return null;
  const table = pick(maps);
  return Object.hasOwn(table, id) ? (table[id] ?? null) : null;
}

/** Label of an ESPN `lineupSlotId` (what a roster spot accepts), e.g. 23 → FLEX; null when unknown. */
export function lineupSlotLabel(lineupSlotId: number, game: string = 'ffl'): string | null {
  return labelIn((m) => m.lineupSlots, lineupSlotId, game);
}

/** Label of a player's `defaultPositionId`, e.g. 16 → D/ST; null when unknown. */
export function positionLabel(defaultPositionId: number, game: string = 'ffl'): string | null {
  return labelIn((m) => m.positions, defaultPositionId, game);
}

export function proTeamAbbrev(proTeamId: number, game: string = 'ffl'): string | null {
  return labelIn((m) => m.proTeams, proTeamId, game);
}

/** Team defenses are pseudo-players with id −16000 − proTeamId (e.g. −16034 = HOU D/ST). */
const DEFENSE_ID_BASE = -16000;
/** Wide enough for future franchises; real proTeamIds stop at 34. */
const MAX_PRO_TEAM_ID = 99;

export function proTeamOfDefense(playerId: number): number | null {
  const proTeamId = DEFENSE_ID_BASE - playerId;
  return Number.isInteger(proTeamId) && proTeamId >= 1 && proTeamId <= MAX_PRO_TEAM_ID ? proTeamId : null;
}

export function isDefensePlayerId(playerId: number): boolean {
  return proTeamOfDefense(playerId) !== null;
}

export function defensePlayerId(proTeamId: number): number {
  return DEFENSE_ID_BASE - proTeamId;
}

/**
 * What the pick log shows. Football keeps its labels, and null for an id outside its documented
 * map (as it always has). For the other sports an id the source did not establish is shown as the
 * number itself, e.g. "1" for hockey's defaultPositionId 1: unknown, but not lost, and never a
 * label borrowed from another sport.
 */
function nameOrNumber(label: string | null, id: number, game: string): string | null {
  return label ?? (game === 'ffl' ? null : String(id));
}

export function positionName(defaultPositionId: number, game: string): string | null {
  return nameOrNumber(positionLabel(defaultPositionId, game), defaultPositionId, game);
}

export function proTeamName(proTeamId: number, game: string): string | null {
  return nameOrNumber(proTeamAbbrev(proTeamId, game), proTeamId, game);
}

export function lineupSlotName(lineupSlotId: number, game: string): string | null {
  return nameOrNumber(lineupSlotLabel(lineupSlotId, game), lineupSlotId, game);
}
