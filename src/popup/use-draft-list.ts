import { useEffect, useState } from 'preact/hooks';
import type { DraftSummary } from '../contract/draft-view';
import { sendToWorker } from '../adapters/send-to-worker';

const REFRESH_MS = 2000;

/**
 * Every draft the worker holds, refreshed while the popup is open (a reset adds an archive).
 * Asked only once `enabled` (after the first view is shown: the first paint does not need the
 * list, and reading every stored draft would compete with reading the one shown). A refresh that
 * brings the same list keeps the old one, so the popup is not drawn again for nothing.
 */
export function useDraftList(enabled = true): DraftSummary[] {
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  useEffect(() => {
    if (!enabled) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      try {
        const listed = await sendToWorker('list-drafts', {});
        if (!stopped) setDrafts((held) => (JSON.stringify(held) === JSON.stringify(listed) ? held : listed));
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
  }, [enabled]);
  return drafts;
}
