/**
 * The sports the simulator can run: ESPN's game id and code (protocol.md §2.1, §4.1), the roster
 * template, the player pool and the roster rules. Football is the captured one; basketball,
 * baseball and hockey use names and ids from the public repository cwendt94/espn-api
 * (`espn_api/{basketball,baseball,hockey}/constant.py` and `player.py`), written out here a second
 * time on purpose: the simulator's truth must not borrow the extension's tables, or a wrong map
 * would agree with itself.
 */
import { POSITION_BY_ID, POSITION_LIMITS, SLOT, STARTER_SLOT, rosterTemplateFor, type TemplateSpot } from './espn-ids';
import { generatePlayerPool, type SimPlayer } from './players';
import { generateSportPool, type PoolPosition } from './sport-pool';

export type SportName = 'football' | 'basketball' | 'baseball' | 'hockey';

/** What the roster rules need to know about a sport (rules/roster-spot.ts). */
export interface RosterRules {
  sport: SportName;
  /** defaultPositionId → max on one roster; -1 or absent = no limit. */
  positionLimits: ReadonlyArray<{ positionId: number; max: number }>;
  benchSlot: number;
  irSlot: number | null;
  /** The lineup slot a player fills first. */
  starterSlot(player: SimPlayer): number;
}

export interface Sport {
  name: SportName;
  gameId: number;
  /** REST path code: /apis/v3/games/{code}/… */
  gameCode: 'ffl' | 'fba' | 'flb' | 'fhl';
  rules: RosterRules;
  rosterTemplateFor(rounds: number): TemplateSpot[];
  playerPool(seed: number | string): SimPlayer[];
}

export const FOOTBALL_RULES: RosterRules = {
  sport: 'football',
  positionLimits: POSITION_LIMITS,
  benchSlot: SLOT.BENCH,
  irSlot: SLOT.IR,
  starterSlot: (player) => {
    const position = POSITION_BY_ID[player.defaultPositionId];
    return position ? STARTER_SLOT[position] : -1;
  },
};

/** A sport other than football: each position's first eligible slot is its starter slot. */
function otherSport(
  name: Exclude<SportName, 'football'>,
  gameId: number,
  gameCode: Sport['gameCode'],
  starters: readonly number[],
  benchSlot: number,
  irSlot: number | null,
  positions: readonly PoolPosition[],
  proTeams: ReadonlyArray<readonly [number, string]>,
): Sport {
  const rules: RosterRules = { sport: name, positionLimits: [], benchSlot, irSlot, starterSlot: (player) => player.eligibleSlots[0] ?? -1 };
  return {
    name,
    gameId,
    gameCode,
    rules,
    rosterTemplateFor: (rounds) => {
      if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a positive integer, got ${rounds}`);
      const slots = Array.from({ length: rounds }, (_, i) => starters[i] ?? benchSlot);
      return slots.map((lineupSlotId, i) => ({ spot: i + 1, lineupSlotId }));
    },
    playerPool: (seed) => generateSportPool(seed, name, positions, proTeams),
  };
}

/**
 * Basketball (game 3, fba). Slots: 0 PG, 1 SG, 2 SF, 3 PF, 4 C, 5 G, 6 F, 11 UT, 12 BE, 13 IR.
 * defaultPositionId 1–5 = PG, SG, SF, PF, C (espn-api player.py: POSITION_MAP[id − 1]).
 */
const BASKETBALL = otherSport('basketball', 3, 'fba', [0, 1, 2, 3, 4, 5, 6, 11], 12, 13, [
  { label: 'PG', defaultPositionId: 1, eligibleSlots: [0, 5, 11, 12, 13], count: 40 },
  { label: 'SG', defaultPositionId: 2, eligibleSlots: [1, 5, 11, 12, 13], count: 40 },
  { label: 'SF', defaultPositionId: 3, eligibleSlots: [2, 6, 11, 12, 13], count: 40 },
  { label: 'PF', defaultPositionId: 4, eligibleSlots: [3, 6, 11, 12, 13], count: 40 },
  { label: 'C', defaultPositionId: 5, eligibleSlots: [4, 11, 12, 13], count: 30 },
], [[1, 'ATL'], [2, 'BOS'], [9, 'GSW'], [13, 'LAL'], [14, 'MIA'], [17, 'BKN'], [18, 'NYK'], [20, 'PHL'], [24, 'SAS'], [30, 'CHA']]);

/**
 * Baseball (game 2, flb; the game id is [INFERRED] in protocol.md). Slots: 0 C, 1 1B, 2 2B, 3 3B,
 * 4 SS, 5 OF, 12 UTIL, 13 P, 14 SP, 15 RP, 16 BE, 17 IL. defaultPositionId: 1 SP, 2 C, 3 1B, 4 2B,
 * 5 3B, 6 SS, 7 LF, 8 CF, 9 RF, 10 DH, 11 RP (espn-api DEFAULT_POSITION_MAP).
 */
// Starters in an order that gives even a short test draft pitchers and fielders.
const BASEBALL = otherSport('baseball', 2, 'flb', [14, 0, 1, 5, 15, 4, 2, 3, 5, 5, 12, 14, 15, 13], 16, 17, [
  { label: 'SP', defaultPositionId: 1, eligibleSlots: [14, 13, 16, 17], count: 45 },
  { label: 'C', defaultPositionId: 2, eligibleSlots: [0, 12, 16, 17], count: 16 },
  { label: '1B', defaultPositionId: 3, eligibleSlots: [1, 7, 19, 12, 16, 17], count: 16 },
  { label: '2B', defaultPositionId: 4, eligibleSlots: [2, 6, 19, 12, 16, 17], count: 16 },
  { label: '3B', defaultPositionId: 5, eligibleSlots: [3, 7, 19, 12, 16, 17], count: 16 },
  { label: 'SS', defaultPositionId: 6, eligibleSlots: [4, 6, 19, 12, 16, 17], count: 16 },
  { label: 'LF', defaultPositionId: 7, eligibleSlots: [8, 5, 12, 16, 17], count: 14 },
  { label: 'CF', defaultPositionId: 8, eligibleSlots: [9, 5, 12, 16, 17], count: 14 },
  { label: 'RF', defaultPositionId: 9, eligibleSlots: [10, 5, 12, 16, 17], count: 14 },
  { label: 'DH', defaultPositionId: 10, eligibleSlots: [11, 12, 16, 17], count: 6 },
  { label: 'RP', defaultPositionId: 11, eligibleSlots: [15, 13, 16, 17], count: 40 },
], [[1, 'Bal'], [2, 'Bos'], [10, 'NYY'], [15, 'Atl'], [16, 'ChC'], [19, 'LAD'], [20, 'Wsh'], [24, 'StL'], [26, 'SF'], [30, 'TB']]);

/**
 * Hockey (game 4, fhl). Slots 1 Center, 2 Left Wing, 3 Right Wing, 4 Defense, 5 Goalie. The bench
 * slot's id is [UNKNOWN] (espn-api only guesses at 0, 6, 7, 8); 7 is the simulator's guess. The
 * pool holds the positions whose defaultPositionId espn-api establishes: 2 Center, 3 Left Wing,
 * 4 Defense, 5 Goalie.
 */
const HOCKEY = otherSport('hockey', 4, 'fhl', [1, 2, 4, 4, 5, 1, 2, 4], 7, null, [
  { label: 'Center', defaultPositionId: 2, eligibleSlots: [1, 7], count: 40 },
  { label: 'Left Wing', defaultPositionId: 3, eligibleSlots: [2, 7], count: 40 },
  { label: 'Defense', defaultPositionId: 4, eligibleSlots: [4, 7], count: 50 },
  { label: 'Goalie', defaultPositionId: 5, eligibleSlots: [5, 7], count: 24 },
], [[1, 'Boston Bruins'], [6, 'Edmonton Oilers'], [10, 'Montréal Canadiens'], [13, 'New York Rangers'], [19, 'St. Louis Blues'], [21, 'Toronto Maple Leafs'], [37, 'Vegas Golden Knights'], [124292, 'Seattle Kraken']]);

const FOOTBALL: Sport = {
  name: 'football',
  gameId: 1,
  gameCode: 'ffl',
  rules: FOOTBALL_RULES,
  rosterTemplateFor,
  playerPool: generatePlayerPool,
};

const SPORTS: Readonly<Record<SportName, Sport>> = { football: FOOTBALL, basketball: BASKETBALL, baseball: BASEBALL, hockey: HOCKEY };

export function sportNamed(name: SportName): Sport {
  return SPORTS[name];
}
