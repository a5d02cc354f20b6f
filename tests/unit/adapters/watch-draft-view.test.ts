import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftView } from '../../../src/contract/draft-view';
import type { DraftListPush } from '../../../src/contract/view-port';
import { draftView } from '../popup/view-fixture';

/** A runtime port as the popup sees it: the test plays the worker's side. */
class FakeRuntimePort {
  readonly sent: unknown[] = [];
  private readonly messageListeners: Array<(raw: unknown) => void> = [];
  private readonly disconnectListeners: Array<() => void> = [];
  disconnected = false;
  readonly onMessage = { addListener: (listener: (raw: unknown) => void) => void this.messageListeners.push(listener) };
  readonly onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  /** The worker sends. */
  deliver(raw: unknown): void {
    for (const listener of this.messageListeners) listener(raw);
  }
  /** The worker went away (a restart). */
  drop(): void {
    for (const listener of this.disconnectListeners) listener();
  }
}

const opened: FakeRuntimePort[] = [];
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      connect: () => {
        const port = new FakeRuntimePort();
        opened.push(port);
        return port;
      },
    },
  },
}));

const { watchDraftView } = await import('../../../src/adapters/watch-draft-view');

const LINE = {
  draftId: 'ffl:123456789:2025',
  game: 'ffl',
  leagueId: '123456789',
  leagueName: null,
  seasonId: 2025,
  status: 'live',
  picks: 6,
  archivedAt: null,
  lastActiveAt: 1_756_607_000_000,
  tabId: 7,
} as const;

function watching() {
  const views: Array<DraftView | null> = [];
  const errors: string[] = [];
  const listPushes: DraftListPush[] = [];
  const watch = watchDraftView(Promise.resolve(7), null, (view) => views.push(view), (message) => errors.push(message), (push) => listPushes.push(push));
  return { watch, views, errors, listPushes };
}

describe('watchDraftView and the draft list', () => {
  beforeEach(() => {
    opened.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('hands on a pushed line and a list change once they fit the contract; the view is untouched', () => {
    const { views, errors, listPushes } = watching();
    const port = opened[0]!;
    port.deliver({ type: 'view', view: draftView(), committedAt: null });
    port.deliver({ type: 'summary', summary: LINE });
    const { tabId: _tab, ...withoutTab } = LINE;
    port.deliver({ type: 'summary', summary: withoutTab });
    port.deliver({ type: 'drafts-changed' });
    expect(listPushes).toEqual([{ type: 'summary', summary: LINE }, { type: 'summary', summary: withoutTab }, { type: 'drafts-changed' }]);
    expect(views).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['a negative pick count', { type: 'summary', summary: { ...LINE, picks: -1 } }],
    ['an unknown status', { type: 'summary', summary: { ...LINE, status: 'drafting' } }],
    ['no summary at all', { type: 'summary' }],
    ['a draft id that is not text', { type: 'summary', summary: { ...LINE, draftId: 42 } }],
  ])('drops a line with %s, logs why, and keeps the view it shows', (_name, raw) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { views, errors, listPushes } = watching();
    const port = opened[0]!;
    port.deliver({ type: 'view', view: draftView(), committedAt: null });
    port.deliver(raw);
    expect(listPushes).toEqual([]);
    expect(errors).toEqual([]);
    expect(views).toHaveLength(1);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]![0])).toContain('ignored a draft list change that does not fit');
    logged.mockRestore();
  });

  it('after the worker restarted, asks the list again once the new port shows a view (changes meanwhile were lost)', async () => {
    const { views, listPushes } = watching();
    opened[0]!.deliver({ type: 'view', view: draftView(), committedAt: null });
    opened[0]!.drop();
    expect(listPushes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(opened).toHaveLength(2);
    expect(listPushes).toEqual([]);
    opened[1]!.deliver({ type: 'view', view: draftView(), committedAt: null });
    opened[1]!.deliver({ type: 'view', view: draftView(), committedAt: null });
    expect(views).toHaveLength(3);
    expect(listPushes).toEqual([{ type: 'drafts-changed' }]);
  });
});
