import type { DraftSummary } from '../contract/draft-view';
import type { DraftListPush, PushedDraftSummary } from '../contract/view-port';
import type { DraftRecord, TabSession } from '../store/records';

/** One chooser line for a stored draft; `tabId` is the tab following it now, if any. */
export function summaryOf(record: DraftRecord, tabId: number | null): DraftSummary {
  return { ...pushedSummaryOf(record), tabId };
}

/** The line without its tab, for a commit that does not know which tab follows the draft. */
export function pushedSummaryOf(record: DraftRecord, tabId?: number | null): PushedDraftSummary {
  const { key, status, picks, archive } = record.state;
  return {
    draftId: record.id,
    game: key.game,
    leagueId: key.leagueId,
    leagueName: record.leagueName ?? null,
    seasonId: key.seasonId,
    status,
    picks: picks.length,
    archivedAt: archive?.archivedAt ?? null,
    lastActiveAt: record.lastActiveAt,
    ...(tabId !== undefined ? { tabId } : {}),
  };
}

/**
 * What open popups are told about their draft list after a tab's batch is committed, from the
 * batch alone (no store read): the changed drafts' lines, or, when a line cannot say it, that the
 * list changed. `before` holds the records the batch started from; `followedBefore` is the draft
 * the tab followed before it.
 */
export function draftListPushesAfterBatch(
  before: ReadonlyMap<string, DraftRecord>,
  changed: readonly DraftRecord[],
  followedBefore: string | null,
  session: TabSession,
): DraftListPush[] {
  if (changed.length === 0 && followedBefore === session.draftId) return [];
  // A new draft or reset archive, or a draft the tab left (its line would lose the tab).
  const structural = changed.some((record) => !before.has(record.id)) || (followedBefore !== null && followedBefore !== session.draftId);
  if (structural) return [{ type: 'drafts-changed' }];
  return changed.map((record) => {
    // An archive is followed by no tab; a draft this tab does not follow keeps whatever tab the popup holds.
    const tabId = record.state.archive !== undefined ? null : record.id === session.draftId ? session.tabId : undefined;
    return { type: 'summary', summary: pushedSummaryOf(record, tabId) };
  });
}
