import { browser } from 'wxt/browser';
import type { DraftView } from '../contract/draft-view';
import { draftListPushSchema, isDraftListPush, VIEW_PORT_NAME, viewPortPushSchema, type DraftListPush, type ViewPortRequest } from '../contract/view-port';
import { applyViewPatch } from '../contract/view-patch';

export interface DraftViewWatch {
  stop(): void;
}

/** A worker that restarts drops the port; reconnecting then is not polling, it waits for the next push. */
const RECONNECT_DELAY_MS = 250;

/**
 * Follows one draft live over a runtime port: `onView` gets the whole view on connect and again
 * after every commit. After the first view the worker sends only what changed (a patch), applied
 * here. The same port brings changes to the list of drafts (`onDraftList`: a changed draft's line,
 * or that the list must be asked again). Each push is validated against the contract before it
 * reaches the popup; a draft-list push that does not fit is logged and dropped, the view stays.
 */
export function watchDraftView(
  /** The popup's draft tab, if any; the port opens at once and asks for the view once this is known. */
  tabId: Promise<number | null>,
  draftId: string | null,
  onView: (view: DraftView | null) => void,
  onError: (message: string) => void,
  onDraftList: (push: DraftListPush) => void = () => undefined,
): DraftViewWatch {
  let stopped = false;
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let shown: DraftView | null = null;
  /** Set when a port dropped; the list is asked again once a new port is followed (so no later change is missed). */
  let listMissed = false;
  const connect = () => {
    shown = null;
    const current = browser.runtime.connect({ name: VIEW_PORT_NAME });
    port = current;
    current.onMessage.addListener((raw: unknown) => {
      if (isDraftListPush(raw)) {
        const listed = draftListPushSchema.safeParse(raw);
        if (listed.success) onDraftList(listed.data);
        else console.error(`Draft Watch: ignored a draft list change that does not fit: ${listed.error.message}`);
        return;
      }
      const push = viewPortPushSchema.safeParse(raw);
      if (!push.success) return onError(`the extension sent a view that does not fit: ${push.error.message}`);
      const view = push.data.type === 'view' ? push.data.view : shown && applyViewPatch(shown, push.data);
      // A patch that does not fit the view held: start over with a whole view on a new port.
      if (view === null && push.data.type === 'patch') return current.disconnect(), reconnect();
      shown = view;
      onView(view);
      if (listMissed) {
        listMissed = false;
        onDraftList({ type: 'drafts-changed' });
      }
    });
    current.onDisconnect.addListener(() => {
      if (port !== current) return;
      port = undefined;
      if (stopped) return;
      // The worker restarted: list changes pushed meanwhile were lost with the port.
      listMissed = true;
      retry = setTimeout(connect, RECONNECT_DELAY_MS);
    });
    void tabId.then((id) => {
      if (port !== current) return;
      const request: ViewPortRequest = { type: 'watch', tabId: id, draftId };
      current.postMessage(request);
    });
  };
  const reconnect = () => {
    port = undefined;
    if (!stopped) connect();
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
