import { archivedDraftId } from './draft-id';
import type { DraftState } from './types';

/**
 * A copy of the draft as it stood before ESPN reset it: its picks are kept as their own record,
 * visible and exportable, rather than silently deleted. Nothing is on the clock in an archive.
 */
export function archiveForReset(state: DraftState, now: number): DraftState {
  const { auction, ...rest } = state;
  return {
    ...rest,
    ...(auction === undefined ? {} : { auction: null }),
    onTheClock: null,
    awaitingSnapshot: false,
    archive: { reason: 'reset', archivedAt: now, id: archivedDraftId(state.key, now) },
    updatedAt: now,
  };
}
