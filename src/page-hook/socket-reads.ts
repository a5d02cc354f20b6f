/* eslint-disable @typescript-eslint/unbound-method -- the hook captures built-ins unbound on purpose and calls them later through a bound Function.prototype.call, so the page cannot swap them */
import { getOwnPropertyDescriptor, getter, uncurry } from './intrinsics';

/**
 * How the hook reads sockets and their events. In the page these are the browser's own getters,
 * captured at start-up and called on the object: a page script cannot fake an event's
 * `isTrusted` or `data`, a socket's `url`, or catch the hook's listeners by replacing
 * `addEventListener`. Tests pass plain reads over a stand-in WebSocket.
 */
export interface SocketReads {
  /** True only for events the browser itself dispatched (never for `dispatchEvent` from a script). */
  isTrusted(event: Event): boolean;
  messageData(event: Event): unknown;
  closeDetails(event: Event): { code: number; reason: string; clean: boolean };
  url(socket: WebSocket): string;
  readyState(socket: WebSocket): number;
  listen(target: EventTarget, type: string, listener: (event: Event) => void): void;
}

export function captureSocketReads(global: typeof globalThis): SocketReads {
  // isTrusted is [LegacyUnforgeable]: an own getter on every event, shared by all of them.
  const isTrusted = uncurry(getOwnPropertyDescriptor(new global.Event('draft-watch'), 'isTrusted')!.get!);
  const data = getter(global.MessageEvent.prototype, 'data')!;
  const code = getter(global.CloseEvent.prototype, 'code')!;
  const reason = getter(global.CloseEvent.prototype, 'reason')!;
  const wasClean = getter(global.CloseEvent.prototype, 'wasClean')!;
  const url = getter(global.WebSocket.prototype, 'url')!;
  const readyState = getter(global.WebSocket.prototype, 'readyState')!;
  const addEventListener = uncurry(global.EventTarget.prototype.addEventListener);
  // Each read gets its own call site (the engine can then inline it) and none can throw: the hook
  // reads only the browser's own trusted events (isTrusted first, an own getter of every event)
  // and sockets it constructed itself with the native constructor.
  return {
    isTrusted: (event) => isTrusted(event) === true,
    messageData: (event) => data(event),
    closeDetails: (event) => ({ code: code(event) as number, reason: reason(event) as string, clean: wasClean(event) === true }),
    url: (socket) => url(socket) as string,
    readyState: (socket) => readyState(socket) as number,
    listen: addEventListener,
  };
}
