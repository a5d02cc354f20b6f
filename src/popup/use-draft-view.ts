import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { DraftView } from '../contract/draft-view';
import { watchDraftView, type DraftViewWatch } from '../adapters/watch-draft-view';
import { isDraftRoomUrl } from '../contract/draft-page-url';

export type ViewStatus =
  | { kind: 'loading' }
  | { kind: 'empty'; activeDraftTabId: number | null }
  | { kind: 'ready'; view: DraftView; activeDraftTabId: number | null }
  | { kind: 'error'; message: string };

/**
 * The draft the user chose (`draftId`); without a choice, the draft in the active tab when it is a
 * draft room, otherwise the most recently active draft. The worker pushes each committed change
 * over a port; nothing here asks on a timer.
 */
export function useDraftView(draftId: string | null = null): ViewStatus {
  const [status, setStatus] = useState<ViewStatus>({ kind: 'loading' });
  // A layout effect runs before the first paint, not a frame later: the view is asked for sooner.
  useLayoutEffect(() => {
    let tabId: number | null = null;
    const activeTab = browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => (tab?.id !== undefined && isDraftRoomUrl(tab.url) ? tab.id : null))
      .catch(() => null)
      .then((id) => (tabId = id));
    // The port opens while the active tab is looked up; the view arrives only after both.
    const watch: DraftViewWatch = watchDraftView(
      activeTab,
      draftId,
      (view) => setStatus(view ? { kind: 'ready', view, activeDraftTabId: tabId } : { kind: 'empty', activeDraftTabId: tabId }),
      (message) => setStatus({ kind: 'error', message }),
    );
    return () => watch.stop();
  }, [draftId]);
  return status;
}
