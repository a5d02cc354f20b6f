import { describe, expect, it } from 'vitest';
import { ViewPorts, type ViewPort } from '../../../src/worker/view-ports';
import type { DraftView } from '../../../src/contract/draft-view';
import type { DraftListPush, ViewPortMessage, ViewPortPush } from '../../../src/contract/view-port';
import { applyViewPatch } from '../../../src/contract/view-patch';
import { draftView } from '../popup/view-fixture';

class FakePort implements ViewPort {
  readonly received: ViewPortPush[] = [];
  /** The view the popup holds after each push, patches applied as watch-draft-view.ts applies them. */
  readonly views: Array<DraftView | null> = [];
  /** Changes to the list of drafts, apart from the view pushes. */
  readonly listPushes: DraftListPush[] = [];
  closed = false;
  postMessage(message: ViewPortMessage): void {
    if (this.closed) throw new Error('Attempting to use a disconnected port object');
    if (message.type === 'summary' || message.type === 'drafts-changed') {
      this.listPushes.push(message);
      return;
    }
    this.received.push(message);
    const held = this.views.at(-1) ?? null;
    this.views.push(message.type === 'view' ? message.view : held && applyViewPatch(held, message));
  }
  /** What the popup shows now, and the commit time of the push that brought it. */
  get last(): { view: DraftView | null | undefined; committedAt: number | null | undefined } {
    return { view: this.views.at(-1), committedAt: this.received.at(-1)?.committedAt };
  }
}

/** Views keyed by tab: tab 1 follows draft A, tab 2 follows draft B, no tab → draft A. */
function registry(views: Map<number | null, DraftView | null>, reports: string[] = []) {
  return new ViewPorts(async (tabId) => views.get(tabId) ?? null, (message) => reports.push(message));
}

const viewA = { ...draftView({ tabId: 1 }), draftId: 'A' };
const viewB = { ...draftView({ tabId: 2 }), draftId: 'B' };

describe('ViewPorts', () => {
  it('sends the current view as soon as a port asks to watch', async () => {
    const ports = registry(new Map([[1, viewA]]));
    const port = new FakePort();
    await ports.onMessage(port, { type: 'watch', tabId: 1 });
    expect(port.received).toEqual([{ type: 'view', view: viewA, committedAt: null }]);
  });

  it('pushes after a commit only to ports watching that tab or that draft', async () => {
    const views = new Map<number | null, DraftView | null>([[1, viewA], [2, viewB], [null, viewA]]);
    const ports = registry(views);
    const tabOne = new FakePort();
    const tabTwo = new FakePort();
    const noTab = new FakePort();
    await ports.onMessage(tabOne, { type: 'watch', tabId: 1 });
    await ports.onMessage(tabTwo, { type: 'watch', tabId: 2 });
    await ports.onMessage(noTab, { type: 'watch', tabId: null });
    const next = { ...viewA, now: viewA.now + 1 };
    views.set(1, next);
    views.set(null, next);
    await ports.afterCommit(1, 'A');
    expect(tabOne.last).toEqual({ view: next, committedAt: null });
    expect(noTab.last).toEqual({ view: next, committedAt: null });
    expect(tabTwo.received).toHaveLength(1);
  });

  it("hands the tab's own popup the view the commit already built, and reads the store only for the others", async () => {
    const reads: Array<string | null> = [];
    const ports = new ViewPorts(async (_tabId, chosenDraftId) => {
      reads.push(chosenDraftId);
      return chosenDraftId === 'B' ? viewB : viewA;
    }, () => undefined);
    const tabOne = new FakePort();
    const chosenB = new FakePort();
    await ports.onMessage(tabOne, { type: 'watch', tabId: 1 });
    await ports.onMessage(chosenB, { type: 'watch', tabId: 1, draftId: 'B' });
    reads.length = 0;
    const committed = { ...viewA, now: viewA.now + 1 };
    await ports.afterCommit(1, 'A', committed, 1_700_000_000_123);
    expect(tabOne.last).toEqual({ view: committed, committedAt: 1_700_000_000_123 });
    // The popup that chose another draft still gets its own draft's view, read from the store.
    expect(chosenB.last).toEqual({ view: viewB, committedAt: 1_700_000_000_123 });
    expect(reads).toEqual(['B']);
  });

  it('pushes a commit outside any tab (names, league name, final board) to the ports showing that draft only', async () => {
    const views = new Map<number | null, DraftView | null>([[1, viewA], [2, viewB]]);
    const ports = registry(views);
    const tabOne = new FakePort();
    const tabTwo = new FakePort();
    await ports.onMessage(tabOne, { type: 'watch', tabId: 1 });
    await ports.onMessage(tabTwo, { type: 'watch', tabId: 2 });
    const named = { ...viewB, leagueName: 'Named League' };
    views.set(2, named);
    await ports.afterDraftCommit('B', 1_700_000_000_456);
    expect(tabTwo.last).toEqual({ view: named, committedAt: 1_700_000_000_456 });
    expect(tabOne.received).toHaveLength(1);
  });

  it('ignores a malformed message and forgets a disconnected port', async () => {
    const reports: string[] = [];
    const ports = registry(new Map([[1, viewA]]), reports);
    const port = new FakePort();
    await ports.onMessage(port, { type: 'watch', tabId: 'one' });
    expect(port.received).toEqual([]);
    expect(ports.size).toBe(0);
    expect(reports).toHaveLength(1);
    await ports.onMessage(port, { type: 'watch', tabId: 1 });
    ports.onDisconnect(port);
    await ports.afterCommit(1, 'A');
    expect(port.received).toHaveLength(1);
  });

  it('after the first view, a port is sent only what changed, and a view of another draft whole', async () => {
    const views = new Map<number | null, DraftView | null>([[1, viewA]]);
    const ports = registry(views);
    const port = new FakePort();
    await ports.onMessage(port, { type: 'watch', tabId: 1 });
    const picked = { ...viewA, now: viewA.now + 5, state: { ...viewA.state, picks: [...viewA.state.picks, { ...viewA.state.picks[0]!, overallPick: 99 }] } };
    views.set(1, picked);
    await ports.afterCommit(1, 'A', undefined, 7);
    const patch = port.received.at(-1)!;
    expect(patch).toMatchObject({ type: 'patch', committedAt: 7, picksKept: viewA.state.picks.length, view: { now: viewA.now + 5 }, state: {}, eventsAdded: [], playersAdded: {} });
    expect(port.last.view).toEqual(picked);
    views.set(1, viewB);
    await ports.afterCommit(1, 'B');
    expect(port.received.at(-1)).toEqual({ type: 'view', view: viewB, committedAt: null });
  });

  it('drops a port that throws on postMessage instead of failing the commit', async () => {
    const ports = registry(new Map([[1, viewA]]));
    const port = new FakePort();
    await ports.onMessage(port, { type: 'watch', tabId: 1 });
    port.closed = true;
    await expect(ports.afterCommit(1, 'A')).resolves.toBeUndefined();
    expect(ports.size).toBe(0);
  });

  it('tells every open port of a change to the draft list, also ports watching another draft, and no port that never asked to watch', async () => {
    const reports: string[] = [];
    const ports = registry(new Map<number | null, DraftView | null>([[1, viewA], [2, viewB]]), reports);
    const tabOne = new FakePort();
    const tabTwo = new FakePort();
    const chosenB = new FakePort();
    const silent = new FakePort();
    await ports.onMessage(tabOne, { type: 'watch', tabId: 1 });
    await ports.onMessage(tabTwo, { type: 'watch', tabId: 2 });
    await ports.onMessage(chosenB, { type: 'watch', tabId: 1, draftId: 'B' });
    const summary: DraftListPush = {
      type: 'summary',
      summary: { draftId: 'A', game: 'ffl', leagueId: '1', leagueName: null, seasonId: 2025, status: 'live', picks: 3, archivedAt: null, lastActiveAt: 5, tabId: 1 },
    };
    ports.tellDraftList(summary);
    ports.tellDraftList({ type: 'drafts-changed' });
    for (const port of [tabOne, tabTwo, chosenB]) expect(port.listPushes).toEqual([summary, { type: 'drafts-changed' }]);
    expect(silent.listPushes).toEqual([]);
    // The view pushes are untouched: each port still holds only its first view.
    expect([tabOne, tabTwo, chosenB].map((port) => port.received.length)).toEqual([1, 1, 1]);

    // A port closed meanwhile is forgotten; the others are still told.
    tabTwo.closed = true;
    ports.tellDraftList({ type: 'drafts-changed' });
    expect(ports.size).toBe(2);
    expect(reports).toHaveLength(1);
    expect(tabOne.listPushes).toHaveLength(3);
    expect(chosenB.listPushes).toHaveLength(3);
  });
});
