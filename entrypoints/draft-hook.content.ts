import { installSocketHook } from '../src/page-hook/socket-hook';
import { createPageBridge } from '../src/page-hook/page-bridge';
import { createPageStallDetector } from '../src/page-hook/page-stall';
import { SILENCE_CONFIG_EVENT } from '../src/contract/page-events';
import { readDraftPageContext } from '../src/contract/draft-page-url';
import { redactSocketUrl, redactTokenFrame } from '../src/protocol/redact';

// MAIN world at document_start: the hook must be in place before ESPN's scripts open the socket.
export default defineContentScript({
  matches: ['https://fantasy.espn.com/*/draft*'],
  runAt: 'document_start',
  world: 'MAIN',
  globalName: false,
  main() {
    // The match pattern also covers pages such as draftrecap; only a draft room gets the hook.
    if (readDraftPageContext(location.href) === null) return;
    const emit = createPageBridge(document);
    const stalls = createPageStallDetector();
    document.addEventListener(SILENCE_CONFIG_EVENT, (event) => stalls.configure((event as CustomEvent<unknown>).detail));
    const hook = installSocketHook({
      global: window,
      now: () => Date.now(),
      emit,
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      setInterval: (fn, ms) => window.setInterval(fn, ms),
      clearInterval: (handle) => window.clearInterval(handle as number),
      detectStall: stalls.detect,
      redactUrl: redactSocketUrl,
      redactTokenFrame,
      socketIdPrefix: Math.random().toString(36).slice(2, 10),
    });
    window.addEventListener('pagehide', () => hook.pageUnloading());
  },
});
