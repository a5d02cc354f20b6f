import { beforeEach, describe, expect, it } from 'vitest';
import { installSocketHook, BATCH_DELAY_MS, type SocketHookEnv } from '../../../src/page-hook/socket-hook';
import { createPageStallDetector } from '../../../src/page-hook/page-stall';
import { redactSocketUrl, redactTokenFrame } from '../../../src/contract/redact';
import type { HookItem } from '../../../src/contract/page-events';
import { FakeWebSocket } from './fake-websocket';

const SWID = '{00000000-0000-4000-8000-000000000002}';
const DRAFT_URL = `wss://fantasydraft.espn.com/game-1/league-123456789/JOIN?1=1&2=123456789&3=2&4=${SWID}&5=1:123456789:2:${SWID}:-1234567890&6=false&7=false&8=KONA&nocache=487371`;

/** A manual clock and timer queue, so batching and stall checks run instantly. */
function harness() {
  let now = 1_000_000;
  const timers: Array<{ at: number; fn: () => void; every?: number; id: number }> = [];
  let nextId = 1;
  const batches: HookItem[][] = [];
  const NativeCtor = class extends FakeWebSocket {};
  const global = { WebSocket: NativeCtor as unknown as typeof WebSocket };
  const env: SocketHookEnv = {
    global,
    now: () => now,
    emit: (items) => batches.push(items),
    setTimeout: (fn, ms) => timers.push({ at: now + ms, fn, id: nextId++ }),
    setInterval: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, every: ms, id });
      return id;
    },
    clearInterval: (id) => {
      const index = timers.findIndex((t) => t.id === id);
      if (index >= 0) timers.splice(index, 1);
    },
    detectStall: createPageStallDetector().detect,
    redactUrl: redactSocketUrl,
    redactTokenFrame,
    socketIdPrefix: 'p1',
  };
  const hook = installSocketHook(env);
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > end) break;
      now = next.at;
      if (next.every) next.at += next.every;
      else timers.shift();
      next.fn();
    }
    now = end;
  };
  const items = () => batches.flat();
  return { global, NativeCtor, hook, advance, items, batches, timers, setNow: (t: number) => (now = t) };
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

  it('reports the draft socket in both directions with the secret removed', () => {
    const { global, advance, items } = harness();
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    socket.serverOpen();
    socket.serverMessage(`TOKEN 1:123456789:2:${SWID}:-1234567890\n`);
    socket.send('PING PING%201756607417674\n');
    socket.serverMessage('PONG PING%201756607417674\n');
    advance(BATCH_DELAY_MS);
    const all = items();
    const text = JSON.stringify(all);
    expect(text).not.toContain('-1234567890');
    expect(all[0]).toMatchObject({ k: 'open', sid: 'p1-1' });
    expect((all[0] as { url: string }).url).toContain('/game-1/league-123456789/JOIN');
    expect(all.slice(1)).toEqual([
      { k: 'frame', sid: 'p1-1', seq: 1, dir: 'in', at: expect.any(Number), data: 'TOKEN 1:123456789:2\n' },
      { k: 'frame', sid: 'p1-1', seq: 2, dir: 'out', at: expect.any(Number), data: 'PING PING%201756607417674\n' },
      { k: 'frame', sid: 'p1-1', seq: 3, dir: 'in', at: expect.any(Number), data: 'PONG PING%201756607417674\n' },
    ]);
  });

  it('never reads other sockets, such as ESPN telemetry', () => {
    const { global, advance, items } = harness();
    const Hooked = global.WebSocket as unknown as typeof FakeWebSocket;
    const telemetry = new Hooked('wss://espn.connections.edge.bamgrid.com/socket');
    const lookalike = new Hooked('wss://fantasydraft.espn.com.evil.example/game-1/league-1/JOIN');
    for (const socket of [telemetry, lookalike]) {
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
    const { global, batches } = harness();
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    socket.serverOpen();
    batches.length = 0;
    socket.serverMessage('SELECTED 1 4362628 4\n');
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
    expect(timers.filter((timer) => timer.every)).toHaveLength(0);
  });

  it('flushes queued frames and an unload marker when the page goes away', () => {
    const { global, hook, batches } = harness();
    const socket = new (global.WebSocket as unknown as typeof FakeWebSocket)(DRAFT_URL);
    socket.serverOpen();
    socket.serverMessage('SELECTED 1 4362628 4\n');
    hook.pageUnloading();
    expect(batches.flat().map((item) => item.k)).toEqual(['open', 'frame', 'unload']);
  });
});
