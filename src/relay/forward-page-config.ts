import type { WorkerReply } from '../contract/messages';
import type { ChannelConfigMessage } from '../contract/channel-handshake';

/**
 * The hook starts with the documented defaults; the user's thresholds follow over the private
 * port as soon as the worker answers. A worker that does not answer leaves the defaults in place.
 */
export function forwardPageConfig(port: Pick<MessagePort, 'postMessage'>, askWorker: () => Promise<WorkerReply<'get-page-config'>>): Promise<void> {
  return askWorker()
    .then(({ silence }) => {
      port.postMessage({ silence } satisfies ChannelConfigMessage);
    })
    .catch(() => undefined);
}
