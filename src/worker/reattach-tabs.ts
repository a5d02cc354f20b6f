import { readDraftPageContext } from '../contract/draft-page-url';
import { draftIdOf, pageDraftKey } from '../draft/draft-id';
import type { DraftState } from '../draft/types';
import { isConfirmedComplete } from '../draft/sealed-board';
import type { DraftTabProbe } from '../adapters/draft-tab-probe';

export interface ReattachDeps {
  probe: DraftTabProbe;
  /** The stored state of a draft we followed (status and ESPN's confirmation), or undefined when we never saw it. */
  followedDraft(draftId: string): Promise<Pick<DraftState, 'status' | 'completion'> | undefined>;
  report(level: 'info' | 'warn', message: string): void;
}

/**
 * When a new extension instance starts (installed, updated, reloaded, or the browser started),
 * the content scripts of draft tabs that were open may be orphaned: Chrome does not inject new
 * ones into open tabs, and the old ones can no longer reach the worker. Each draft room tab
 * showing a draft we followed and that ESPN has not confirmed over is pinged; one whose relay does not answer,
 * or has no page hook, is reloaded once, and ESPN's INIT on the new page backfills every pick.
 * A tab whose relay answers is left alone. Returns the tabs reloaded.
 */
export async function reattachDraftTabs(deps: ReattachDeps): Promise<number[]> {
  const { probe } = deps;
  const reloaded: number[] = [];
  for (const { tabId, url } of await probe.listDraftTabs()) {
    const page = readDraftPageContext(url);
    if (page === null) continue;
    const draft = await deps.followedDraft(draftIdOf(pageDraftKey(page)));
    // A lone STATE 2 is no proof the draft is over (sealed-board.ts): such a tab is re-attached too.
    if (draft === undefined || isConfirmedComplete(draft)) continue;
    const answer = await probe.pingRelay(tabId);
    if (answer === 'attached') continue;
    try {
      await probe.reload(tabId);
      reloaded.push(tabId);
      deps.report('info', `re-attached draft tab ${tabId} by reloading it (its relay ${answer === 'detached' ? 'had no page hook' : 'did not answer'})`);
    } catch (error) {
      deps.report('warn', `could not reload draft tab ${tabId} to re-attach it: ${String(error)}`);
    }
  }
  return reloaded;
}
