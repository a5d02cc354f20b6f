import type { DraftListPush } from '../contract/view-port';

/**
 * Hands the draft-list pushes the view port brings (use-draft-view.ts) to the chooser's list
 * (use-draft-list.ts): one port serves both, and neither hook owns the other.
 */
export interface DraftListPushes {
  /** Passed around on its own (it uses no `this`). */
  readonly publish: (push: DraftListPush) => void;
  /** Returns the unsubscribe. */
  readonly subscribe: (listener: (push: DraftListPush) => void) => () => void;
}

export function createDraftListPushes(): DraftListPushes {
  const listeners = new Set<(push: DraftListPush) => void>();
  return {
    publish: (push) => {
      for (const listener of [...listeners]) listener(push);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
