import { describe, expect, it } from 'vitest';
import { MessageChannel as NodeMessageChannel, MessagePort as NodeMessagePort } from 'node:worker_threads';
import { openHookChannel } from '../../../src/page-hook/hook-channel';
import { acceptHookChannel } from '../../../src/relay/relay-channel';
import { CHANNEL_HELLO_EVENT, CHANNEL_OFFER_EVENT } from '../../../src/contract/channel-handshake';

/** Just enough DOM: the handshake reads only documentElement and its firstChild. */
class FakeNode {
  private child: FakeNode | null = null;
  get firstChild(): FakeNode | null {
    return this.child;
  }
  append(node: FakeNode): void {
    this.child = node;
  }
}

class FakeDocument extends EventTarget {
  private readonly root = new FakeNode();
  get documentElement(): FakeNode {
    return this.root;
  }
  /** The parser has started: from now on page scripts may run. */
  parse(): void {
    this.root.append(new FakeNode());
  }
}

const nodeMessageData = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')!.get!;

/**
 * Node's MessageEvent ignores `cancelable`; browsers honour it, and the relay's preventDefault()
 * is how the hook learns its port was taken. Messages arriving on ports are Node's own events.
 */
class BrowserLikeMessageEvent extends Event {
  readonly ports: readonly MessagePort[];
  constructor(type: string, init: { cancelable?: boolean; ports?: MessagePort[] } = {}) {
    super(type, { cancelable: init.cancelable ?? false });
    this.ports = init.ports ?? [];
  }
  get data(): unknown {
    return nodeMessageData.call(this) as unknown;
  }
}

const pageGlobal = {
  EventTarget,
  MessageEvent: BrowserLikeMessageEvent,
  MessageChannel: NodeMessageChannel,
  MessagePort: NodeMessagePort,
  Document: FakeDocument,
  Node: FakeNode,
} as unknown as typeof globalThis;

const nextMessage = (port: MessagePort): Promise<unknown> =>
  new Promise((resolve) => {
    port.onmessage = (event) => resolve(event.data);
  });

function relayOn(doc: FakeDocument): MessagePort[] {
  const ports: MessagePort[] = [];
  acceptHookChannel(doc as unknown as Document, (port) => ports.push(port));
  return ports;
}

describe('the private channel handshake at document_start', () => {
  it('connects when the hook runs first and the relay second', async () => {
    const doc = new FakeDocument();
    const hook = openHookChannel(doc as unknown as Document, pageGlobal);
    expect(hook.connected).toBe(false);
    const ports = relayOn(doc);
    expect(ports).toHaveLength(1);
    expect(hook.connected).toBe(true);
    const received = nextMessage(ports[0]!);
    hook.post([{ k: 'unload', at: 1 }]);
    expect(await received).toEqual([{ k: 'unload', at: 1 }]);
    ports[0]!.close();
  });

  it('connects when the relay runs first and the hook second', async () => {
    const doc = new FakeDocument();
    const ports = relayOn(doc);
    expect(ports).toHaveLength(0);
    const hook = openHookChannel(doc as unknown as Document, pageGlobal);
    expect(ports).toHaveLength(1);
    expect(hook.connected).toBe(true);
    // The relay's way back: the worker's settings reach the hook over the same port.
    const settings = new Promise((resolve) => hook.onMessage(resolve));
    ports[0]!.postMessage({ silence: { activeBudgetMs: 4000 } });
    expect(await settings).toEqual({ silence: { activeBudgetMs: 4000 } });
    ports[0]!.close();
  });

  it('sends nothing while no relay took the port', () => {
    const doc = new FakeDocument();
    const hook = openHookChannel(doc as unknown as Document, pageGlobal);
    expect(() => hook.post([{ k: 'unload', at: 1 }])).not.toThrow();
    expect(hook.connected).toBe(false);
  });

  it('gives a page script that says hello later no port, even when no relay ever came', () => {
    const doc = new FakeDocument();
    const hook = openHookChannel(doc as unknown as Document, pageGlobal);
    doc.parse();
    const offers: Event[] = [];
    doc.addEventListener(CHANNEL_OFFER_EVENT, (event) => offers.push(event));
    doc.dispatchEvent(new CustomEvent(CHANNEL_HELLO_EVENT));
    doc.dispatchEvent(new CustomEvent(CHANNEL_HELLO_EVENT));
    expect(offers).toEqual([]);
    expect(hook.connected).toBe(false);
  });

  it("takes no forged offer once page scripts may run, even when the hook never came", () => {
    const doc = new FakeDocument();
    const ports = relayOn(doc);
    doc.parse();
    const forged = new NodeMessageChannel();
    const offer = new BrowserLikeMessageEvent(CHANNEL_OFFER_EVENT, { cancelable: true, ports: [forged.port2 as unknown as MessagePort] });
    expect(doc.dispatchEvent(offer as unknown as Event)).toBe(true);
    expect(ports).toEqual([]);
    forged.port1.close();
  });

  it('takes no second offer after the handshake, so a later offer cannot replace the port', () => {
    const doc = new FakeDocument();
    const ports = relayOn(doc);
    openHookChannel(doc as unknown as Document, pageGlobal);
    // Even a replay while the document is still empty finds nobody listening.
    const forged = new NodeMessageChannel();
    const offer = new BrowserLikeMessageEvent(CHANNEL_OFFER_EVENT, { cancelable: true, ports: [forged.port2 as unknown as MessagePort] });
    expect(doc.dispatchEvent(offer as unknown as Event)).toBe(true);
    expect(ports).toHaveLength(1);
    ports[0]!.close();
    forged.port1.close();
  });

  it('keeps working when the page replaces the DOM getters and dispatchEvent after start-up', () => {
    const doc = new FakeDocument();
    const hook = openHookChannel(doc as unknown as Document, pageGlobal);
    doc.parse();
    const saved = Object.getOwnPropertyDescriptor(FakeNode.prototype, 'firstChild')!;
    Object.defineProperty(FakeNode.prototype, 'firstChild', { get: () => null, configurable: true });
    try {
      const offers: Event[] = [];
      doc.addEventListener(CHANNEL_OFFER_EVENT, (event) => offers.push(event));
      doc.dispatchEvent(new CustomEvent(CHANNEL_HELLO_EVENT));
      expect(offers).toEqual([]);
      expect(hook.connected).toBe(false);
    } finally {
      Object.defineProperty(FakeNode.prototype, 'firstChild', saved);
    }
  });
});
