import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { DraftView } from '../contract/draft-view';
import { sendToWorker } from '../adapters/send-to-worker';
import { isDraftRoomUrl } from '../contract/draft-page-url';

const REFRESH_MS = 1000;

export type ViewStatus =
  | { kind: 'loading' }
  | { kind: 'empty'; activeDraftTabId: number | null }
  | { kind: 'ready'; view: DraftView; activeDraftTabId: number | null }
  | { kind: 'error'; message: string };

/**
 * The draft the user chose (`draftId`); without a choice, the draft in the active tab when it is a
 * draft room, otherwise the most recently active draft.
 */
export function useDraftView(draftId: string | null = null): ViewStatus {
  const [status, setStatus] = useState<ViewStatus>({ kind: 'loading' });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tabIdPromise = browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => (tab?.id !== undefined && isDraftRoomUrl(tab.url) ? tab.id : null))
      .catch(() => null);
    const refresh = async () => {
      try {
        const tabId = await tabIdPromise;
        const view = await sendToWorker('get-view', { tabId, draftId });
        if (!stopped) setStatus(view ? { kind: 'ready', view, activeDraftTabId: tabId } : { kind: 'empty', activeDraftTabId: tabId });
      } catch (error) {
        if (!stopped) setStatus({ kind: 'error', message: String(error) });
      }
      if (!stopped) timer = setTimeout(() => void refresh(), REFRESH_MS);
    };
    void refresh();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [draftId]);
  return status;
}
