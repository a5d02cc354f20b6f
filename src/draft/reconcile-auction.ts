import type { InitDraft, InitPickSlot } from '../protocol/init/init-types';
import { isKeeperSlot, pickFromSlot, withPosition, type Reconciliation } from './reconcile-picks';
import type { Pick, RosterSpot } from './types';
import { OPEN_PLAYER_ID } from './validate-init';

/**
 * Which team won each player, by INIT's team rosters ([INFERRED], init-format.md §3.8: a filled
 * roster entry holds the player). Only used when a roster names the player; otherwise the winner
 * is the slot's team, which is [UNKNOWN] for auctions (it may be the nominator order instead).
 */
export function winnersByRoster(draft: InitDraft): Map<number, number> {
  const winners = new Map<number, number>();
  for (const team of draft.teams) {
    for (const entry of team.roster) {
      if (entry.playerId !== OPEN_PLAYER_ID) winners.set(entry.playerId, team.teamId);
    }
  }
  return winners;
}

/**
 * INIT is ESPN's truth for an auction too, but a lot is identified by its player, not by its slot:
 * each player is sold once per draft, and whether INIT fills slots in lot order or per team is
 * [UNKNOWN]. So a lot we saw as SOLD and that INIT also lists is one pick (never two), moved to
 * INIT's slot. The socket's winner and price are kept where INIT has none; INIT's price (0 = not
 * given, [SOURCE] offset) and nominator (0 = none) fill in what the socket did not see.
 */
export function reconcileAuctionPicks(
  ours: readonly Pick[],
  table: readonly InitPickSlot[],
  teamCount: number,
  template: readonly RosterSpot[],
  winners: ReadonlyMap<number, number>,
  now: number,
  preDraft: boolean,
): Reconciliation {
  const oursByPlayer = new Map(ours.map((pick) => [pick.playerId, pick]));
  const result: Reconciliation = { picks: [], added: [], corrected: [], removed: [] };
  const listed = new Set<number>();

  for (const slot of table) {
    if (slot.playerId === OPEN_PLAYER_ID) continue;
    listed.add(slot.playerId);
    const rosterWinner = winners.get(slot.playerId);
    const theirs = auctionPick(pickFromSlot(slot, teamCount, template, now, preDraft), slot, rosterWinner);
    const mine = oursByPlayer.get(slot.playerId);
    if (mine === undefined) {
      result.picks.push(theirs);
      result.added.push(theirs);
      continue;
    }
    // The socket's SOLD names the winner outright; INIT's slot team only counts when a roster confirms it.
    const teamId = rosterWinner ?? mine.teamId;
    const merged: Pick = withPosition(
      {
        ...mine,
        overallPick: slot.overallPick,
        teamId,
        rosterSpot: mine.rosterSpot ?? theirs.rosterSpot,
        lineupSlotId: mine.lineupSlotId ?? theirs.lineupSlotId,
        keeper: isKeeperSlot(slot, preDraft),
        price: theirs.price ?? mine.price ?? null,
        nominatingTeamId: theirs.nominatingTeamId ?? mine.nominatingTeamId ?? null,
      },
      teamCount,
    );
    result.picks.push(sameLot(mine, merged) ? mine : merged);
    if (mine.teamId !== teamId || (mine.price != null && theirs.price != null && mine.price !== theirs.price)) {
      result.corrected.push({ ours: mine, theirs: merged });
    }
  }
  for (const pick of ours) if (!listed.has(pick.playerId)) result.removed.push(pick);
  result.picks.sort((a, b) => a.overallPick - b.overallPick);
  result.removed.sort((a, b) => a.overallPick - b.overallPick);
  return result;
}

function auctionPick(pick: Pick, slot: InitPickSlot, rosterWinner: number | undefined): Pick {
  return {
    ...pick,
    teamId: rosterWinner ?? slot.teamId,
    price: slot.bidAmount > 0 ? slot.bidAmount : null,
    nominatingTeamId: slot.nominatingTeamId > 0 ? slot.nominatingTeamId : null,
  };
}

function sameLot(a: Pick, b: Pick): boolean {
  return (
    a.overallPick === b.overallPick &&
    a.round === b.round &&
    a.roundPick === b.roundPick &&
    a.teamId === b.teamId &&
    a.rosterSpot === b.rosterSpot &&
    a.lineupSlotId === b.lineupSlotId &&
    a.keeper === b.keeper &&
    (a.price ?? null) === (b.price ?? null) &&
    (a.nominatingTeamId ?? null) === (b.nominatingTeamId ?? null)
  );
}
