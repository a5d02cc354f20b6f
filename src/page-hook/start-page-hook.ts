import { installSocketHook } from './socket-hook';
import { createPageBridge } from './page-bridge';
import { createPageStallDetector } from './page-stall';
import { SILENCE_CONFIG_EVENT } from '../contract/page-events';
import { readDraftPageContext } from '../contract/draft-page-url';
import { redactSocketUrl, redactTokenFrame } from '../contract/redact';

/** Wires the socket hook into ESPN's page. MAIN world: only zod-free modules may be imported here. */
export function startPageHook(): void {
  // The match pattern also covers pages such as draftrecap; only a draft room gets the hook.
  if (readDraftPageContext(location.href) === null) return;
  const emit = createPageBridge(document);
  const stalls = createPageStallDetector();
  document.addEventListener(SILENCE_CONFIG_EVENT, (event) => stalls.configure('detail' in event ? event.detail : undefined));
  const hook = installSocketHook({
    global: window,
    now: () => Date.now(),
    emit,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    setInterval: (fn, ms) => window.setInterval(fn, ms),
    clearInterval: (handle) => window.clearInterval(handle as number),
    detectStall: (...args) => stalls.detect(...args),
    redactUrl: redactSocketUrl,
    redactTokenFrame,
    socketIdPrefix: Math.random().toString(36).slice(2, 10),
  });
  window.addEventListener('pagehide', () => hook.pageUnloading());
}
