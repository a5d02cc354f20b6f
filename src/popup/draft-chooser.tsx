import type { DraftSummary } from '../contract/draft-view';
import type { DraftStatus } from '../draft/types';
import { leagueLabel, sportLabel } from './labels';

const STATUS_WORDS: Readonly<Record<DraftStatus, string>> = {
  pre_draft: 'not started',
  live: 'in progress',
  paused: 'paused',
  complete: 'complete',
};

/**
 * One chooser line, e.g. "Office League · 2025 · Football · in progress · 12 picks": the league's
 * name once ESPN gave it, else "League 123456789" (mock leagues have no readable name). The picks
 * a commissioner reset archived say "reset archive" and the moment of the reset instead of a status.
 */
export function draftChoiceLabel(draft: DraftSummary, utcOffsetMinutes = 0): string {
  // An archive's status is frozen at the reset ("in progress" would be wrong): the reset says it all.
  const status = draft.archivedAt !== null ? `reset archive ${localStamp(draft.archivedAt, utcOffsetMinutes)}` : STATUS_WORDS[draft.status];
  return [leagueLabel(draft.leagueName, draft.leagueId), String(draft.seasonId), sportLabel(draft.game), status, `${draft.picks} pick${draft.picks === 1 ? '' : 's'}`].join(' · ');
}

/** `2025-08-31 02:31` in the user's time zone (offset given, so tests need no clock). */
export function localStamp(at: number, utcOffsetMinutes: number): string {
  const iso = new Date(at + utcOffsetMinutes * 60_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

export interface DraftChooserProps {
  drafts: readonly DraftSummary[];
  /** The draft shown now. */
  chosenId: string;
  onChoose: (draftId: string) => void;
  utcOffsetMinutes?: number;
}

/** Every draft the extension holds; the popup starts on the active tab's draft. Hidden while there is only one. */
export function DraftChooser({ drafts, chosenId, onChoose, utcOffsetMinutes = 0 }: DraftChooserProps) {
  if (drafts.length < 2 && drafts.every((draft) => draft.draftId === chosenId)) return null;
  const listed = drafts.some((draft) => draft.draftId === chosenId);
  return (
    <label class="draft-chooser">
      <span>Draft</span>
      <select data-testid="draft-chooser" value={chosenId} onChange={(event) => onChoose(event.currentTarget.value)}>
        {listed ? null : <option value={chosenId} selected>{chosenId}</option>}
        {drafts.map((draft) => (
          <option key={draft.draftId} value={draft.draftId} selected={draft.draftId === chosenId} data-archived={draft.archivedAt !== null ? 'true' : 'false'}>
            {draftChoiceLabel(draft, utcOffsetMinutes)}
          </option>
        ))}
      </select>
    </label>
  );
}
