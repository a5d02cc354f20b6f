import { archiveForReset } from './archive';
import { archivedDraftId } from './draft-id';
import { logEntry } from './log';
import { firstOpenSlot, inferOnTheClock, lineupSlotFor, pickPosition } from './pick-table';
import { result, type Reduction } from './reduction';
import type { DraftState, Pick } from './types';
import { OPEN_PLAYER_ID } from './validate-init';

export interface SelectedFrame {
  teamId: number;
  playerId: number;
  spot: number;
  /** Only used to tell a human pick from an autopick; never stored. */
  member: string | null;
}

/**
 * SELECTED carries no pick number: it fills the first open slot of INIT's table
 * (init-format.md §5). A frame that does not fit that slot is not recorded,
 * because a wrong pick in the log is worse than a late one: the next INIT repairs.
 */
export function applySelected(state: DraftState, frame: SelectedFrame, now: number): Reduction {
  if (!state.hasSnapshot) {
    return result(state, [
      logEntry(now, 'warn', 'pick_ignored', `Pick of player ${frame.playerId} by team ${frame.teamId} ignored: no snapshot yet to place it.`),
    ]);
  }
  if (state.awaitingSnapshot) {
    return result(state, [
      logEntry(now, 'warn', 'pick_ignored', `Pick of player ${frame.playerId} by team ${frame.teamId} held back: waiting for a fresh snapshot from ESPN.`),
    ]);
  }
  if (!Number.isInteger(frame.playerId) || frame.playerId === OPEN_PLAYER_ID) {
    return result(state, [
      logEntry(now, 'error', 'pick_ignored', `Pick by team ${frame.teamId} ignored: ${frame.playerId} is not a player id.`),
    ]);
  }
  // Checked before the slot: a repeated frame would otherwise look like a team mismatch.
  const earlier = state.picks.find((pick) => pick.playerId === frame.playerId);
  if (earlier !== undefined && state.type === 'auction' && earlier.teamId === frame.teamId) {
    // [UNKNOWN] whether an auction sends SELECTED as well as SOLD: the same lot, recorded once.
    return completeSpot(state, earlier, frame.spot, now);
  }
  if (earlier !== undefined) {
    return result(state, [
      logEntry(now, 'warn', 'pick_ignored', `Player ${frame.playerId} was already drafted at pick ${earlier.overallPick}; repeated pick ignored.`),
    ]);
  }
  const slot = firstOpenSlot(state);
  if (slot === null) {
    return result(state, [
      logEntry(now, 'error', 'pick_ignored', `Pick of player ${frame.playerId} by team ${frame.teamId} ignored: every pick is already filled.`),
    ]);
  }
  // In an auction the slot's team is the nomination order, not the winner (see apply-auction.ts).
  if (state.type !== 'auction' && slot.teamId !== frame.teamId) {
    return result(state, [
      logEntry(
        now,
        'error',
        'pick_mismatch',
        `Team ${frame.teamId} picked player ${frame.playerId}, but pick ${slot.overallPick} belongs to team ${slot.teamId}; not recorded until the next snapshot.`,
      ),
    ]);
  }

  const rosterSpot = frame.spot > 0 ? frame.spot : null;
  const pick: Pick = {
    overallPick: slot.overallPick,
    ...pickPosition(slot.overallPick, state.teams.length),
    teamId: frame.teamId,
    playerId: frame.playerId,
    rosterSpot,
    lineupSlotId: rosterSpot === null ? null : lineupSlotFor(state.rosterTemplate, rosterSpot),
    keeper: false,
    // ESPN omits the member when nobody clicked: timer expiry, autodraft, bots.
    autopick: frame.member === null,
    source: 'socket',
    recordedAt: now,
  };
  if (state.type === 'auction') {
    // The price comes with SOLD or the next INIT (the standing high bid is likely it, but not
    // certainly). The nominator is known if we saw this lot open.
    const lot = state.auction?.lot ?? null;
    pick.price = null;
    pick.nominatingTeamId = lot !== null && lot.playerId === frame.playerId ? lot.nominatingTeamId : null;
  }
  const picks = [...state.picks, pick].sort((a, b) => a.overallPick - b.overallPick);
  // A pick means the draft runs, whether or not we saw STATE 1 or the end of a pause.
  const next: DraftState = { ...state, picks, status: 'live', updatedAt: now };
  // The lot under the hammer is over once its player is picked.
  if (next.auction?.lot?.playerId === frame.playerId) next.auction = { ...next.auction, lot: null };
  next.onTheClock = inferOnTheClock(next, now);
  return { state: next, log: [] };
}

/** An auction lot first recorded by SOLD learns its roster spot from a SELECTED for the same player. */
function completeSpot(state: DraftState, earlier: Pick, spot: number, now: number): Reduction {
  if (earlier.rosterSpot !== null || spot <= 0) return result(state);
  const picks = state.picks.map((pick) =>
    pick === earlier ? { ...pick, rosterSpot: spot, lineupSlotId: lineupSlotFor(state.rosterTemplate, spot) } : pick,
  );
  return result({ ...state, picks, updatedAt: now });
}

/**
 * UNDONE n: a zero-based index; pick n+1 and every later one are cleared.
 * Keepers are kept: they are placed before the draft, not by the picks being undone,
 * and if ESPN did clear them the next INIT tells us.
 */
export function applyUndone(state: DraftState, index: number, now: number): Reduction {
  if (!Number.isInteger(index) || index < 0) {
    return result(state, [logEntry(now, 'warn', 'undo', `Undo with invalid pick index ${index} ignored.`)]);
  }
  const firstUndone = index + 1;
  const picks = state.picks.filter((pick) => pick.keeper || pick.overallPick < firstUndone);
  const removed = state.picks.length - picks.length;
  if (removed === 0) {
    return result(state, [logEntry(now, 'info', 'undo', `Commissioner undo from pick ${firstUndone}: no recorded pick to remove.`)]);
  }
  const next: DraftState = { ...state, picks, updatedAt: now };
  next.onTheClock = inferOnTheClock(next, now);
  return {
    state: next,
    log: [logEntry(now, 'warn', 'undo', `Commissioner undo from pick ${firstUndone}: removed ${removed} pick${removed === 1 ? '' : 's'}.`)],
  };
}

/**
 * RESET throws the pick table away; nothing can be placed until the next INIT (init-format.md §5).
 * The picks made so far are not lost: they leave as an archived copy of the draft, which the
 * shell stores as its own record. A reset with no picks (or a repeated RESET) archives nothing.
 */
export function applyReset(state: DraftState, now: number): Reduction {
  // The restarted draft is not over, whatever ESPN said about the one before.
  const { completion: _ended, ...running } = state;
  const next: DraftState = {
    ...running,
    picks: [],
    hasSnapshot: false,
    onTheClock: null,
    ...(state.auction === undefined ? {} : { auction: null }),
    updatedAt: now,
  };
  if (state.picks.length === 0) {
    return { state: next, log: [logEntry(now, 'warn', 'reset', 'Draft reset by ESPN before any pick; waiting for a new snapshot.')] };
  }
  const archived = archiveForReset(state, now);
  return {
    state: next,
    archived,
    log: [
      logEntry(
        now,
        'warn',
        'reset',
        `Draft reset by ESPN: the ${plural(state.picks.length, 'pick')} made before it are kept as a separate archived draft (${archivedDraftId(state.key, now)}); waiting for a new snapshot.`,
      ),
    ],
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
