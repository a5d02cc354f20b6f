import { browser } from 'wxt/browser';
import type { DraftView } from '../contract/draft-view';
import { VIEW_PORT_NAME, viewPortPushSchema, type ViewPortRequest } from '../contract/view-port';

export interface DraftViewWatch {
  stop(): void;
}

/** A worker that restarts drops the port; reconnecting then is not polling, it waits for the next push. */
const RECONNECT_DELAY_MS = 250;

/**
 * Follows one draft live over a runtime port: `onView` gets the whole view on connect and again
 * after every commit. Each push is validated against the contract before it reaches the popup.
 */
export function watchDraftView(
  tabId: number | null,
  draftId: string | null,
  onView: (view: DraftView | null) => void,
  onError: (message: string) => void,
): DraftViewWatch {
  let stopped = false;
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    port = browser.runtime.connect({ name: VIEW_PORT_NAME });
    port.onMessage.addListener((raw: unknown) => {
      const push = viewPortPushSchema.safeParse(raw);
      if (push.success) onView(push.data.view);
      else onError(`the extension sent a view that does not fit: ${push.error.message}`);
    });
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (!stopped) retry = setTimeout(connect, RECONNECT_DELAY_MS);
    });
    const request: ViewPortRequest = { type: 'watch', tabId, draftId };
    port.postMessage(request);
  };
  connect();
  return {
    stop() {
      stopped = true;
      clearTimeout(retry);
      port?.disconnect();
    },
  };
}
