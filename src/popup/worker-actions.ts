import { browser } from 'wxt/browser';
import { sendToWorker } from '../adapters/send-to-worker';

/**
 * Reloads a draft tab. A tab the worker follows goes through the worker, so recovery knows the
 * reload is its own; a draft room it never attached to is simply reloaded, which attaches it.
 */
export function reloadDraftTab(tabId: number, attached: boolean): void {
  if (attached) void sendToWorker('reload-now', { tabId }).catch(() => undefined);
  else void browser.tabs.reload(tabId);
}
