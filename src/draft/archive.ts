import type { DraftKey, DraftState } from './types';

/**
 * The id an archived draft is stored under: the live draft's identity plus the moment of the
 * reset, so several resets of one draft never overwrite each other. Deterministic, so storing
 * the same archive twice (a redelivered frame) writes one record.
 */
export function archivedDraftId(key: DraftKey, archivedAt: number): string {
  return `${key.game}:${key.leagueId}:${key.seasonId}:reset-${archivedAt}`;
}

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
