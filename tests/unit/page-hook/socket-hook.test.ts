import { beforeEach, describe, expect, it } from 'vitest';
import { installSocketHook, BATCH_DELAY_MS, STALL_CHECK_INTERVAL_MS, URGENT_GAP_MS, type SocketHookEnv } from '../../../src/page-hook/socket-hook';
import { draftSocketPrefixFor } from '../../../src/page-hook/draft-socket-prefix';
import { createPageStallDetector } from '../../../src/page-hook/page-stall';
import type { HookItem } from '../../../src/contract/page-events';
import { MAX_FRAME_CHARS } from '../../../src/contract/channel-limits';
import { FakeWebSocket } from './fake-websocket';
import { fakeReads } from './fake-reads';

const SWID = '{00000000-0000-4000-8000-000000000002}';
const DRAFT_URL = `wss://fantasydraft.espn.com/game-1/league-123456789/JOIN?1=1&2=123456789&3=2&4=${SWID}&5=1:123456789:2:${SWID}:-1234567890&6=false&7=false&8=KONA&nocache=487371`;

/** A manual clock and timer queue, so batching and stall checks run instantly. */
function harness() {
  let now = 1_000_000;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const batches: HookItem[][] = [];
  const NativeCtor = class extends FakeWebSocket {};
  const global = { WebSocket: NativeCtor as unknown as typeof WebSocket };
  const warnings: string[] = [];
  const env: SocketHookEnv = {
    global,
    reads: fakeReads,
    warn: (message) => warnings.push(message),
    now: () => now,
    // Array.from stands in for the structured clone over the port (the hook's lists have no prototype).
    emit: (items) => batches.splice(batches.length, 0, Array.from(items)),
    // splice, not push: the tamper test replaces Array.prototype.push while these fakes run.
    setTimeout: (fn, ms) => timers.splice(timers.length, 0, { at: now + ms, fn }),
    detectStall: createPageStallDetector().detect,
    socketIdPrefix: 'p1',
    draftSocketPrefix: draftSocketPrefixFor(1, '123456789'),
  };
  const hook = installSocketHook(env);
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > end) break;
      now = next.at;
      timers.shift();
      next.fn();
    }
    now = end;
  };
  const items = () => batches.flat();
  /** An open draft socket whose opening batch has gone and whose urgent gap has passed: the next pick goes at once. */
  const openSettledSocket = () => {
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    socket.serverOpen();
    advance(URGENT_GAP_MS);
    batches.length = 0;
    return socket;
  };
  return { global, NativeCtor, hook, advance, items, batches, timers, warnings, setNow: (t: number) => (now = t), openSettledSocket };
}

describe('installSocketHook', () => {
  beforeEach(() => {
    FakeWebSocket.instances = [];
  });

  it('keeps the constructor indistinguishable for the page', () => {
    const { global, NativeCtor } = harness();
    const Hooked = global.WebSocket as unknown as typeof FakeWebSocket;
    expect(Hooked).not.toBe(NativeCtor);
    expect(Hooked.prototype).toBe(NativeCtor.prototype);
    expect(Hooked.OPEN).toBe(1);
    expect(Hooked.CLOSED).toBe(3);
    expect(Hooked.name).toBe(NativeCtor.name);
    const socket = new Hooked(DRAFT_URL, ['chat']);
    expect(socket).toBeInstanceOf(Hooked);
    expect(socket).toBeInstanceOf(NativeCtor);
    expect(socket.protocol).toBe('chat');
    socket.binaryType = 'arraybuffer';
    expect(socket.binaryType).toBe('arraybuffer');
    class PageSubclass extends Hooked {}
    expect(new PageSubclass('wss://example.com/')).toBeInstanceOf(PageSubclass);
    expect(Hooked.prototype.send.name).toBe('send');
    expect(Hooked.prototype.send.length).toBe(NativeCtor.prototype.send.length);
    expect(socket.constructor).toBe(Hooked);
    expect(() => new (Hooked.prototype.send as unknown as new () => unknown)()).toThrow(TypeError);
  });

  it('delivers every frame to onmessage and addEventListener listeners unchanged', () => {
    const { global } = harness();
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    const seen: unknown[] = [];
    socket.onmessage = (event) => seen.push(['on', event.data]);
    socket.addEventListener('message', (event) => seen.push(['listener', (event as MessageEvent).data]));
    socket.serverOpen();
    socket.serverMessage(`TOKEN 1:123456789:2:${SWID}:-1234567890\n`);
    expect(seen).toEqual([
      ['listener', `TOKEN 1:123456789:2:${SWID}:-1234567890\n`],
      ['on', `TOKEN 1:123456789:2:${SWID}:-1234567890\n`],
    ]);
  });

  it('reports the draft socket in both directions, raw (the relay redacts: tests/unit/relay/redact-batch.test.ts)', () => {
    const { global, advance, items } = harness();
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    socket.serverOpen();
    socket.serverMessage(`TOKEN 1:123456789:2:${SWID}:-1234567890\n`);
    socket.send('PING PING%201756607417674\n');
    socket.serverMessage('PONG PING%201756607417674\n');
    advance(BATCH_DELAY_MS);
    const all = items();
    expect(all[0]).toMatchObject({ k: 'open', sid: 'p1-1', url: DRAFT_URL });
    expect(all.slice(1)).toEqual([
      { k: 'frame', sid: 'p1-1', seq: 1, dir: 'in', at: expect.any(Number), data: `TOKEN 1:123456789:2:${SWID}:-1234567890\n` },
      { k: 'frame', sid: 'p1-1', seq: 2, dir: 'out', at: expect.any(Number), data: 'PING PING%201756607417674\n' },
      { k: 'frame', sid: 'p1-1', seq: 3, dir: 'in', at: expect.any(Number), data: 'PONG PING%201756607417674\n' },
    ]);
  });

  it('never reads other sockets, such as ESPN telemetry', () => {
    const { global, advance, items } = harness();
    const Hooked = global.WebSocket as unknown as typeof FakeWebSocket;
    const telemetry = new Hooked('wss://espn.connections.edge.bamgrid.com/socket');
    const lookalike = new Hooked('wss://fantasydraft.espn.com.evil.example/game-1/league-1/JOIN');
    // A page script's own socket to the draft host for another league, or another game.
    const otherLeague = new Hooked('wss://fantasydraft.espn.com/game-1/league-1234567890/JOIN?1=1&2=1234567890&3=1');
    const otherGame = new Hooked('wss://fantasydraft.espn.com/game-3/league-123456789/JOIN?1=3&2=123456789&3=1');
    for (const socket of [telemetry, lookalike, otherLeague, otherGame]) {
      socket.serverOpen();
      socket.serverMessage('{"accessToken":"secret"}');
      socket.send('{"accessToken":"secret"}');
      socket.serverClose(1000);
    }
    advance(1000);
    expect(items()).toEqual([]);
  });

  it('does not record a send on a closed socket, which the browser drops silently', () => {
    const { global, advance, items } = harness();
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    socket.serverOpen();
    socket.readyState = 3;
    socket.sent = [];
    socket.send('PING PING%201\n');
    expect(socket.sent).toEqual([]);
    advance(1000);
    expect(items().filter((item) => item.k === 'frame')).toEqual([]);
  });

  it('does not record a send that the browser refused', () => {
    const { global, advance, items } = harness();
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    expect(() => socket.send('PING PING%201\n')).toThrow(/CONNECTING/);
    expect(() => (socket.send as () => void)()).toThrow(TypeError);
    advance(1000);
    expect(items().filter((item) => item.k === 'frame')).toEqual([]);
  });

  it('batches ordinary frames and reports a close at once', () => {
    const { batches, openSettledSocket } = harness();
    const socket = openSettledSocket();
    socket.serverMessage('SELECTING 4 30000\n');
    socket.serverMessage('AUTOSUGGEST 4262921\n');
    expect(batches).toEqual([]);
    socket.serverClose(1006, '', false);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((item) => item.k)).toEqual(['frame', 'frame', 'close']);
    expect(batches[0]![2]).toMatchObject({ code: 1006, clean: false });
  });

  it('reports a silent socket once, within 12 s of its last frame, and stops checking when closed', () => {
    const { global, advance, items, timers } = harness();
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    socket.serverOpen();
    socket.serverMessage('CLOCK 6 29000 3\n');
    advance(10_000);
    expect(items().some((item) => item.k === 'stall')).toBe(false);
    advance(2_000);
    const stalls = items().filter((item) => item.k === 'stall');
    expect(stalls).toHaveLength(1);
    expect(stalls[0]).toMatchObject({ cause: 'silence' });
    advance(30_000);
    expect(items().filter((item) => item.k === 'stall')).toHaveLength(1);
    socket.serverClose(1006);
    advance(STALL_CHECK_INTERVAL_MS);
    expect(timers).toHaveLength(0);
  });

  it('flushes queued frames and an unload marker when the page goes away', () => {
    const { global, hook, batches } = harness();
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    socket.serverOpen();
    socket.serverMessage('SELECTED 1 4362628 4\n');
    hook.pageUnloading();
    expect(batches.flat().map((item) => item.k)).toEqual(['open', 'frame', 'unload']);
  });

  it('sends pick changes (SELECTED, SOLD, UNDONE, RESET) at once, with what was queued before them', () => {
    for (const pick of ['SELECTED 1 4362628 4\n', 'SOLD 1 4362628 4 12\n', 'UNDONE 3\n', 'RESET\n']) {
      const { batches, openSettledSocket } = harness();
      const socket = openSettledSocket();
      socket.serverMessage('CLOCK 6 29000 3\n');
      socket.serverMessage('SELECTING 4 30000\n');
      socket.serverMessage('STATE 1\n');
      expect(batches).toEqual([]);
      socket.serverMessage(pick);
      expect(batches).toHaveLength(1);
      expect(batches[0]!.map((item) => (item as { data: string }).data)).toEqual(['CLOCK 6 29000 3\n', 'SELECTING 4 30000\n', 'STATE 1\n', pick]);
    }
  });

  it('in a burst, urgent items within the gap after a batch share one batch sent when the gap ends', () => {
    const { batches, advance, openSettledSocket } = harness();
    const socket = openSettledSocket();
    socket.serverMessage('SELECTED 1 4362628 4\n');
    expect(batches).toHaveLength(1);
    advance(1);
    socket.serverMessage('SOLD 1 4362629 5 12\n');
    socket.serverMessage('CLOCK 6 29000 3\n');
    socket.serverMessage('SELECTED 2 4362629 5\n');
    expect(batches).toHaveLength(1);
    advance(URGENT_GAP_MS - 2);
    expect(batches).toHaveLength(1);
    advance(1);
    expect(batches).toHaveLength(2);
    expect(batches[1]!.map((item) => (item as { data: string }).data)).toEqual(['SOLD 1 4362629 5 12\n', 'CLOCK 6 29000 3\n', 'SELECTED 2 4362629 5\n']);
    // One timer for the gap, however many urgent items wait in it; nothing is sent twice.
    advance(BATCH_DELAY_MS);
    expect(batches).toHaveLength(2);
  });

  it('sends a pick at once when the clock went back since the last batch', () => {
    const { global, batches, setNow } = harness();
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    socket.serverOpen();
    batches.length = 0;
    setNow(1_000_000 - 60_000);
    socket.serverMessage('SELECTED 1 4362628 4\n');
    expect(batches).toHaveLength(1);
  });

  it('arms one batch timer at a time: an urgent batch in between does not add timers', () => {
    const { global, advance, timers } = harness();
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    socket.serverOpen();
    for (let i = 0; i < 10; i += 1) {
      advance(URGENT_GAP_MS);
      socket.serverMessage('CLOCK 6 29000 3\n');
      socket.serverMessage('SELECTED 1 4362628 4\n');
    }
    // The batch timer and the once-a-second stall check, nothing more.
    expect(timers.length).toBeLessThanOrEqual(2);
  });

  it('ignores events a page script dispatches on the socket (isTrusted false)', () => {
    const { global, advance, items } = harness();
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    socket.serverOpen();
    socket.dispatchEvent(new MessageEvent('message', { data: 'UNDONE 0\n' }));
    socket.dispatchEvent(new Event('error'));
    socket.dispatchEvent(Object.assign(new Event('close'), { code: 1000, reason: '', wasClean: true }));
    socket.serverMessage('SELECTING 4 30000\n');
    advance(BATCH_DELAY_MS);
    expect(items().map((item) => item.k)).toEqual(['open', 'frame']);
    expect(items()[1]).toMatchObject({ seq: 1, data: 'SELECTING 4 30000\n' });
  });

  it('drops frames of a socket never seen to open', () => {
    const { global, advance, items } = harness();
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    socket.serverMessage('SELECTED 1 4362628 4\n');
    socket.dispatchEvent(new Event('open'));
    socket.serverMessage('SELECTED 2 4362629 5\n');
    advance(BATCH_DELAY_MS);
    expect(items().map((item) => item.k)).toEqual(['open']);
  });

  it('skips a frame over the size limit with a warning, leaving a gap in the sequence numbers', () => {
    const { global, advance, items, warnings } = harness();
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    socket.serverOpen();
    socket.serverMessage(`INIT ${'x'.repeat(MAX_FRAME_CHARS)}`);
    socket.serverMessage('SELECTING 4 30000\n');
    advance(BATCH_DELAY_MS);
    expect(items().filter((item) => item.k === 'frame')).toEqual([expect.objectContaining({ seq: 2, data: 'SELECTING 4 30000\n' })]);
    expect(warnings).toEqual([expect.stringMatching(/skipped a \d+-character frame \(limit 1048576\)/)]);
  });

  it('never calls built-ins the page replaced after start-up', () => {
    const { global, advance, items } = harness();
    const saved = {
      startsWith: String.prototype.startsWith,
      charCodeAt: String.prototype.charCodeAt,
      push: Array.prototype.push,
      weakGet: WeakMap.prototype.get,
      apply: Reflect.apply,
      construct: Reflect.construct,
      stringify: JSON.stringify,
      setPrototypeOf: Object.setPrototypeOf,
    };
    const trap = () => {
      throw new Error('page-owned built-in called');
    };
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    socket.serverOpen();
    let second: FakeWebSocket;
    try {
      String.prototype.startsWith = trap;
      String.prototype.charCodeAt = trap;
      Array.prototype.push = trap;
      WeakMap.prototype.get = trap;
      Reflect.apply = trap;
      Reflect.construct = trap;
      JSON.stringify = trap;
      Object.setPrototypeOf = trap;
      Object.defineProperty(Array.prototype, '0', { set: trap, configurable: true });
      (Object.prototype as Record<string, unknown>).construct = trap;
      socket.serverMessage(`TOKEN 1:123456789:2:${SWID}:-1234567890\n`);
      socket.send('PING PING%201\n');
      socket.serverMessage('SELECTED 1 4362628 4\n');
      second = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    } finally {
      Object.assign(String.prototype, { startsWith: saved.startsWith, charCodeAt: saved.charCodeAt });
      Array.prototype.push = saved.push;
      WeakMap.prototype.get = saved.weakGet;
      Reflect.apply = saved.apply;
      Reflect.construct = saved.construct;
      JSON.stringify = saved.stringify;
      Object.setPrototypeOf = saved.setPrototypeOf;
      delete (Array.prototype as unknown as Record<string, unknown>)['0'];
      delete (Object.prototype as Record<string, unknown>).construct;
    }
    advance(BATCH_DELAY_MS);
    expect(second).toBeInstanceOf(FakeWebSocket);
    expect(items().map((item) => [item.k, (item as { data?: string }).data])).toEqual([
      ['open', undefined],
      ['frame', `TOKEN 1:123456789:2:${SWID}:-1234567890\n`],
      ['frame', 'PING PING%201\n'],
      ['frame', 'SELECTED 1 4362628 4\n'],
      ['open', undefined],
    ]);
  });
});
