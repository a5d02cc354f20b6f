/* eslint-disable @typescript-eslint/unbound-method -- the hook captures built-ins unbound on purpose and calls them later through a bound Function.prototype.call, so the page cannot swap them */
import { CHANNEL_HELLO_EVENT, CHANNEL_OFFER_EVENT } from '../contract/channel-handshake';
import { getter, newList, uncurry } from './intrinsics';

/** The hook's end of the private channel (see src/contract/channel-handshake.ts for the handshake). */
export interface HookChannel {
  /** True once the relay took the port; before that (or if it never does) batches are dropped. */
  readonly connected: boolean;
  /** Sends one batch by structured clone. */
  post(batch: unknown): void;
  /** Messages from the relay (never from the page: the page cannot reach the port). */
  onMessage(listener: (data: unknown) => void): void;
}

export function openHookChannel(doc: Document, global: typeof globalThis): HookChannel {
  const addEventListener = uncurry(global.EventTarget.prototype.addEventListener);
  const removeEventListener = uncurry(global.EventTarget.prototype.removeEventListener);
  const dispatchEvent = uncurry(global.EventTarget.prototype.dispatchEvent) as (target: EventTarget, event: Event) => boolean;
  const postMessage = uncurry(global.MessagePort.prototype.postMessage);
  const startPort = uncurry(global.MessagePort.prototype.start);
  const messageData = getter(global.MessageEvent.prototype, 'data');
  const documentElement = getter(global.Document.prototype, 'documentElement');
  const firstChild = getter(global.Node.prototype, 'firstChild');
  const MessageEventCtor = global.MessageEvent;

  // Captured getters: a page script cannot make a later document look pristine.
  const pristine = (): boolean => {
    const root = documentElement!(doc);
    return root !== null && firstChild!(root) === null;
  };

  const { port1, port2 } = new global.MessageChannel();
  let connected = false;
  const listeners = newList<(data: unknown) => void>();

  const offer = (): void => {
    if (connected || !pristine()) {
      removeEventListener(doc, CHANNEL_HELLO_EVENT, onHello);
      return;
    }
    const event = new MessageEventCtor(CHANNEL_OFFER_EVENT, { cancelable: true, ports: [port2] });
    // The relay cancels the offer to say it took the port.
    if (!dispatchEvent(doc, event)) {
      connected = true;
      removeEventListener(doc, CHANNEL_HELLO_EVENT, onHello);
    }
  };
  const onHello = (): void => offer();

  addEventListener(port1, 'message', (event: Event) => {
    const data = messageData!(event);
    for (let i = 0; i < listeners.length; i += 1) listeners[i]!(data);
  });
  startPort(port1);
  addEventListener(doc, CHANNEL_HELLO_EVENT, onHello);
  offer();

  return {
    get connected() {
      return connected;
    },
    post(batch) {
      if (connected) postMessage(port1, batch);
    },
    onMessage(listener) {
      listeners[listeners.length] = listener;
    },
  };
}
