import type { HookItem } from '../contract/page-events';

/**
 * Runs inside ESPN's page on every frame, so it only timestamps, filters and
 * queues. Parsing happens in the background worker. It must import nothing
 * heavy: whatever it imports is bundled into the page.
 */
export interface SocketHookEnv {
  /** The page's global object (window in the browser, a fake in tests). */
  global: { WebSocket: typeof WebSocket };
  now(): number;
  /** Receives batches; called from a timer or synchronously for urgent items. */
  emit(items: HookItem[]): void;
  setTimeout(fn: () => void, ms: number): unknown;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  /** Called once a second per open draft socket; returns a stall or null. */
  detectStall(watch: SocketActivity, now: number): { cause: 'silence' | 'pong-timeout'; silentForMs: number } | null;
  redactUrl(url: string): string;
  redactTokenFrame(text: string): string;
  socketIdPrefix: string;
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
}

const DRAFT_SOCKET_PREFIX = 'wss://fantasydraft.espn.com/';
const OPEN = 1;
/** Long enough to batch SELECTED + AUTOSUGGEST + SELECTING (≈250 ms apart at most), short enough to feel live. */
export const BATCH_DELAY_MS = 50;
export const STALL_CHECK_INTERVAL_MS = 1000;

/** Bare `CLOCK` = paused; `CLOCK 4` = after the draft (every 20 s); any other CLOCK = live cadence (5 s). */
function clockPhase(data: string): SocketActivity['phase'] {
  if (data.length <= 6) return 'paused';
  return data.charCodeAt(6) === 52 /* 4 */ ? 'complete' : 'active';
}

export interface InstalledSocketHook {
  /** Flush what is queued now (page unload). */
  flushNow(): void;
  pageUnloading(): void;
}

export function installSocketHook(env: SocketHookEnv): InstalledSocketHook {
  const NativeWebSocket = env.global.WebSocket;
  const nativeSend = NativeWebSocket.prototype.send;
  const watches = new WeakMap<WebSocket, Watch>();
  const openWatches = new Set<Watch>();
  let socketCount = 0;
  let queue: HookItem[] = [];
  let flushScheduled = false;
  let stallTimer: unknown = null;

  const flush = (): void => {
    flushScheduled = false;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    env.emit(batch);
  };

  const enqueue = (item: HookItem, urgent: boolean): void => {
    queue.push(item);
    if (urgent) flush();
    else if (!flushScheduled) {
      flushScheduled = true;
      env.setTimeout(flush, BATCH_DELAY_MS);
    }
  };

  const checkStalls = (): void => {
    const now = env.now();
    for (const watch of openWatches) {
      if (watch.stalled) continue;
      const stall = env.detectStall(watch, now);
      if (stall === null) continue;
      watch.stalled = true;
      enqueue({ k: 'stall', sid: watch.sid, at: now, cause: stall.cause, silentForMs: stall.silentForMs }, true);
    }
  };

  const startStallChecks = (): void => {
    if (stallTimer === null) stallTimer = env.setInterval(checkStalls, STALL_CHECK_INTERVAL_MS);
  };

  const stopStallChecksIfIdle = (): void => {
    if (openWatches.size === 0 && stallTimer !== null) {
      env.clearInterval(stallTimer);
      stallTimer = null;
    }
  };

  const recordFrame = (watch: Watch, dir: 'in' | 'out', data: string, at: number): void => {
    watch.seq += 1;
    enqueue({ k: 'frame', sid: watch.sid, seq: watch.seq, dir, at, data }, false);
  };

  const onMessage = (watch: Watch, event: MessageEvent): void => {
    const at = env.now();
    watch.lastInboundAt = at;
    watch.stalled = false;
    let data = event.data;
    // The draft socket is text; a binary frame would be a protocol change we cannot read here.
    if (typeof data !== 'string') data = `BINARY ${String(data?.byteLength ?? data?.size ?? 0)}`;
    // Cheap first-letter tests keep the per-frame cost flat.
    const first = data.charCodeAt(0);
    if (first === 84 /* T */ && data.startsWith('TOKEN ')) data = env.redactTokenFrame(data);
    else if (first === 80 /* P */ && data.startsWith('PONG ')) watch.lastPongAt = at;
    else if (first === 83 /* S */ && data.startsWith('STATE ')) watch.phase = data.startsWith('STATE 2') ? 'complete' : 'active';
    else if (first === 67 /* C */) watch.phase = clockPhase(data);
    recordFrame(watch, 'in', data, at);
  };

  const watchSocket = (socket: WebSocket): void => {
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
    };
    watches.set(socket, watch);
    enqueue({ k: 'open', sid: watch.sid, at, url: env.redactUrl(socket.url) }, true);
    // Registered in the constructor, before any page listener, so the page's view is untouched.
    socket.addEventListener('open', () => {
      watch.openedAt = env.now();
      watch.lastInboundAt = watch.openedAt;
      openWatches.add(watch);
      startStallChecks();
    });
    socket.addEventListener('message', (event) => onMessage(watch, event));
    socket.addEventListener('error', () => enqueue({ k: 'error', sid: watch.sid, at: env.now() }, true));
    socket.addEventListener('close', (event) => {
      openWatches.delete(watch);
      stopStallChecksIfIdle();
      enqueue(
        { k: 'close', sid: watch.sid, at: env.now(), code: event.code, reason: event.reason, clean: event.wasClean },
        true,
      );
    });
  };

  const HookedWebSocket = new Proxy(NativeWebSocket, {
    construct(target, args, newTarget) {
      const socket = Reflect.construct(target, args, newTarget) as WebSocket;
      // socket.url is the browser-normalised URL, so a prefix test is exact about the host.
      if (typeof socket.url === 'string' && socket.url.startsWith(DRAFT_SOCKET_PREFIX)) {
        try {
          watchSocket(socket);
        } catch {
          // Never let our bookkeeping break the page's socket.
        }
      }
      return socket;
    },
  });

  // A Proxy of the native send keeps its name, length, toString and non-constructibility, even minified.
  const sendDescriptor = Object.getOwnPropertyDescriptor(NativeWebSocket.prototype, 'send');
  Object.defineProperty(NativeWebSocket.prototype, 'send', {
    configurable: sendDescriptor?.configurable ?? true,
    enumerable: sendDescriptor?.enumerable ?? true,
    writable: sendDescriptor?.writable ?? true,
    value: new Proxy(nativeSend, {
      apply(target, socket: WebSocket, args: unknown[]) {
        // Native first: if it throws (e.g. still CONNECTING), nothing was sent and nothing is recorded.
        const result = Reflect.apply(target, socket, args) as void;
        const watch = watches.get(socket);
        const data = args[0];
        // A send on a closing or closed socket is silently dropped by the browser: not a frame.
        if (watch !== undefined && typeof data === 'string' && socket.readyState === OPEN) {
          const at = env.now();
          if (data.startsWith('PING ')) watch.lastPingSentAt = at;
          recordFrame(watch, 'out', data, at);
        }
        return result;
      },
    }),
  });

  // `socket.constructor === WebSocket` must keep holding for the page.
  const constructorDescriptor = Object.getOwnPropertyDescriptor(NativeWebSocket.prototype, 'constructor');
  if (constructorDescriptor?.value === NativeWebSocket) {
    Object.defineProperty(NativeWebSocket.prototype, 'constructor', { ...constructorDescriptor, value: HookedWebSocket });
  }

  const descriptor = Object.getOwnPropertyDescriptor(env.global, 'WebSocket');
  Object.defineProperty(env.global, 'WebSocket', {
    configurable: descriptor?.configurable ?? true,
    enumerable: descriptor?.enumerable ?? false,
    writable: descriptor?.writable ?? true,
    value: HookedWebSocket,
  });

  return {
    flushNow: flush,
    pageUnloading() {
      enqueue({ k: 'unload', at: env.now() }, true);
    },
  };
}
