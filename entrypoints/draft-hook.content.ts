import { installSocketHook } from '../src/page-hook/socket-hook';
import { createPageBridge } from '../src/page-hook/page-bridge';
import { detectPageStall } from '../src/page-hook/page-stall';
import { redactSocketUrl, redactTokenFrame } from '../src/protocol/redact';

// MAIN world at document_start: the hook must be in place before ESPN's scripts open the socket.
export default defineContentScript({
  matches: ['https://fantasy.espn.com/*/draft*'],
  runAt: 'document_start',
  world: 'MAIN',
  globalName: false,
  main() {
    const emit = createPageBridge(document);
    const hook = installSocketHook({
      global: window,
      now: () => Date.now(),
      emit,
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      setInterval: (fn, ms) => window.setInterval(fn, ms),
      clearInterval: (handle) => window.clearInterval(handle as number),
      detectStall: detectPageStall,
      redactUrl: redactSocketUrl,
      redactTokenFrame,
      socketIdPrefix: Math.random().toString(36).slice(2, 10),
    });
    window.addEventListener('pagehide', () => hook.pageUnloading());
  },
});
