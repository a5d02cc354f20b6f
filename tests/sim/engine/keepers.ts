import type { TemplateSpot } from '../espn-ids';
import { bestFor, type PoolView } from '../rules/player-choice';
import { spotFor } from '../rules/roster-spot';
import type { DraftSlot } from '../rules/snake-order';
import type { EngineOptions } from './defaults';
import type { PickLedger } from './pick-ledger';
import type { TeamState } from './team-state';

/**
 * Fills keeper slots before the draft: the team's pick in that round, with the named player or
 * its best available one. Throws RangeError on a keeper the league cannot hold.
 */
export function placeKeepers(
  keepers: NonNullable<EngineOptions['keepers']>,
  ctx: { slots: readonly DraftSlot[]; ledger: PickLedger; teams: ReadonlyMap<number, TeamState>; template: readonly TemplateSpot[]; pool: PoolView },
): void {
  for (const k of keepers) {
    const slot = ctx.slots.find((s) => s.teamId === k.teamId && s.round === k.round);
    if (!slot) throw new RangeError(`keeper: team ${k.teamId} has no pick in round ${k.round}`);
    if (ctx.ledger.has(slot.overallPick)) throw new RangeError(`keeper: pick ${slot.overallPick} is kept twice`);
    const st = ctx.teams.get(k.teamId)!;
    const player = k.playerId !== undefined ? ctx.pool.playersById.get(k.playerId) : bestFor(ctx.template, ctx.pool, st, 1)[0];
    if (!player || ctx.ledger.draftedPlayers.has(player.id)) throw new RangeError(`keeper: player ${k.playerId} is unknown or taken`);
    const spot = spotFor(ctx.template, st, player, ctx.pool.rules);
    if (spot === null) throw new RangeError(`keeper: no roster spot for player ${player.id}`);
    ctx.ledger.record(slot, st, player, spot, true, false);
  }
}
