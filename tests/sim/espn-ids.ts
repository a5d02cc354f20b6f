/** ESPN football id maps used by the simulator (protocol.md §4.4). */

export type PositionLabel = 'QB' | 'RB' | 'WR' | 'TE' | 'K' | 'D/ST';

/** defaultPositionId per position. */
export const POSITION_ID: Record<PositionLabel, number> = { QB: 1, RB: 2, WR: 3, TE: 4, K: 5, 'D/ST': 16 };

export const POSITION_BY_ID: Record<number, PositionLabel> = { 1: 'QB', 2: 'RB', 3: 'WR', 4: 'TE', 5: 'K', 16: 'D/ST' };

/** lineupSlotIds (espn-api POSITION_MAP). */
export const SLOT = {
  QB: 0,
  RB: 2,
  RB_WR: 3,
  WR: 4,
  WR_TE: 5,
  TE: 6,
  OP: 7,
  DST: 16,
  K: 17,
  BENCH: 20,
  IR: 21,
  FLEX: 23,
} as const;

/** The starter slot a position fills first. */
export const STARTER_SLOT: Record<PositionLabel, number> = {
  QB: SLOT.QB,
  RB: SLOT.RB,
  WR: SLOT.WR,
  TE: SLOT.TE,
  K: SLOT.K,
  'D/ST': SLOT.DST,
};

/** eligibleSlots as ESPN's player records carry them. */
export const ELIGIBLE_SLOTS: Record<PositionLabel, number[]> = {
  QB: [0, 7, 20, 21],
  RB: [2, 3, 23, 7, 20, 21],
  WR: [3, 4, 5, 23, 7, 20, 21],
  TE: [5, 6, 23, 7, 20, 21],
  K: [17, 20, 21],
  'D/ST': [16, 20, 21],
};

/** ESPN default football position limits (positionId → max, -1 = none), as in the captured INIT. */
export const POSITION_LIMITS: Array<{ positionId: number; max: number }> = Array.from({ length: 18 }, (_, id) => ({
  positionId: id,
  max: ({ 0: 0, 1: 4, 2: 8, 3: 8, 4: 3, 5: 3, 16: 3 } as Record<number, number>)[id] ?? -1,
}));

export interface ProTeam {
  id: number;
  abbrev: string;
  /** Used for D/ST names, e.g. "Rams D/ST". */
  nickname: string;
}

export const PRO_TEAMS: ProTeam[] = [
  { id: 1, abbrev: 'ATL', nickname: 'Falcons' },
  { id: 2, abbrev: 'BUF', nickname: 'Bills' },
  { id: 3, abbrev: 'CHI', nickname: 'Bears' },
  { id: 4, abbrev: 'CIN', nickname: 'Bengals' },
  { id: 5, abbrev: 'CLE', nickname: 'Browns' },
  { id: 6, abbrev: 'DAL', nickname: 'Cowboys' },
  { id: 7, abbrev: 'DEN', nickname: 'Broncos' },
  { id: 8, abbrev: 'DET', nickname: 'Lions' },
  { id: 9, abbrev: 'GB', nickname: 'Packers' },
  { id: 10, abbrev: 'TEN', nickname: 'Titans' },
  { id: 11, abbrev: 'IND', nickname: 'Colts' },
  { id: 12, abbrev: 'KC', nickname: 'Chiefs' },
  { id: 13, abbrev: 'LV', nickname: 'Raiders' },
  { id: 14, abbrev: 'LAR', nickname: 'Rams' },
  { id: 15, abbrev: 'MIA', nickname: 'Dolphins' },
  { id: 16, abbrev: 'MIN', nickname: 'Vikings' },
  { id: 17, abbrev: 'NE', nickname: 'Patriots' },
  { id: 18, abbrev: 'NO', nickname: 'Saints' },
  { id: 19, abbrev: 'NYG', nickname: 'Giants' },
  { id: 20, abbrev: 'NYJ', nickname: 'Jets' },
  { id: 21, abbrev: 'PHI', nickname: 'Eagles' },
  { id: 22, abbrev: 'ARI', nickname: 'Cardinals' },
  { id: 23, abbrev: 'PIT', nickname: 'Steelers' },
  { id: 24, abbrev: 'LAC', nickname: 'Chargers' },
  { id: 25, abbrev: 'SF', nickname: '49ers' },
  { id: 26, abbrev: 'SEA', nickname: 'Seahawks' },
  { id: 27, abbrev: 'TB', nickname: 'Buccaneers' },
  { id: 28, abbrev: 'WSH', nickname: 'Commanders' },
  { id: 29, abbrev: 'CAR', nickname: 'Panthers' },
  { id: 30, abbrev: 'JAX', nickname: 'Jaguars' },
  { id: 33, abbrev: 'BAL', nickname: 'Ravens' },
  { id: 34, abbrev: 'HOU', nickname: 'Texans' },
];

export const PRO_TEAM_BY_ID: Map<number, ProTeam> = new Map(PRO_TEAMS.map((t) => [t.id, t]));

export function proTeamAbbrev(proTeamId: number): string {
  return PRO_TEAM_BY_ID.get(proTeamId)?.abbrev ?? 'FA';
}

/** D/ST player id = -16000 - proTeamId. */
export function dstPlayerId(proTeamId: number): number {
  return -16000 - proTeamId;
}

/** A roster template entry: 1-based spot → lineupSlotId. */
export interface TemplateSpot {
  spot: number;
  lineupSlotId: number;
}

/** The captured standard template: QB, RB, RB, WR, WR, TE, FLEX, D/ST, K, then bench. */
const STANDARD_STARTERS = [SLOT.QB, SLOT.RB, SLOT.RB, SLOT.WR, SLOT.WR, SLOT.TE, SLOT.FLEX, SLOT.DST, SLOT.K];
/** Which starters survive when a (test) draft has fewer rounds than starters. */
const STARTER_PRIORITY = [SLOT.QB, SLOT.RB, SLOT.WR, SLOT.TE, SLOT.FLEX, SLOT.RB, SLOT.WR, SLOT.K, SLOT.DST];

/**
 * A roster template with one spot per round (ESPN: pick slots = teams × template length).
 * 16 rounds gives the captured template exactly.
 */
export function rosterTemplateFor(rounds: number): TemplateSpot[] {
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a positive integer, got ${rounds}`);
  let slots: number[];
  if (rounds >= STANDARD_STARTERS.length) {
    slots = [...STANDARD_STARTERS, ...Array<number>(rounds - STANDARD_STARTERS.length).fill(SLOT.BENCH)];
  } else {
    // Keep ESPN's canonical order among the surviving starters.
    const keep = STARTER_PRIORITY.slice(0, rounds);
    const remaining = [...keep];
    slots = [];
    for (const s of STANDARD_STARTERS) {
      const i = remaining.indexOf(s);
      if (i >= 0) {
        slots.push(s);
        remaining.splice(i, 1);
      }
    }
  }
  return slots.map((lineupSlotId, i) => ({ spot: i + 1, lineupSlotId }));
}

/** lineupSlotCounts for REST rosterSettings. */
export function lineupSlotCounts(template: TemplateSpot[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24]) counts[String(id)] = 0;
  for (const s of template) counts[String(s.lineupSlotId)] = (counts[String(s.lineupSlotId)] ?? 0) + 1;
  return counts;
}

/** The captured PPR scoring rules subset (statId → points). */
export const SCORING_ITEMS: Array<{ statId: number; points: number }> = [
  { statId: 3, points: 0.04 },
  { statId: 4, points: 4 },
  { statId: 19, points: 2 },
  { statId: 20, points: -2 },
  { statId: 24, points: 0.1 },
  { statId: 25, points: 6 },
  { statId: 26, points: 2 },
  { statId: 42, points: 0.1 },
  { statId: 43, points: 6 },
  { statId: 44, points: 2 },
  { statId: 53, points: 1 },
  { statId: 72, points: -2 },
  { statId: 74, points: 5 },
  { statId: 77, points: 4 },
  { statId: 80, points: 3 },
  { statId: 85, points: -1 },
  { statId: 86, points: 1 },
  { statId: 89, points: 5 },
  { statId: 95, points: 2 },
  { statId: 96, points: 2 },
  { statId: 97, points: 2 },
  { statId: 98, points: 2 },
  { statId: 99, points: 1 },
  { statId: 101, points: 6 },
  { statId: 102, points: 6 },
  { statId: 103, points: 6 },
  { statId: 104, points: 6 },
  { statId: 123, points: 1 },
  { statId: 124, points: 2 },
  { statId: 198, points: 2 },
];
