import type { InitPickSlot } from '../protocol/init/init-types';
import { lineupSlotFor, pickPosition } from './pick-table';
import type { Pick, RosterSpot } from './types';
import { OPEN_PLAYER_ID } from './validate-init';

export interface Reconciliation {
  picks: Pick[];
  /** Filled in INIT, absent from our log: frames we missed while disconnected. */
  added: Pick[];
  /** Slots where INIT names a different player, team or keeper flag than ours. */
  corrected: Array<{ ours: Pick; theirs: Pick }>;
  /** Our picks whose slot INIT shows open: undone while we were not looking. */
  removed: Pick[];
}

/**
 * INIT is ESPN's truth (protocol.md §3.5 "Reconnect"): the result holds exactly
 * INIT's filled slots. Where our pick agrees with INIT we keep our copy, since
 * it knows more (autopick, the moment it was seen, that it came from the socket).
 */
export function reconcilePicks(
  ours: readonly Pick[],
  table: readonly InitPickSlot[],
  teamCount: number,
  template: readonly RosterSpot[],
  now: number,
  preDraft = false,
): Reconciliation {
  const oursByNumber = new Map(ours.map((pick) => [pick.overallPick, pick]));
  const result: Reconciliation = { picks: [], added: [], corrected: [], removed: [] };

  for (const slot of table) {
    const mine = oursByNumber.get(slot.overallPick);
    if (slot.playerId === OPEN_PLAYER_ID) {
      if (mine !== undefined) result.removed.push(mine);
      continue;
    }
    // A keeper we inferred before the draft stays one when a later INIT lacks the keeper byte.
    const samePlayer = mine !== undefined && mine.playerId === slot.playerId && mine.teamId === slot.teamId;
    const keeper = isKeeperSlot(slot, preDraft) || (samePlayer && mine.keeper);
    if (mine !== undefined && samePlayer && mine.keeper === keeper) {
      result.picks.push(withPosition(mine, teamCount));
      continue;
    }
    const theirs = { ...pickFromSlot(slot, teamCount, template, now, preDraft), keeper };
    result.picks.push(theirs);
    if (mine === undefined) result.added.push(theirs);
    else result.corrected.push({ ours: mine, theirs });
  }

  // Picks numbered beyond the new table cannot exist in it any more.
  const tableSize = table.length;
  for (const pick of ours) if (pick.overallPick > tableSize) result.removed.push(pick);
  result.removed.sort((a, b) => a.overallPick - b.overallPick);
  return result;
}

/**
 * Keepers: INIT's keeper byte ([SOURCE], makoncline) marks them. As a second rule, which does not
 * depend on that byte, a slot already filled while the draft has not started (INIT state 0) can
 * only hold a keeper: no pick is made before the draft starts.
 */
export function isKeeperSlot(slot: InitPickSlot, preDraft: boolean): boolean {
  return slot.keeper || preDraft;
}

export function pickFromSlot(slot: InitPickSlot, teamCount: number, template: readonly RosterSpot[], now: number, preDraft = false): Pick {
  const rosterSpot = slot.spot > 0 ? slot.spot : null;
  return {
    overallPick: slot.overallPick,
    ...pickPosition(slot.overallPick, teamCount),
    teamId: slot.teamId,
    playerId: slot.playerId,
    rosterSpot,
    lineupSlotId: rosterSpot === null ? null : lineupSlotFor(template, rosterSpot),
    keeper: isKeeperSlot(slot, preDraft),
    // INIT does not say whether a pick was automatic.
    autopick: false,
    source: 'init',
    recordedAt: now,
  };
}

/** Rounds depend on the team count, which a new snapshot may change. */
export function withPosition(pick: Pick, teamCount: number): Pick {
  const { round, roundPick } = pickPosition(pick.overallPick, teamCount);
  return pick.round === round && pick.roundPick === roundPick ? pick : { ...pick, round, roundPick };
}
