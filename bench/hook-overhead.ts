/**
 * Per-frame cost of the MAIN-world socket hook, measured in Node on a stand-in WebSocket:
 * the same stream of real-looking frames is delivered to a page listener with and without the
 * hook installed, interleaved over several rounds. Figures, not assertions: machines are noisy,
 * so this is never part of the test suite (`npm run bench` prints it in its table).
 */
import { performance } from 'node:perf_hooks';
import { installSocketHook } from '../src/page-hook/socket-hook';
import { draftSocketPrefixFor } from '../src/page-hook/draft-socket-prefix';
import { createPageStallDetector } from '../src/page-hook/page-stall';
import { FakeWebSocket } from '../tests/unit/page-hook/fake-websocket';
import { fakeReads } from '../tests/unit/page-hook/fake-reads';

const FRAMES_PER_ROUND = 200_000;
const ROUNDS = 15;
const URL = 'wss://fantasydraft.espn.com/game-1/league-123456789/JOIN?1=1&2=123456789&3=2&4={00000000-0000-4000-8000-000000000002}&5=1:123456789:2:{00000000-0000-4000-8000-000000000002}:-1234567890&nocache=1';
// The mix of a live draft: mostly CLOCK, then the pick cycle and heartbeats.
const STREAM = [
  'CLOCK 6 24245 2\n',
  'SELECTED 2 4430807 2 {00000000-0000-4000-8000-000000000002}\n',
  'AUTOSUGGEST 3929630\n',
  'SELECTING 3 30000\n',
  'CLOCK 6 28749 3\n',
  'PONG PING%201756607506685\n',
  'CLOCK 6 23744 3\n',
];

function setup(hooked: boolean) {
  const Native = class extends FakeWebSocket {};
  const global = { WebSocket: Native as unknown as typeof WebSocket };
  let emitted = 0;
  if (hooked) {
    const timers: Array<() => void> = [];
    installSocketHook({
      global,
      reads: fakeReads,
      warn: (message) => console.warn(message),
      now: () => Date.now(),
      emit: (items) => (emitted += items.length),
      // Batches flush when the page yields; here, once per 256 frames.
      setTimeout: (fn) => timers.push(fn),
      detectStall: createPageStallDetector().detect,
      socketIdPrefix: 'bench',
      draftSocketPrefix: draftSocketPrefixFor(1, '123456789'),
    });
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(URL);
    return { socket, flush: () => timers.splice(0).forEach((fn) => fn()), emitted: () => emitted };
  }
  const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(URL);
  return { socket, flush: () => undefined, emitted: () => emitted };
}

function round(hooked: boolean): number {
  const { socket, flush } = setup(hooked);
  let received = 0;
  socket.onmessage = () => (received += 1);
  socket.serverOpen();
  const start = performance.now();
  for (let i = 0; i < FRAMES_PER_ROUND; i += 1) {
    socket.serverMessage(STREAM[i % STREAM.length]);
    if ((i & 255) === 255) flush();
  }
  flush();
  const elapsed = performance.now() - start;
  if (received !== FRAMES_PER_ROUND) throw new Error('the page missed frames');
  return (elapsed * 1e6) / FRAMES_PER_ROUND; // ns per frame
}

export interface HookOverheadResult {
  /** ns per frame, one figure per round. */
  plain: number[];
  hooked: number[];
}

export function measureHookOverhead(rounds = ROUNDS): HookOverheadResult {
  // Warm-up, then interleave the two so drift hits both alike.
  round(false);
  round(true);
  const result: HookOverheadResult = { plain: [], hooked: [] };
  for (let i = 0; i < rounds; i += 1) {
    result.plain.push(round(false));
    result.hooked.push(round(true));
  }
  return result;
}
