import type { TemplateSpot } from '../espn-ids';
import type { SimPlayer } from '../players';
import { FOOTBALL_RULES, type RosterRules } from '../sports';

/** A team's roster as the draft rules see it. */
export interface RosterState {
  /** spot - 1 → playerId, or null while the spot is open. */
  roster: Array<number | null>;
  /** defaultPositionId → players drafted at that position. */
  counts: Map<number, number>;
}

export function emptyRoster(template: readonly TemplateSpot[]): RosterState {
  return { roster: template.map(() => null), counts: new Map() };
}

/** Roster spot ESPN would use: the position's starter spot, then a flex it fits, then bench. `rules`: the sport's. */
export function spotFor(template: readonly TemplateSpot[], team: RosterState, player: SimPlayer, rules: RosterRules = FOOTBALL_RULES): number | null {
  const limit = rules.positionLimits.find((l) => l.positionId === player.defaultPositionId)?.max ?? -1;
  if (limit >= 0 && (team.counts.get(player.defaultPositionId) ?? 0) >= limit) return null;
  const empty = (s: TemplateSpot): boolean => team.roster[s.spot - 1] === null;
  const starter = template.find((s) => empty(s) && s.lineupSlotId === rules.starterSlot(player));
  if (starter) return starter.spot;
  const flex = template.find(
    (s) => empty(s) && s.lineupSlotId !== rules.benchSlot && s.lineupSlotId !== rules.irSlot && player.eligibleSlots.includes(s.lineupSlotId),
  );
  if (flex) return flex.spot;
  const bench = template.find((s) => empty(s) && s.lineupSlotId === rules.benchSlot);
  return bench ? bench.spot : null;
}

export function hasOpenStarter(template: readonly TemplateSpot[], team: RosterState, lineupSlotId: number): boolean {
  return template.some((s) => s.lineupSlotId === lineupSlotId && team.roster[s.spot - 1] === null);
}

/** Puts `player` in `spot` (the caller checked it with spotFor). */
export function addToRoster(team: RosterState, player: SimPlayer, spot: number): void {
  team.roster[spot - 1] = player.id;
  team.counts.set(player.defaultPositionId, (team.counts.get(player.defaultPositionId) ?? 0) + 1);
}
