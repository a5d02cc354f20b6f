import { useEffect, useState } from 'preact/hooks';
import type { DraftSummary } from '../contract/draft-view';
import { sendToWorker } from '../adapters/send-to-worker';

const REFRESH_MS = 2000;

/** Every draft the worker holds, refreshed while the popup is open (a reset adds an archive). */
export function useDraftList(): DraftSummary[] {
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      try {
        const listed = await sendToWorker('list-drafts', {});
        if (!stopped) setDrafts(listed);
      } catch {
        // The chooser is a convenience: the view itself reports when the worker is unreachable.
      }
      if (!stopped) timer = setTimeout(() => void refresh(), REFRESH_MS);
    };
    void refresh();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return drafts;
}
