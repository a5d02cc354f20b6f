/** A stand-in for the browser's WebSocket with the parts the hook and a page use. */
export class FakeWebSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static instances: FakeWebSocket[] = [];
  /** Events the "browser" (the test driver) dispatched; anything else was dispatched by a page script. */
  static readonly trusted = new WeakSet<Event>();

  readonly url: string;
  readonly protocol: string;
  readyState = 0;
  binaryType: 'blob' | 'arraybuffer' = 'blob';
  onmessage: ((event: MessageEvent) => void) | null = null;
  sent: unknown[] = [];

  constructor(url: string, protocols?: string | string[]) {
    super();
    this.url = new URL(url).href;
    this.protocol = Array.isArray(protocols) ? (protocols[0] ?? '') : (protocols ?? '');
    FakeWebSocket.instances = FakeWebSocket.instances.concat([this]);
  }

  send(data: unknown): void {
    if (arguments.length === 0) throw new TypeError('1 argument required');
    // Browsers throw only while connecting; on a closing or closed socket the data is dropped.
    if (this.readyState === 0) throw new DOMException('Still in CONNECTING state.', 'InvalidStateError');
    // concat, not push: a test may replace Array.prototype.push to prove the hook never calls it.
    if (this.readyState === 1) this.sent = this.sent.concat([data]);
  }

  close(): void {
    this.readyState = 3;
  }

  static trust<E extends Event>(event: E): E {
    FakeWebSocket.trusted.add(event);
    return event;
  }

  // Test drivers, playing the network's part.
  serverOpen(): void {
    this.readyState = 1;
    this.dispatchEvent(FakeWebSocket.trust(new Event('open')));
  }

  serverMessage(data: unknown): void {
    const event = FakeWebSocket.trust(new MessageEvent('message', { data }));
    this.dispatchEvent(event);
    this.onmessage?.(event);
  }

  serverClose(code: number, reason = '', wasClean = false): void {
    this.readyState = 3;
    const event = new Event('close') as Event & { code: number; reason: string; wasClean: boolean };
    Object.assign(event, { code, reason, wasClean });
    this.dispatchEvent(FakeWebSocket.trust(event));
  }
}
