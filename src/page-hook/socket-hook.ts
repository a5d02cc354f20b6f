/* eslint-disable @typescript-eslint/unbound-method -- the hook captures built-ins unbound on purpose and calls them later through a bound Function.prototype.call, so the page cannot swap them */
import type { HookItem } from '../contract/page-events';
import { MAX_BATCH_ITEMS, MAX_FRAME_CHARS } from '../contract/channel-limits';
import { defineProperty, getOwnPropertyDescriptor, newList, reflectApply, reflectConstruct, setPrototypeOf, startsWith, stringCharCodeAt, weakMapGet, weakMapSet } from './intrinsics';
import type { SocketReads } from './socket-reads';

/**
 * Runs inside ESPN's page on every frame, so it only timestamps, filters and
 * queues. Parsing happens in the background worker. It must import nothing
 * heavy: whatever it imports is bundled into the page.
 *
 * Page scripts share this world, so at run time the hook touches no page-owned built-in:
 * string tests, maps, lists and event reads go through `intrinsics` and `env.reads`, captured
 * before any page script ran, and the Proxy handlers have no prototype to inherit traps from.
 */
export interface SocketHookEnv {
  /** The page's global object (window in the browser, a fake in tests). */
  global: { WebSocket: typeof WebSocket };
  reads: SocketReads;
  now(): number;
  /**
   * Receives batches; called from a timer or synchronously for urgent items. The list is the
   * hook's own and is emptied right after the call: copy it (the port's structured clone does).
   */
  emit(items: HookItem[]): void;
  setTimeout(fn: () => void, ms: number): unknown;
  /** Called once a second per open draft socket; returns a stall or null. */
  detectStall(watch: SocketActivity, now: number): { cause: 'silence' | 'pong-timeout'; silentForMs: number } | null;
  warn(message: string): void;
  socketIdPrefix: string;
  /**
   * Sockets whose URL starts with this are the tab's draft: `wss://fantasydraft.espn.com/game-G/league-L/`
   * with the page URL's game and league. A socket a page script opens to another league is
   * left alone like any other socket, so it can never become this tab's draft.
   */
  draftSocketPrefix: string;
  /** Registers a Proxy to print like the native it wraps (see native-disguise.ts); optional in tests. */
  disguise?(proxy: object, original: object): void;
}

/** Plain counters the stall rule reads; updated in place to avoid allocation per frame. */
export interface SocketActivity {
  openedAt: number;
  lastInboundAt: number;
  lastPingSentAt: number | null;
  lastPongAt: number | null;
  /** ESPN's cadence differs when paused (bare CLOCK) or complete (STATE 2), so the silence budget does too. */
  phase: 'active' | 'paused' | 'complete';
}

interface Watch extends SocketActivity {
  sid: string;
  seq: number;
  stalled: boolean;
  /** Frames count only once the browser said the socket opened. */
  opened: boolean;
}

const OPEN = 1;
/** Long enough to batch SELECTING + AUTOSUGGEST + CLOCK, short enough to feel live. Picks go at once. */
export const BATCH_DELAY_MS = 50;
/**
 * The least time between two batches sent for urgent items (picks, opens, closes). Real picks are
 * seconds apart and always go at once; in a burst (a replayed board, a flood of frames) the urgent
 * items of these milliseconds share one batch, so the page posts at most ~60 batches a second.
 */
export const URGENT_GAP_MS = 16;
export const STALL_CHECK_INTERVAL_MS = 1000;

/** Bare `CLOCK` = paused; `CLOCK 4` = after the draft (every 20 s); any other CLOCK = live cadence (5 s). */
function clockPhase(data: string): SocketActivity['phase'] {
  if (data.length <= 6) return 'paused';
  return stringCharCodeAt(data, 6) === 52 /* 4 */ ? 'complete' : 'active';
}

export interface InstalledSocketHook {
  /** Sends what is queued, with an `unload` item, now: no timer fires after pagehide. */
  pageUnloading(): void;
}

/** Replaces a property's value and keeps the rest of its descriptor as the browser made it. */
function replaceValue(target: object, key: PropertyKey, value: unknown): void {
  defineProperty(target, key, { configurable: true, writable: true, ...getOwnPropertyDescriptor(target, key), value });
}

export function installSocketHook(env: SocketHookEnv): InstalledSocketHook {
  const { reads } = env;
  const NativeWebSocket = env.global.WebSocket;
  const nativeSend = NativeWebSocket.prototype.send;
  const watches = new WeakMap<WebSocket, Watch>();
  let openWatches = newList<Watch>();
  let socketCount = 0;
  // One list for the hook's lifetime: emit clones it (structured clone) before it is emptied.
  const queue = newList<HookItem>();
  let lastFlushAt = -Infinity;
  let batchTimerPending = false;
  let urgentTimerPending = false;
  let stallCheckPending = false;

  const flush = (): void => {
    if (queue.length === 0) return;
    lastFlushAt = env.now();
    env.emit(queue);
    queue.length = 0;
  };
  const onBatchTimer = (): void => {
    batchTimerPending = false;
    flush();
  };
  const onUrgentTimer = (): void => {
    urgentTimerPending = false;
    flush();
  };

  const enqueue = (item: HookItem, urgent: boolean): void => {
    queue[queue.length] = item;
    if (queue.length >= MAX_BATCH_ITEMS) flush();
    else if (urgent) {
      // At once, unless a batch left moments ago: then at the end of the gap, with what came meanwhile.
      const sinceLastFlush = item.at - lastFlushAt;
      const inGap = sinceLastFlush >= 0 && sinceLastFlush < URGENT_GAP_MS;
      if (!inGap) flush();
      else if (!urgentTimerPending) {
        urgentTimerPending = true;
        env.setTimeout(onUrgentTimer, URGENT_GAP_MS - sinceLastFlush);
      }
    } else if (!batchTimerPending) {
      // Armed once and left to run out: an urgent flush meanwhile does not cost the page another timer.
      batchTimerPending = true;
      env.setTimeout(onBatchTimer, BATCH_DELAY_MS);
    }
  };

  // A timeout re-armed while a socket is open, not an interval: nothing to clear, and no timer once all are closed.
  const scheduleStallCheck = (): void => {
    if (stallCheckPending || openWatches.length === 0) return;
    stallCheckPending = true;
    env.setTimeout(checkStalls, STALL_CHECK_INTERVAL_MS);
  };

  const checkStalls = (): void => {
    stallCheckPending = false;
    scheduleStallCheck();
    const now = env.now();
    for (let i = 0; i < openWatches.length; i += 1) {
      const watch = openWatches[i]!;
      if (watch.stalled) continue;
      const stall = env.detectStall(watch, now);
      if (stall === null) continue;
      watch.stalled = true;
      enqueue({ k: 'stall', sid: watch.sid, at: now, cause: stall.cause, silentForMs: stall.silentForMs }, true);
    }
  };

  const forgetOpenWatch = (watch: Watch): void => {
    const kept = newList<Watch>();
    for (let i = 0; i < openWatches.length; i += 1) if (openWatches[i] !== watch) kept[kept.length] = openWatches[i]!;
    openWatches = kept;
  };

  const recordFrame = (watch: Watch, dir: 'in' | 'out', data: string, at: number, urgent: boolean): void => {
    watch.seq += 1;
    if (data.length > MAX_FRAME_CHARS) {
      // Its sequence number stays used: the worker sees the gap and takes the picks from the next INIT.
      env.warn(`Draft Watch: skipped a ${data.length}-character frame (limit ${MAX_FRAME_CHARS})`);
      return;
    }
    enqueue({ k: 'frame', sid: watch.sid, seq: watch.seq, dir, at, data }, urgent);
  };

  const onMessage = (watch: Watch, event: Event): void => {
    // Only the browser's own events: a page script can dispatch a MessageEvent on the socket too.
    if (!watch.opened || !reads.isTrusted(event)) return;
    const at = env.now();
    watch.lastInboundAt = at;
    watch.stalled = false;
    const raw = reads.messageData(event);
    // The draft socket is text; a binary frame would be a protocol change we cannot read here.
    // Only its arrival is recorded (its size is not: reading it would cost the page script two more getters).
    const data = typeof raw === 'string' ? raw : 'BINARY';
    // Cheap first-letter tests keep the per-frame cost flat. Pick changes skip the batch timer.
    const first = stringCharCodeAt(data, 0);
    let urgent = false;
    if (first === 67 /* C */) watch.phase = clockPhase(data);
    else if (first === 83 /* S */) {
      if (startsWith(data, 'STATE ')) watch.phase = startsWith(data, 'STATE 2') ? 'complete' : 'active';
      else urgent = startsWith(data, 'SELECTED') || startsWith(data, 'SOLD');
    } else if (first === 80 /* P */ && startsWith(data, 'PONG ')) watch.lastPongAt = at;
    else if (first === 85 /* U */) urgent = startsWith(data, 'UNDONE');
    else if (first === 82 /* R */) urgent = startsWith(data, 'RESET');
    recordFrame(watch, 'in', data, at, urgent);
  };

  const watchSocket = (socket: WebSocket, url: string): void => {
    const at = env.now();
    socketCount += 1;
    const watch: Watch = {
      sid: `${env.socketIdPrefix}-${socketCount}`,
      seq: 0,
      openedAt: at,
      lastInboundAt: at,
      lastPingSentAt: null,
      lastPongAt: null,
      phase: 'active',
      stalled: false,
      opened: false,
    };
    weakMapSet(watches, socket, watch);
    // Raw URL: the relay takes the member's secrets out before anything leaves the tab (src/relay/redact-batch.ts).
    enqueue({ k: 'open', sid: watch.sid, at, url }, true);
    // Registered in the constructor, before any page listener, so the page's view is untouched.
    reads.listen(socket, 'open', (event) => {
      if (!reads.isTrusted(event) || watch.opened) return;
      watch.opened = true;
      watch.openedAt = env.now();
      watch.lastInboundAt = watch.openedAt;
      openWatches[openWatches.length] = watch;
      scheduleStallCheck();
    });
    reads.listen(socket, 'message', (event) => onMessage(watch, event));
    reads.listen(socket, 'error', (event) => {
      if (reads.isTrusted(event)) enqueue({ k: 'error', sid: watch.sid, at: env.now() }, true);
    });
    reads.listen(socket, 'close', (event) => {
      if (!reads.isTrusted(event)) return;
      forgetOpenWatch(watch);
      const { code, reason, clean } = reads.closeDetails(event);
      enqueue({ k: 'close', sid: watch.sid, at: env.now(), code, reason, clean }, true);
    });
  };

  // Handlers without a prototype: a trap the page adds to Object.prototype is never inherited.
  const constructHandler: ProxyHandler<typeof WebSocket> = setPrototypeOf(
    {
      construct(target: typeof WebSocket, args: unknown[], newTarget: NewableFunction) {
        const socket = reflectConstruct(target, args, newTarget) as WebSocket;
        try {
          // The browser-normalised URL, read with the captured getter, so a prefix test is exact about the host.
          const url = reads.url(socket);
          if (startsWith(url, env.draftSocketPrefix)) watchSocket(socket, url);
        } catch {
          // Never let our bookkeeping break the page's socket.
        }
        return socket;
      },
    },
    null,
  ) as ProxyHandler<typeof WebSocket>;
  const HookedWebSocket = new Proxy(NativeWebSocket, constructHandler);
  env.disguise?.(HookedWebSocket, NativeWebSocket);

  const sendHandler: ProxyHandler<typeof nativeSend> = setPrototypeOf(
    {
      apply(target: typeof nativeSend, socket: WebSocket, args: unknown[]) {
        // Native first: if it throws (e.g. still CONNECTING), nothing was sent and nothing is recorded.
        const result = reflectApply(target, socket, args) as void;
        const watch = weakMapGet(watches, socket);
        const data = args[0];
        // A send on a closing or closed socket is silently dropped by the browser: not a frame.
        if (watch !== undefined && watch.opened && typeof data === 'string' && reads.readyState(socket) === OPEN) {
          const at = env.now();
          if (startsWith(data, 'PING ')) watch.lastPingSentAt = at;
          recordFrame(watch, 'out', data, at, false);
        }
        return result;
      },
    },
    null,
  ) as ProxyHandler<typeof nativeSend>;

  // A Proxy of the native send keeps its name, length and non-constructibility, even minified; toString via env.disguise.
  const hookedSend = new Proxy(nativeSend, sendHandler);
  env.disguise?.(hookedSend, nativeSend);
  replaceValue(NativeWebSocket.prototype, 'send', hookedSend);
  // `socket.constructor === WebSocket` must keep holding for the page.
  if (getOwnPropertyDescriptor(NativeWebSocket.prototype, 'constructor')?.value === NativeWebSocket) {
    replaceValue(NativeWebSocket.prototype, 'constructor', HookedWebSocket);
  }
  replaceValue(env.global, 'WebSocket', HookedWebSocket);

  return {
    pageUnloading() {
      enqueue({ k: 'unload', at: env.now() }, false);
      flush();
    },
  };
}
