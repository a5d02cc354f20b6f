import {
  ELIGIBLE_SLOTS,
  POSITION_ID,
  PRO_TEAMS,
  dstPlayerId,
  proTeamAbbrev,
  type PositionLabel,
} from './espn-ids';
import { Rng } from './rng';

/** One player of the simulated pool, shaped like ESPN's `players_wl` records plus ranking data. */
export interface SimPlayer {
  id: number;
  fullName: string;
  firstName: string;
  lastName: string;
  /** As ESPN names the defaultPositionId in this sport, e.g. WR, PG, SP, Center. */
  position: string;
  defaultPositionId: number;
  proTeamId: number;
  /** As ESPN shows the pro team, e.g. "CIN" ("FA" for none), "Bos", "Boston Bruins". */
  proTeam: string;
  eligibleSlots: number[];
  /** 1-based overall rank (ESPN's PPR rank); the engine drafts roughly in this order. */
  rank: number;
  averageDraftPosition: number;
  percentOwned: number;
}

/**
 * Hand-placed players: realistic ids (7 and 5 digits) and names that exercise CSV/HTML escaping
 * (apostrophes, double quotes, commas, hyphens, periods, non-ASCII). `rank` places them near the
 * top so even short test drafts pick most of them.
 */
const SPECIALS: Array<{ id: number; first: string; last: string; pos: PositionLabel; team: number; rank: number }> = [
  { id: 4362628, first: "Ja'Marr", last: 'Chase', pos: 'WR', team: 4, rank: 1 },
  { id: 4430807, first: 'Bijan', last: 'Robinson', pos: 'RB', team: 1, rank: 2 },
  { id: 4890123, first: 'Kenny', last: 'O"Neil, Jr.', pos: 'RB', team: 19, rank: 3 },
  { id: 16800, first: 'Davante', last: 'Adamsson', pos: 'WR', team: 14, rank: 5 },
  { id: 4374302, first: 'Amon-Ra', last: 'St. Brown', pos: 'WR', team: 8, rank: 6 },
  { id: 4429795, first: "D'Andre", last: 'Swiftwater', pos: 'RB', team: 3, rank: 8 },
  { id: 15847, first: 'Travis', last: 'Kelcey', pos: 'TE', team: 12, rank: 14 },
  { id: 4432773, first: 'Brian', last: 'Thomas Jr.', pos: 'WR', team: 30, rank: 16 },
  { id: 3918298, first: 'Josh', last: 'Allenby', pos: 'QB', team: 2, rank: 19 },
  { id: 4596448, first: 'Bucky', last: "Irving-O'Hara", pos: 'RB', team: 27, rank: 23 },
  { id: 14876, first: 'Renée', last: 'Müller', pos: 'WR', team: 21, rank: 27 },
  { id: 16737, first: 'Mike', last: 'Evanston', pos: 'WR', team: 27, rank: 33 },
  { id: 15683, first: 'Justin', last: 'Tuckerman', pos: 'K', team: 33, rank: 0 },
  { id: 17427, first: 'Harrison', last: 'Butkerson', pos: 'K', team: 12, rank: 0 },
];

const FIRST = [
  'Aaron', 'Bryce', 'Caleb', 'Dallas', 'Elijah', 'Felix', 'Garrett', 'Hunter', 'Isaiah', 'Jalen',
  'Keenan', 'Lamar', 'Marcus', 'Nate', 'Omar', 'Parker', 'Quinn', 'Rashad', 'Sam', 'Tyrell',
  'Ulysses', 'Vince', 'Wyatt', 'Xavier', 'Yusuf', 'Zach', 'Andre', 'Brock', 'Cedric', 'Deon',
  'Emeka', 'Frank', 'Geno', "Tre'Veon", 'Jaxon', 'Kyren', 'Luther', 'Malik', 'Noah', 'Otis',
];
const LAST = [
  'Anderson', 'Barnes', 'Carter', 'Dawson', 'Ellis', 'Fletcher', 'Grant', 'Hayes', 'Irwin', 'Jennings',
  'Kincaid', 'Lockett', 'Mason', 'Nolan', 'Owens', 'Pruitt', 'Quarles', 'Reed', 'Sutton', 'Tate',
  'Underwood', 'Vaughn', 'Whitfield', 'Yates', 'Zimmer', 'Bell', 'Crowder', 'Dupree', 'Easton', 'Ford',
  'Gibbs', 'Holloway', 'Ingram', 'Jeffries', 'Kamara', 'Lowe', 'Mims', 'Nix', 'Oliver', 'Payne',
  "D'Amato", 'McAllister', 'Van Dyke', 'LeBlanc', 'St. James', 'Smith-Njigba', 'Harris II', 'Walker III',
];

/** How many players of each position the pool holds (D/ST: one per pro team). */
const COUNTS: Record<Exclude<PositionLabel, 'D/ST'>, number> = { QB: 36, RB: 84, WR: 104, TE: 36, K: 32 };

/** Value curves: base × decay^i (+ noise). K and D/ST sit low so they go late, as in real drafts. */
const CURVE: Record<PositionLabel, [number, number]> = {
  QB: [236, 0.966],
  RB: [300, 0.968],
  WR: [305, 0.971],
  TE: [215, 0.93],
  K: [128, 0.986],
  'D/ST': [124, 0.986],
};

/**
 * Deterministic pool of ~330 football players for a seed. Same seed, same pool (ids, names,
 * ranks). Player ids are unique; D/ST ids are -16000 - proTeamId.
 */
export function generatePlayerPool(seed: number | string): SimPlayer[] {
  const rng = new Rng(seed).fork('players');
  const usedIds = new Set<number>(SPECIALS.map((s) => s.id));
  const usedNames = new Set<string>(SPECIALS.map((s) => `${s.first} ${s.last}`));
  const proTeamIds = PRO_TEAMS.map((t) => t.id);

  type Draft = Omit<SimPlayer, 'rank' | 'averageDraftPosition' | 'percentOwned' | 'position'> & { position: PositionLabel; value: number; fixedRank: number };
  const draft: Draft[] = [];

  const make = (id: number, first: string, last: string, pos: PositionLabel, proTeamId: number, value: number, fixedRank = 0): Draft => ({
    id,
    fullName: last ? `${first} ${last}` : first,
    firstName: first,
    lastName: last,
    position: pos,
    defaultPositionId: POSITION_ID[pos],
    proTeamId,
    proTeam: proTeamAbbrev(proTeamId),
    eligibleSlots: [...ELIGIBLE_SLOTS[pos]],
    value,
    fixedRank,
  });

  const value = (pos: PositionLabel, i: number): number => {
    const [base, decay] = CURVE[pos];
    return base * Math.pow(decay, i) * rng.range(0.95, 1.05);
  };

  const freshId = (fiveDigit: boolean): number => {
    for (;;) {
      const id = fiveDigit ? rng.int(10000, 19999) : rng.int(2_500_000, 4_999_999);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const freshName = (): [string, string] => {
    for (;;) {
      const first = rng.pick(FIRST);
      const last = rng.pick(LAST);
      const key = `${first} ${last}`;
      if (!usedNames.has(key)) {
        usedNames.add(key);
        return [first, last];
      }
    }
  };

  for (const s of SPECIALS) draft.push(make(s.id, s.first, s.last, s.pos, s.team, 0, s.rank));

  for (const pos of Object.keys(COUNTS) as Array<keyof typeof COUNTS>) {
    const already = SPECIALS.filter((s) => s.pos === pos).length;
    for (let i = 0; i < COUNTS[pos] - already; i++) {
      const [first, last] = freshName();
      // About one player in 25 carries an old 5-digit ESPN id.
      draft.push(make(freshId(rng.chance(0.04)), first, last, pos, rng.pick(proTeamIds), value(pos, i + already)));
    }
  }
  for (const [i, t] of rng.shuffle(PRO_TEAMS).entries()) {
    draft.push(make(dstPlayerId(t.id), `${t.nickname} D/ST`, '', 'D/ST', t.id, value('D/ST', i)));
    // ESPN's D/ST records: firstName = nickname, lastName = "D/ST".
    const d = draft[draft.length - 1] as Draft;
    d.firstName = t.nickname;
    d.lastName = 'D/ST';
  }
  // Specials whose rank is 0 (kickers) get a curve value like any other player.
  for (const d of draft) if (d.fixedRank === 0 && d.value === 0) d.value = value(d.position, rng.int(0, 4));

  // Rank by value, then slot the fixed-rank specials in at their ranks.
  const floating = draft.filter((d) => d.fixedRank === 0).sort((a, b) => b.value - a.value || a.id - b.id);
  const fixed = draft.filter((d) => d.fixedRank > 0).sort((a, b) => a.fixedRank - b.fixedRank);
  const ordered: Draft[] = [...floating];
  for (const f of fixed) ordered.splice(Math.min(f.fixedRank - 1, ordered.length), 0, f);

  return ordered.map((d, i) => {
    const { value: _v, fixedRank: _f, ...rest } = d;
    const rank = i + 1;
    return {
      ...rest,
      rank,
      averageDraftPosition: Math.max(1, Math.round((rank + rng.range(-2, 2)) * 10) / 10),
      percentOwned: Math.max(0.1, Math.round((100 - rank * 0.3) * 100) / 100),
    };
  });
}
