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
  /** Byte size of a binary frame (ArrayBuffer or Blob), or 0. */
  binarySize(data: unknown): number;
  listen(target: EventTarget, type: string, listener: (event: Event) => void): void;
}

type Getter = ((self: unknown) => unknown) | null;

const read = (get: Getter, self: unknown): unknown => {
  if (get === null) return undefined;
  try {
    return get(self);
  } catch {
    // A brand check failed: the object is not what it claims to be.
    return undefined;
  }
};

export function captureSocketReads(global: typeof globalThis): SocketReads {
  // isTrusted is [LegacyUnforgeable]: an own getter on every event, shared by all of them.
  const trustedDescriptor = getOwnPropertyDescriptor(new global.Event('draft-watch'), 'isTrusted');
  const isTrustedGet: Getter = trustedDescriptor?.get ? uncurry(trustedDescriptor.get) : getter(global.Event.prototype, 'isTrusted');
  const dataGet = getter(global.MessageEvent.prototype, 'data');
  const codeGet = getter(global.CloseEvent?.prototype, 'code');
  const reasonGet = getter(global.CloseEvent?.prototype, 'reason');
  const cleanGet = getter(global.CloseEvent?.prototype, 'wasClean');
  const urlGet = getter(global.WebSocket.prototype, 'url');
  const readyStateGet = getter(global.WebSocket.prototype, 'readyState');
  const byteLengthGet = getter(global.ArrayBuffer.prototype, 'byteLength');
  const blobSizeGet = getter(global.Blob?.prototype, 'size');
  const addEventListener = uncurry(global.EventTarget.prototype.addEventListener);
  // The two reads on every frame get their own call sites (not the shared `read`, whose call is
  // megamorphic), so the engine can inline them. Neither can throw: isTrusted is an own getter of
  // every event, and `data` is read only after isTrusted, i.e. on the browser's own MessageEvent.
  const isTrusted = isTrustedGet ?? (() => false);
  const data = dataGet ?? (() => undefined);
  return {
    isTrusted: (event) => isTrusted(event) === true,
    messageData: (event) => data(event),
    closeDetails(event) {
      const code = read(codeGet, event);
      const reason = read(reasonGet, event);
      return { code: typeof code === 'number' ? code : 1006, reason: typeof reason === 'string' ? reason : '', clean: read(cleanGet, event) === true };
    },
    url(socket) {
      const url = read(urlGet, socket);
      return typeof url === 'string' ? url : '';
    },
    readyState(socket) {
      const state = read(readyStateGet, socket);
      return typeof state === 'number' ? state : -1;
    },
    binarySize(data) {
      const size = read(byteLengthGet, data) ?? read(blobSizeGet, data);
      return typeof size === 'number' ? size : 0;
    },
    listen(target, type, listener) {
      addEventListener(target, type, listener);
    },
  };
}
