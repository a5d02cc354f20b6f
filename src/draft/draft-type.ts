import type { InitDraft } from '../protocol/init/init-types';
import { OPEN_PLAYER_ID } from './validate-init';
import type { DraftType } from './types';

/** The one draftType code seen in real INIT blobs (init-format.md §3.2). */
export const SNAKE_DRAFT_TYPE_CODE = 1;

export interface DraftTypeReading {
  type: DraftType;
  /** Why we believe it is an auction, in plain words; null for snake. */
  auctionEvidence: string | null;
}

/**
 * INIT's auction draftType code is [UNKNOWN], so an auction is recognised by what its table
 * holds instead: a price or a nominator on a filled slot ([SOURCE]: an auction parser reads them
 * at these offsets), or a team order that repeats each round instead of snaking back ([SOURCE]).
 * Code 1 is the captured snake code and always means snake here; auction frames on the socket
 * (NOMINATION, BID, SOLD, auction CLOCK states) are the other way a draft becomes an auction.
 */
export function readDraftType(draft: InitDraft): DraftTypeReading {
  if (draft.draftType === SNAKE_DRAFT_TYPE_CODE) return { type: 'snake', auctionEvidence: null };
  const priced = draft.picks.find((slot) => slot.playerId !== OPEN_PLAYER_ID && (slot.bidAmount > 0 || slot.nominatingTeamId > 0));
  if (priced !== undefined) return { type: 'auction', auctionEvidence: `pick ${priced.overallPick} has a price or a nominating team` };
  if (orderRepeats(draft)) return { type: 'auction', auctionEvidence: 'the team order repeats every round instead of snaking back' };
  return { type: 'snake', auctionEvidence: null };
}

/** Round 2 lists the teams in round 1's order (a snake reverses it). Needs two teams and two rounds. */
function orderRepeats(draft: InitDraft): boolean {
  const teams = draft.teams.length;
  if (teams < 2 || draft.picks.length < 2 * teams) return false;
  const ordered = [...draft.picks].sort((a, b) => a.overallPick - b.overallPick);
  for (let i = 0; i < teams; i++) {
    if (ordered[i]?.teamId !== ordered[i + teams]?.teamId) return false;
  }
  return true;
}
