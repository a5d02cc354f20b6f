import type { SimPlayer } from './players';
import { Rng } from './rng';

/** One position of a sport's pool: its name, ESPN's defaultPositionId, and the slots it fits (starter first). */
export interface PoolPosition {
  label: string;
  defaultPositionId: number;
  eligibleSlots: readonly number[];
  count: number;
}

const FIRST = ['Andre', 'Bo', 'Cole', 'Dario', 'Émile', 'Femi', 'Gus', 'Hideo', 'Ilya', 'Jalen', 'Kenji', 'Luka', 'Mateo', 'Nikola', 'Oskar', "De'Aaron"];
const LAST = ['Adeyemi', 'Brooks', "O'Neal", 'Dončić', 'Ellis-Grant', 'Fox', 'García', 'Hayes', 'Ivanov', 'Jokić', 'Kim', 'Lindqvist', 'Moreno', 'Nakamura', 'Okafor', 'St. Pierre'];

/**
 * A deterministic pool for a sport other than football: `count` players per position, seven-digit
 * ids, names that exercise escaping, pro teams drawn from `proTeams` (id, name as ESPN shows it),
 * ranked by a seeded value so a draft takes a realistic mix.
 */
export function generateSportPool(
  seed: number | string,
  sport: string,
  positions: readonly PoolPosition[],
  proTeams: ReadonlyArray<readonly [number, string]>,
): SimPlayer[] {
  const rng = new Rng(seed).fork(`players-${sport}`);
  const usedIds = new Set<number>();
  const usedNames = new Set<string>();
  const valued: Array<{ player: Omit<SimPlayer, 'rank' | 'averageDraftPosition' | 'percentOwned'>; value: number }> = [];
  for (const position of positions) {
    for (let i = 0; i < position.count; i++) {
      let id = rng.int(3_000_000, 4_999_999);
      while (usedIds.has(id)) id = rng.int(3_000_000, 4_999_999);
      usedIds.add(id);
      let first = rng.pick(FIRST);
      let last = rng.pick(LAST);
      while (usedNames.has(`${first} ${last}`)) [first, last] = [rng.pick(FIRST), `${rng.pick(LAST)}-${rng.pick(LAST)}`];
      usedNames.add(`${first} ${last}`);
      const [proTeamId, proTeam] = rng.pick(proTeams);
      valued.push({
        player: {
          id,
          fullName: `${first} ${last}`,
          firstName: first,
          lastName: last,
          position: position.label,
          defaultPositionId: position.defaultPositionId,
          proTeamId,
          proTeam,
          eligibleSlots: [...position.eligibleSlots],
        },
        value: 300 * Math.pow(0.97, i) * rng.range(0.9, 1.1),
      });
    }
  }
  valued.sort((a, b) => b.value - a.value || a.player.id - b.player.id);
  return valued.map(({ player }, i) => ({
    ...player,
    rank: i + 1,
    averageDraftPosition: i + 1,
    percentOwned: Math.max(0.1, Math.round((100 - (i + 1) * 0.3) * 100) / 100),
  }));
}
