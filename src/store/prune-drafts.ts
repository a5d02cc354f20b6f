import type { DraftState } from '../draft/types';
import type { SocketProgress } from './records';

/** What the prune decision reads of the store: records, tabs, the last-active pointer and the final-board checks. */
export interface PruneInput {
  drafts: ReadonlyArray<{ id: string; state: Pick<DraftState, 'hasSnapshot' | 'picks' | 'archive'> }>;
  tabs: ReadonlyArray<{ draftId: string | null; sockets: Readonly<Record<string, Pick<SocketProgress, 'draftId'>>> }>;
  lastActiveDraftId: string | undefined;
  finalBoardCheckIds: readonly string[];
}

export interface PrunePlan {
  draftIds: string[];
  finalBoardCheckIds: string[];
}

/**
 * Which stored records to remove. A draft record goes when nothing refers to it (no tab follows
 * it, no socket of a tab points at it, it is not the last active draft) and it holds nothing of
 * the user's: no snapshot and no pick, so no log worth exporting (a draft page opened but never
 * joined leaves one). A draft with picks or a snapshot is the user's log and is never pruned; an
 * archive always holds picks. A final-board check goes with its draft.
 */
export function planDraftPrune(input: PruneInput): PrunePlan {
  const referenced = new Set<string>();
  if (input.lastActiveDraftId !== undefined) referenced.add(input.lastActiveDraftId);
  for (const tab of input.tabs) {
    if (tab.draftId !== null) referenced.add(tab.draftId);
    for (const socket of Object.values(tab.sockets)) referenced.add(socket.draftId);
  }
  const empty = (state: PruneInput['drafts'][number]['state']): boolean => !state.hasSnapshot && state.picks.length === 0 && state.archive === undefined;
  const draftIds = input.drafts.filter((record) => !referenced.has(record.id) && empty(record.state)).map((record) => record.id);
  const remaining = new Set(input.drafts.map((record) => record.id).filter((id) => !draftIds.includes(id)));
  const finalBoardCheckIds = input.finalBoardCheckIds.filter((id) => !remaining.has(id));
  return { draftIds, finalBoardCheckIds };
}
