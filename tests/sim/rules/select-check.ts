import type { TemplateSpot } from '../espn-ids';
import type { SimPlayer } from '../players';
import type { PoolView } from './player-choice';
import { spotFor, type RosterState } from './roster-spot';

export interface SelectView {
  teamId: number;
  live: boolean;
  /** The team on the clock and whether its SELECT is already on the way; null between picks. */
  onTheClock: { teamId: number; pendingSelect: boolean } | null;
  paused: boolean;
}

export type SelectCheck = { ok: true; player: SimPlayer; spot: number } | { ok: false; message: string };

/** Whether a SELECT from `view.teamId` for `playerArg` is legal now; else ESPN's error text. */
export function checkSelect(
  view: SelectView,
  template: readonly TemplateSpot[],
  pool: PoolView,
  team: RosterState,
  playerArg: string | undefined,
): SelectCheck {
  const { teamId } = view;
  if (!view.live || !view.onTheClock) {
    // [UNKNOWN] ESPN's text when nobody is on the clock.
    return { ok: false, message: `Invalid selection team (${teamId}); no team is currently on the clock.` };
  }
  if (view.onTheClock.teamId !== teamId) {
    return { ok: false, message: `Invalid selection team (${teamId}); team ${view.onTheClock.teamId} is currently on the clock.` };
  }
  if (view.paused) return { ok: false, message: 'The draft is paused.' }; // [UNKNOWN] text
  if (view.onTheClock.pendingSelect) return { ok: false, message: 'A selection is already in progress.' }; // [UNKNOWN] text
  const playerId = Number(playerArg);
  const player = Number.isInteger(playerId) ? pool.playersById.get(playerId) : undefined;
  if (!player || pool.drafted.has(playerId)) return { ok: false, message: `Player ${playerArg ?? ''} is not available.` }; // [UNKNOWN] text
  const spot = spotFor(template, team, player, pool.rules);
  if (spot === null) return { ok: false, message: `No roster spot is open for player ${playerId}.` }; // [UNKNOWN] text
  return { ok: true, player, spot };
}
