import type { SocketReads } from '../../../src/page-hook/socket-reads';
import { FakeWebSocket } from './fake-websocket';

/** Plain property reads over FakeWebSocket; only events its test drivers dispatched count as trusted. */
export const fakeReads: SocketReads = {
  isTrusted: (event) => FakeWebSocket.trusted.has(event),
  messageData: (event) => (event as MessageEvent<unknown>).data,
  closeDetails: (event) => {
    const close = event as Event & { code: number; reason: string; wasClean: boolean };
    return { code: close.code, reason: close.reason, clean: close.wasClean };
  },
  url: (socket) => socket.url,
  readyState: (socket) => socket.readyState,
  listen: (target, type, listener) => target.addEventListener(type, listener),
};
