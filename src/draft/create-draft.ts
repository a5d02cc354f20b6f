import type { DraftKey, DraftState } from './types';

/**
 * A draft we have only just noticed: nothing is known until the first INIT
 * snapshot arrives, so SELECTED frames are not placed before then.
 */
export function createDraftState(key: DraftKey, now: number): DraftState {
  return {
    key: { ...key },
    myTeamId: null,
    type: 'snake',
    status: 'pre_draft',
    hasSnapshot: false,
    rounds: 0,
    teams: [],
    rosterTemplate: [],
    slots: [],
    picks: [],
    onTheClock: null,
    timePerSelectionMs: null,
    draftDate: null,
    updatedAt: now,
  };
}
