import { SILENCE_CONFIG_EVENT } from '../contract/page-events';
import type { WorkerReply } from '../contract/messages';

/**
 * The hook starts with the documented defaults; the user's thresholds follow as soon as the worker
 * answers. A worker that does not answer leaves the defaults in place.
 */
export function forwardPageConfig(target: EventTarget, askWorker: () => Promise<WorkerReply<'get-page-config'>>): Promise<void> {
  return askWorker()
    .then(({ silence }) => {
      target.dispatchEvent(new CustomEvent(SILENCE_CONFIG_EVENT, { detail: JSON.stringify(silence) }));
    })
    .catch(() => undefined);
}
