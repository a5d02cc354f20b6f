import { startPageHook } from '../src/page-hook/start-page-hook';

// MAIN world at document_start: the hook must be in place before ESPN's scripts open the socket.
export default defineContentScript({
  matches: ['https://fantasy.espn.com/*/draft*'],
  runAt: 'document_start',
  world: 'MAIN',
  globalName: false,
  main() {
    startPageHook();
  },
});
