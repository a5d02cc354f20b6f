import { useEffect, useState } from 'preact/hooks';
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
  useEffect(() => {
    let stopped = false;
    let watch: DraftViewWatch | undefined;
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => (tab?.id !== undefined && isDraftRoomUrl(tab.url) ? tab.id : null))
      .catch(() => null)
      .then((tabId) => {
        if (stopped) return;
        watch = watchDraftView(
          tabId,
          draftId,
          (view) => setStatus(view ? { kind: 'ready', view, activeDraftTabId: tabId } : { kind: 'empty', activeDraftTabId: tabId }),
          (message) => setStatus({ kind: 'error', message }),
        );
      });
    return () => {
      stopped = true;
      watch?.stop();
    };
  }, [draftId]);
  return status;
}
