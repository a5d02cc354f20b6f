import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { DraftView } from '../contract/draft-view';
import type { DraftListPush } from '../contract/view-port';
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
 * over a port; nothing here asks on a timer. The same port brings changes to the list of drafts,
 * handed to `onDraftList` (a new function does not reopen the port).
 */
export function useDraftView(draftId: string | null = null, onDraftList: (push: DraftListPush) => void = () => undefined): ViewStatus {
  const [status, setStatus] = useState<ViewStatus>({ kind: 'loading' });
  const listener = useRef(onDraftList);
  listener.current = onDraftList;
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
      (push) => listener.current(push),
    );
    return () => watch.stop();
  }, [draftId]);
  return status;
}
