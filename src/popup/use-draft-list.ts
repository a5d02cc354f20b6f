import { useEffect, useState } from 'preact/hooks';
import type { DraftSummary } from '../contract/draft-view';
import { sendToWorker } from '../adapters/send-to-worker';
import { DraftListFollower } from './draft-list-follower';
import type { DraftListPushes } from './draft-list-pushes';

/**
 * Every draft the worker holds, live while the popup is open (draft-list-follower.ts). Asked once
 * `enabled` (after the first view is shown: the first paint does not need the list, and reading
 * every stored draft would compete with reading the one shown); after that only the worker's
 * pushes change it. Nothing asks on a timer.
 */
export function useDraftList(enabled: boolean, pushes: DraftListPushes): readonly DraftSummary[] {
  const [drafts, setDrafts] = useState<readonly DraftSummary[]>([]);
  useEffect(() => {
    if (!enabled) return undefined;
    const follower = new DraftListFollower(() => sendToWorker('list-drafts', {}), setDrafts);
    const unsubscribe = pushes.subscribe((push) => follower.onPush(push));
    follower.start();
    return () => {
      unsubscribe();
      follower.stop();
    };
  }, [enabled, pushes]);
  return drafts;
}
