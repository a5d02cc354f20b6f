import { SLOT, type TemplateSpot } from '../espn-ids';
import type { RosterRules } from '../sports';
import type { SimPlayer } from '../players';
import { hasOpenStarter, spotFor, type RosterState } from './roster-spot';

/** The player pool as the rules see it: ranked players and the ones already taken. */
export interface PoolView {
  /** Best first. */
  players: readonly SimPlayer[];
  playersById: ReadonlyMap<number, SimPlayer>;
  drafted: ReadonlySet<number>;
  /** The sport's roster rules; football's when absent. */
  rules?: RosterRules;
}

/** Best available players for a team, realistic first (no early K/D/ST, no 3rd QB), then any legal. */
export function bestFor(template: readonly TemplateSpot[], pool: PoolView, team: RosterState, n: number): SimPlayer[] {
  const picksLeft = team.roster.filter((x) => x === null).length;
  const lateRounds = picksLeft <= 3;
  const count = (p: SimPlayer): number => team.counts.get(p.defaultPositionId) ?? 0;
  // Football's habits (K and D/ST last, two QBs at most); other sports only cap a position at six.
  const football = (pool.rules?.sport ?? 'football') === 'football';
  const preferred: SimPlayer[] = [];
  const legal: SimPlayer[] = [];
  for (const p of pool.players) {
    if (pool.drafted.has(p.id)) continue;
    if (spotFor(template, team, p, pool.rules) === null) continue;
    if (legal.length < n) legal.push(p);
    let ok = true;
    if (football && (p.position === 'K' || p.position === 'D/ST')) ok = lateRounds && count(p) === 0;
    else if (football && (p.position === 'QB' || p.position === 'TE')) ok = count(p) < 2;
    else ok = count(p) < 6;
    // Leave room for the K and D/ST starters at the end.
    const kOpen = football && hasOpenStarter(template, team, SLOT.K) ? 1 : 0;
    const dOpen = football && hasOpenStarter(template, team, SLOT.DST) ? 1 : 0;
    if (ok && football && p.position !== 'K' && p.position !== 'D/ST' && picksLeft <= kOpen + dOpen) ok = false;
    if (ok) {
      preferred.push(p);
      if (preferred.length >= n) break;
    }
  }
  return preferred.length > 0 ? preferred : legal;
}

/** How often a human takes the 1st, 2nd, 3rd or 4th best available player. */
const HUMAN_CHOICE_WEIGHTS = [0.5, 0.25, 0.15, 0.1];

/** A human's pick among the best four; `draw` is one uniform number in [0, 1). */
export function chooseHuman(template: readonly TemplateSpot[], pool: PoolView, team: RosterState, draw: number): SimPlayer {
  const options = bestFor(template, pool, team, HUMAN_CHOICE_WEIGHTS.length);
  const weights = HUMAN_CHOICE_WEIGHTS.slice(0, options.length);
  const total = weights.reduce((a, b) => a + b, 0);
  let r = draw * total;
  for (let i = 0; i < options.length; i++) {
    r -= weights[i]!;
    if (r < 0) return options[i]!;
  }
  const last = options[options.length - 1];
  if (!last) throw new Error('player pool exhausted');
  return last;
}

/**
 * Who ESPN would autopick for a team now: the top of its queue still legal, else its best legal
 * player; for an unknown team, the best available player. -1 when nobody is left.
 */
export function autosuggest(
  template: readonly TemplateSpot[],
  pool: PoolView,
  team: (RosterState & { queue: readonly number[] }) | undefined,
): number {
  const firstAvailable = (): number => pool.players.find((p) => !pool.drafted.has(p.id))?.id ?? -1;
  if (!team) return firstAvailable();
  const queued = team.queue.find((id) => {
    const p = pool.playersById.get(id);
    return p !== undefined && !pool.drafted.has(id) && spotFor(template, team, p, pool.rules) !== null;
  });
  if (queued !== undefined) return queued;
  return bestFor(template, pool, team, 1)[0]?.id ?? firstAvailable();
}
