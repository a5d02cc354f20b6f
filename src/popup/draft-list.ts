import { draftSummarySchema, type DraftSummary } from '../contract/draft-view';
import type { PushedDraftSummary } from '../contract/view-port';

/** The chooser's order: most recently active first. */
export function byActivity(drafts: readonly DraftSummary[]): DraftSummary[] {
  return [...drafts].sort((a, b) => b.lastActiveAt - a.lastActiveAt);
}

/**
 * The list with one draft's pushed line merged in by draftId. A line without a tab keeps the tab
 * held. A draft the list does not hold is left out: a new draft comes with a `drafts-changed`
 * push, and the list asked then brings it whole. Returns the same list when nothing changed, so
 * the popup is not drawn again for nothing.
 */
export function mergeSummary(drafts: readonly DraftSummary[], pushed: PushedDraftSummary): readonly DraftSummary[] {
  const held = drafts.find((draft) => draft.draftId === pushed.draftId);
  if (held === undefined) return drafts;
  const merged: DraftSummary = { ...pushed, tabId: pushed.tabId === undefined ? held.tabId : pushed.tabId };
  if (sameSummary(held, merged)) return drafts;
  return byActivity(drafts.map((draft) => (draft === held ? merged : draft)));
}

/** The asked list, or the held one when they say the same. */
export function keepIfSame(held: readonly DraftSummary[], next: readonly DraftSummary[]): readonly DraftSummary[] {
  return held.length === next.length && held.every((draft, index) => sameSummary(draft, next[index]!)) ? held : next;
}

/** Every field of a chooser line, from the contract, so a field added there is compared too. */
const SUMMARY_FIELDS = Object.keys(draftSummarySchema.shape) as Array<keyof DraftSummary>;

function sameSummary(a: DraftSummary, b: DraftSummary): boolean {
  return SUMMARY_FIELDS.every((field) => a[field] === b[field]);
}
