import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftSummary } from '../../../src/contract/draft-view';
import type { DraftListPush, PushedDraftSummary } from '../../../src/contract/view-port';
import { mergeSummary } from '../../../src/popup/draft-list';
import { DraftListFollower } from '../../../src/popup/draft-list-follower';
import { createDraftListPushes } from '../../../src/popup/draft-list-pushes';
import { draftSummary, NOW } from './view-fixture';

const sendMessage = vi.fn<(message: unknown) => Promise<unknown>>();
vi.mock('wxt/browser', () => ({ browser: { runtime: { sendMessage: (message: unknown) => sendMessage(message) } } }));

const LIVE = draftSummary({});
const OTHER = draftSummary({ draftId: 'fba:555:2026', game: 'fba', leagueId: '555', seasonId: 2026, status: 'pre_draft', picks: 0, lastActiveAt: NOW - 60_000, tabId: 9 });
const ARCHIVE = draftSummary({ draftId: 'ffl:123456789:2025:reset-1', picks: 12, archivedAt: NOW - 1_000, lastActiveAt: NOW - 1_000, tabId: null });
const line = (over: Partial<PushedDraftSummary>): DraftListPush => {
  const { tabId: _tab, ...withoutTab } = LIVE;
  return { type: 'summary', summary: { ...withoutTab, ...over } };
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('mergeSummary', () => {
  it("replaces the pushed draft's line by draftId and keeps the most recently active first", () => {
    const merged = mergeSummary([LIVE, OTHER], { ...OTHER, picks: 3, lastActiveAt: NOW + 5 });
    expect(merged.map((draft) => [draft.draftId, draft.picks])).toEqual([
      [OTHER.draftId, 3],
      [LIVE.draftId, 5],
    ]);
  });

  it('keeps the tab held when the line came from a commit that knew no tab, and takes a tab it names', () => {
    const { tabId: _tab, ...named } = { ...LIVE, leagueName: 'Office League' };
    expect(mergeSummary([LIVE], named)).toEqual([{ ...LIVE, leagueName: 'Office League' }]);
    expect(mergeSummary([LIVE], { ...LIVE, tabId: null })).toEqual([{ ...LIVE, tabId: null }]);
  });

  it('returns the same list for a line that changes nothing, and for a draft it does not hold', () => {
    const drafts = [LIVE, OTHER];
    expect(mergeSummary(drafts, { ...LIVE })).toBe(drafts);
    const { tabId: _tab, ...withoutTab } = LIVE;
    expect(mergeSummary(drafts, withoutTab)).toBe(drafts);
    expect(mergeSummary(drafts, { ...LIVE, draftId: 'ffl:42:2025' })).toBe(drafts);
  });
});

describe('DraftListFollower', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function follower(answers: Array<DraftSummary[] | Promise<DraftSummary[]>>) {
    const asked: number[] = [];
    const shown: Array<readonly DraftSummary[]> = [];
    const list = new DraftListFollower(
      () => {
        asked.push(Date.now());
        const answer = answers[Math.min(asked.length - 1, answers.length - 1)]!;
        return Promise.resolve(answer);
      },
      (drafts) => shown.push(drafts),
    );
    return { list, asked, shown };
  }

  it('asks once on start and never on a timer: a minute later nothing more was asked', async () => {
    const { list, asked, shown } = follower([[OTHER, LIVE]]);
    list.start();
    list.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toHaveLength(1);
    expect(shown).toEqual([[LIVE, OTHER]]);
  });

  it('merges each pushed line into the list without asking', async () => {
    const { list, asked, shown } = follower([[LIVE, OTHER]]);
    list.start();
    await vi.advanceTimersByTimeAsync(0);
    list.onPush(line({ picks: 6, lastActiveAt: NOW + 100 }));
    list.onPush(line({ picks: 7, lastActiveAt: NOW + 200, status: 'paused' }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(asked).toHaveLength(1);
    expect(shown.at(-1)).toEqual([{ ...LIVE, picks: 7, lastActiveAt: NOW + 200, status: 'paused' }, OTHER]);
    // A line that changes nothing draws nothing.
    const drawn = shown.length;
    list.onPush(line({ picks: 7, lastActiveAt: NOW + 200, status: 'paused' }));
    expect(shown).toHaveLength(drawn);
  });

  it('asks the list once more when the worker says it changed (a reset archive appeared), and shows the archive', async () => {
    const { list, asked, shown } = follower([[LIVE, OTHER], [LIVE, ARCHIVE, OTHER]]);
    list.start();
    await vi.advanceTimersByTimeAsync(0);
    list.onPush({ type: 'drafts-changed' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(asked).toHaveLength(2);
    expect(shown.at(-1)?.map((draft) => draft.draftId)).toEqual([LIVE.draftId, ARCHIVE.draftId, OTHER.draftId]);
  });

  it('a line for a draft it does not hold (a new draft) is not guessed into the list; the change that announces it asks once', async () => {
    const NEW = draftSummary({ draftId: 'ffl:42:2025', leagueId: '42', lastActiveAt: NOW + 50, tabId: 3 });
    const { list, asked, shown } = follower([[LIVE], [NEW, LIVE]]);
    list.start();
    await vi.advanceTimersByTimeAsync(0);
    const { tabId: _tab, ...withoutTab } = NEW;
    list.onPush({ type: 'summary', summary: withoutTab });
    expect(shown.at(-1)).toEqual([LIVE]);
    list.onPush({ type: 'drafts-changed' });
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toHaveLength(2);
    expect(shown.at(-1)).toEqual([NEW, LIVE]);
  });

  it('changes announced while the list is being asked lead to exactly one more ask, after the answer', async () => {
    const first = deferred<DraftSummary[]>();
    const { list, asked, shown } = follower([first.promise, [LIVE, ARCHIVE, OTHER]]);
    list.start();
    list.onPush({ type: 'drafts-changed' });
    list.onPush({ type: 'drafts-changed' });
    expect(asked).toHaveLength(1);
    first.resolve([LIVE, OTHER]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toHaveLength(2);
    expect(shown.at(-1)).toHaveLength(3);
  });

  it('a line pushed while the list is asked wins over an answer read before its commit', async () => {
    const answer = deferred<DraftSummary[]>();
    const { list, shown } = follower([answer.promise]);
    list.start();
    list.onPush(line({ picks: 9, lastActiveAt: NOW + 900 }));
    // The answer was read before the pick committed.
    answer.resolve([LIVE, OTHER]);
    await vi.advanceTimersByTimeAsync(0);
    expect(shown.at(-1)).toEqual([{ ...LIVE, picks: 9, lastActiveAt: NOW + 900 }, OTHER]);
  });

  it('ignores pushes before its first ask and after it stopped', async () => {
    const { list, asked, shown } = follower([[LIVE]]);
    list.onPush({ type: 'drafts-changed' });
    list.onPush(line({ picks: 8 }));
    expect(asked).toEqual([]);
    list.start();
    await vi.advanceTimersByTimeAsync(0);
    list.stop();
    list.onPush({ type: 'drafts-changed' });
    list.onPush(line({ picks: 8 }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(asked).toHaveLength(1);
    expect(shown).toEqual([[LIVE]]);
  });

  it('keeps the list it holds when the worker cannot be reached, and asks again only when told', async () => {
    const asked: number[] = [];
    const shown: Array<readonly DraftSummary[]> = [];
    let reachable = true;
    const list = new DraftListFollower(
      () => {
        asked.push(Date.now());
        return reachable ? Promise.resolve([LIVE, OTHER]) : Promise.reject(new Error('worker restarting'));
      },
      (drafts) => shown.push(drafts),
    );
    list.start();
    await vi.advanceTimersByTimeAsync(0);
    reachable = false;
    list.onPush({ type: 'drafts-changed' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toHaveLength(2);
    expect(shown).toEqual([[LIVE, OTHER]]);
  });
});

describe('useDraftList', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    sendMessage.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it('asks list-drafts once the first view is shown, merges what the port pushes, and never asks on a timer', async () => {
    const { render } = await import('preact');
    const { act } = await import('preact/test-utils');
    const { parseHTML } = await import('linkedom');
    const { useDraftList } = await import('../../../src/popup/use-draft-list');
    const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
    (globalThis as { document?: unknown }).document = document;
    const root = document.getElementById('app') as unknown as HTMLElement;
    sendMessage.mockImplementation((message) =>
      Promise.resolve((message as { type: string }).type === 'list-drafts' ? (sendMessage.mock.calls.length === 1 ? [LIVE, OTHER] : [LIVE, ARCHIVE, OTHER]) : undefined),
    );
    const pushes = createDraftListPushes();
    function Chooser({ ready }: { ready: boolean }) {
      const drafts = useDraftList(ready, pushes);
      return <ul>{drafts.map((draft) => <li key={draft.draftId}>{`${draft.draftId} ${draft.picks}`}</li>)}</ul>;
    }
    /** Lets the fake clock run, with Preact's effects and renders flushed. */
    const elapse = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));
    const lines = () => Array.from(root.querySelectorAll('li')).map((item) => item.textContent);
    const listAsks = () => sendMessage.mock.calls.filter(([message]) => (message as { type: string }).type === 'list-drafts').length;

    // Loading: nothing is asked yet, and a push then is not held.
    await act(() => render(<Chooser ready={false} />, root));
    pushes.publish({ type: 'drafts-changed' });
    await elapse(10_000);
    expect(listAsks()).toBe(0);

    await act(() => render(<Chooser ready />, root));
    await elapse(0);
    expect(listAsks()).toBe(1);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'list-drafts' });
    expect(lines()).toEqual([`${LIVE.draftId} 5`, `${OTHER.draftId} 0`]);
    // Two minutes open with nothing happening: nothing asked on a timer.
    await elapse(120_000);
    expect(listAsks()).toBe(1);

    // Picks arrive: lines are pushed and merged, nothing is asked, however long the popup stays open.
    pushes.publish(line({ picks: 6, lastActiveAt: NOW + 1 }));
    await elapse(120_000);
    expect(lines()).toEqual([`${LIVE.draftId} 6`, `${OTHER.draftId} 0`]);
    expect(listAsks()).toBe(1);

    // A reset archived the picks: one more ask, then quiet again.
    pushes.publish({ type: 'drafts-changed' });
    await elapse(120_000);
    expect(listAsks()).toBe(2);
    expect(lines()).toEqual([`${LIVE.draftId} 5`, `${ARCHIVE.draftId} 12`, `${OTHER.draftId} 0`]);

    await act(() => render(null, root));
    pushes.publish({ type: 'drafts-changed' });
    await elapse(10_000);
    expect(listAsks()).toBe(2);
  });
});
