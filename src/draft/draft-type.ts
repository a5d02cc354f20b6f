import type { InitDraft } from '../protocol/init/init-types';
import { OPEN_PLAYER_ID } from './validate-init';
import type { DraftType } from './types';

/** The one draftType code seen in real INIT blobs (init-format.md §3.2). */
export const SNAKE_DRAFT_TYPE_CODE = 1;

export interface DraftTypeReading {
  /** null: the table does not say (too small, or an order that neither repeats nor snakes). */
  type: DraftType | null;
  /** What the table showed, in plain words. */
  evidence: string | null;
}

/**
 * INIT's auction draftType code is [UNKNOWN], so the draft type is read from the pick table,
 * which is ESPN's own truth: a price or a nominator on a filled slot ([SOURCE]: an auction parser
 * reads them at these offsets) or a team order that repeats every round ([SOURCE]) means auction;
 * an order that snakes back means snake. Only when the table does not say is the code used
 * (1 = snake, captured), and otherwise what auction frames on the socket showed.
 */
export function readDraftType(draft: InitDraft): DraftTypeReading {
  const priced = draft.picks.find((slot) => slot.playerId !== OPEN_PLAYER_ID && (slot.bidAmount > 0 || slot.nominatingTeamId > 0));
  if (priced !== undefined) return { type: 'auction', evidence: `pick ${priced.overallPick} has a price or a nominating team` };
  const order = roundOrder(draft);
  if (order === 'repeats') return { type: 'auction', evidence: 'the team order repeats every round' };
  if (order === 'snakes') return { type: 'snake', evidence: 'the team order snakes back every round' };
  return { type: null, evidence: null };
}

/** Compares rounds 1 and 2 of the table; needs two teams and two rounds. */
function roundOrder(draft: InitDraft): 'repeats' | 'snakes' | null {
  const teams = draft.teams.length;
  if (teams < 2 || draft.picks.length < 2 * teams) return null;
  const ordered = [...draft.picks].sort((a, b) => a.overallPick - b.overallPick);
  const first = ordered.slice(0, teams).map((slot) => slot.teamId);
  const second = ordered.slice(teams, 2 * teams).map((slot) => slot.teamId);
  if (first.every((team, i) => team === second[i])) return 'repeats';
  if (first.every((team, i) => team === second[teams - 1 - i])) return 'snakes';
  return null;
}
