import { browser } from 'wxt/browser';
import type { DraftPageContext } from '../contract/draft-page-url';
import { sendToWorker } from '../adapters/send-to-worker';
import { startRelay } from './relay';
import { acceptHookChannel } from './relay-channel';
import { forwardPageConfig } from './forward-page-config';

/**
 * Takes the hook's private port (synchronously, at document_start, before any page script runs)
 * and forwards what arrives on it to the worker; the worker's page settings go back the same way.
 * Returns whether the hook's port has arrived (the worker's relay ping asks, src/worker/reattach-tabs.ts).
 */
export function attachRelay(document: Document, page: DraftPageContext): () => boolean {
  let hookAttached = false;
  acceptHookChannel(document, (port) => {
    hookAttached = true;
    const relay = startRelay({
      page,
      deliver: async (context, items) => {
        await sendToWorker('hook-batch', { page: context, items });
      },
      warn: (message) => console.warn(message),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      now: () => performance.now(),
      // After an extension update this script is orphaned: its runtime is gone for good.
      contextValid: () => browser.runtime?.id !== undefined,
    });
    port.onmessage = (event: MessageEvent<unknown>) => {
      relay.receive(event.data);
      if (!relay.running) port.close();
    };
    void forwardPageConfig(port, () => sendToWorker('get-page-config', {}));
  });
  return () => hookAttached;
}
