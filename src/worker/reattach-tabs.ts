import { readDraftPageContext } from '../contract/draft-page-url';
import { draftIdOf, pageDraftKey } from '../draft/draft-id';
import type { DraftStatus } from '../draft/types';
import type { DraftTabProbe } from '../adapters/draft-tab-probe';

export interface ReattachDeps {
  probe: DraftTabProbe;
  /** The stored status of a draft we followed, or undefined when we never saw it. */
  draftStatus(draftId: string): Promise<DraftStatus | undefined>;
  report(level: 'info' | 'warn', message: string): void;
}

/**
 * When a new extension instance starts (installed, updated, reloaded, or the browser started),
 * the content scripts of draft tabs that were open may be orphaned: Chrome does not inject new
 * ones into open tabs, and the old ones can no longer reach the worker. Each draft room tab
 * showing a draft we followed and that is not over is pinged; one whose relay does not answer,
 * or has no page hook, is reloaded once, and ESPN's INIT on the new page backfills every pick.
 * A tab whose relay answers is left alone. Returns the tabs reloaded.
 */
export async function reattachDraftTabs(deps: ReattachDeps): Promise<number[]> {
  const { probe } = deps;
  const reloaded: number[] = [];
  for (const { tabId, url } of await probe.listDraftTabs()) {
    const page = readDraftPageContext(url);
    if (page === null) continue;
    const status = await deps.draftStatus(draftIdOf(pageDraftKey(page)));
    if (status === undefined || status === 'complete') continue;
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
