// ESPN id maps (protocol.md §2.1, §4.1, §4.4). Slot, position and pro-team maps are football's;
// the other sports have their own maps that were not extracted, so lookups for them return null.

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

function footballOnly(map: Readonly<Record<number, string>>, id: number, game: string): string | null {
  return game === 'ffl' ? (map[id] ?? null) : null;
}

/** Label of an ESPN `lineupSlotId` (what a roster spot accepts), e.g. 23 → FLEX. */
export function lineupSlotLabel(lineupSlotId: number, game: string = 'ffl'): string | null {
  return footballOnly(FOOTBALL_LINEUP_SLOTS, lineupSlotId, game);
}

/** Label of a player's `defaultPositionId`, e.g. 16 → D/ST. */
export function positionLabel(defaultPositionId: number, game: string = 'ffl'): string | null {
  return footballOnly(FOOTBALL_POSITIONS, defaultPositionId, game);
}

export function proTeamAbbrev(proTeamId: number, game: string = 'ffl'): string | null {
  return footballOnly(FOOTBALL_PRO_TEAMS, proTeamId, game);
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
 * Basketball, baseball and hockey slot, position and pro-team maps are [UNKNOWN] here: the shared
 * protocol notes give football's only (protocol.md §4.4 points to espn-api's per-sport constants,
 * not extracted). Rather than show a football label for another sport's id, or nothing at all,
 * those sports show the numeric ESPN id as text, e.g. "3". Football keeps its labels, and null
 * for an id outside its documented map.
 */
export function hasDocumentedIdMaps(game: string): boolean {
  return game === 'ffl';
}

export function positionName(defaultPositionId: number, game: string): string | null {
  return hasDocumentedIdMaps(game) ? positionLabel(defaultPositionId, game) : String(defaultPositionId);
}

export function proTeamName(proTeamId: number, game: string): string | null {
  return hasDocumentedIdMaps(game) ? proTeamAbbrev(proTeamId, game) : String(proTeamId);
}

export function lineupSlotName(lineupSlotId: number, game: string): string | null {
  return hasDocumentedIdMaps(game) ? lineupSlotLabel(lineupSlotId, game) : String(lineupSlotId);
}
