import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftPageContext } from '../../../src/contract/draft-page-url';
import type { HookItem } from '../../../src/contract/page-events';
import { DEFAULT } from '../../../src/connection/options';
import { DraftStore } from '../../../src/store/draft-store';
import { DraftWorker } from '../../../src/worker/draft-worker';
import type { DraftListPush } from '../../../src/contract/view-port';
import { createMessageHandlers } from '../../../src/worker/message-handlers';
import { routeWorkerMessage } from '../../../src/worker/message-router';
import type { PlayerNames } from '../../../src/lookups/player-names';
import type { TabControl } from '../../../src/adapters/tab-control';
import { DEFAULT_LOOKUP_OPTIONS } from '../../../src/lookups/retry';
import { buildInitSnapshot, type FilledPick } from '../../sim/init/build-snapshot';
import { encodeInit } from '../../sim/init/encode-init';
import { formatInitFrame } from '../../sim/init/format-init-frame';

const T = 1_756_607_000_000;
const LEAGUE_A = 123456789;
const LEAGUE_B = 987654;
const pageOf = (leagueId: number): DraftPageContext => ({ sport: 'football', leagueId: String(leagueId), seasonId: 2025, teamId: 2 });
const idOf = (leagueId: number) => `ffl:${leagueId}:2025`;
const SECURITY_CODE = '918273645';
/** A draft-socket URL as the page hook reports it; the code is left in to prove the capture removes it. */
const socketUrl = (leagueId: number) =>
  `wss://fantasydraft.espn.com/game-1/league-${leagueId}/JOIN?1=1&2=${leagueId}&3=2&4=[swid]&5=1:${leagueId}:2:[swid]:${SECURITY_CODE}&6=false&7=false&8=KONA&nocache=1`;
const swid = (n: number) => `{0A1B2C3D-0000-4000-8000-${String(n).padStart(12, '0')}}`;

/** [team, player, spot], snake order over four teams. */
const PICKS: ReadonlyArray<[number, number, number]> = [
  [1, 4362628, 4], [2, 4430807, 2], [3, 3929630, 2], [4, 4429795, 2], [4, 4262921, 4], [3, 3117251, 2],
];

function initFrame(leagueId: number, filled: number, state: 1 | 2 = 1): string {
  const picks: FilledPick[] = PICKS.slice(0, filled).map(([, playerId, spot], i) => ({ overallPick: i + 1, playerId, spot }));
  return formatInitFrame(encodeInit(buildInitSnapshot({ leagueId, myTeamId: 2, teamIds: [1, 2, 3, 4], rounds: 3, state, draftDate: null, picks })));
}

/** One tab's draft socket, numbering frames like the page hook. */
class Socket {
  private seq = 0;
  constructor(readonly sid: string, private at: number) {}
  private tick(): number {
    this.at += 100;
    return this.at;
  }
  open(leagueId: number): HookItem {
    return { k: 'open', sid: this.sid, at: this.tick(), url: socketUrl(leagueId) };
  }
  frame(data: string): HookItem {
    this.seq += 1;
    return { k: 'frame', sid: this.sid, seq: this.seq, dir: 'in', at: this.tick(), data };
  }
  pick(n: number): HookItem[] {
    const [team, player, spot] = PICKS[n - 1]!;
    return [this.frame(`SELECTING ${team} 30000\n`), this.frame(`SELECTED ${team} ${player} ${spot} ${swid(team)}\n`)];
  }
  close(): HookItem {
    return { k: 'close', sid: this.sid, at: this.tick(), code: 1006, reason: '', clean: false };
  }
}

interface Harness {
  worker: DraftWorker;
  store: DraftStore;
  reloads: number[];
  timers: Array<[number, number]>;
  /** What open popups were told about the list of drafts, in order. */
  listPushes: DraftListPush[];
}

async function harness(): Promise<Harness> {
  const store = await DraftStore.open();
  const reloads: number[] = [];
  const timers: Array<[number, number]> = [];
  const listPushes: DraftListPush[] = [];
  const tabs: TabControl = {
    setTimer: (tabId, untilMs) => void timers.push([tabId, untilMs]),
    reload: (tabId) => {
      reloads.push(tabId);
      return Promise.resolve(true);
    },
    notifyFailed: () => Promise.resolve(),
    clearNotification: () => Promise.resolve(),
  };
  // Lookups are out of scope here: no pool, no network.
  const playerNames = { ensurePool: () => Promise.resolve([]) } as unknown as PlayerNames;
  let clock = T;
  const worker = new DraftWorker({
    store,
    playerNames,
    transports: { tab: () => () => Promise.reject(new Error('no network in tests')), worker: () => Promise.reject(new Error('no network in tests')) },
    // Team and league names are lookups: none is attempted here.
    lookupOptions: {
      ...DEFAULT_LOOKUP_OPTIONS,
      teamNames: { ...DEFAULT_LOOKUP_OPTIONS.teamNames, maxAttempts: 0 },
      leagueName: { ...DEFAULT_LOOKUP_OPTIONS.leagueName, maxAttempts: 0 },
    },
    tabs,
    connectionOptions: () => Promise.resolve(DEFAULT),
    now: () => (clock += 10),
    random: () => 0.5,
    report: () => undefined,
    source: 'Draft Watch test',
    draftListChanged: (push) => listPushes.push(push),
  });
  return { worker, store, reloads, timers, listPushes };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('the worker with two draft tabs on two leagues', () => {
  it('keeps state, health, recovery and logs of each tab fully separate', async () => {
    const { worker, store } = await harness();
    const a = new Socket('a1', T);
    const b = new Socket('b1', T);
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [a.open(LEAGUE_A), a.frame(initFrame(LEAGUE_A, 2)), ...a.pick(3)]);
    await worker.handleHookBatch(2, pageOf(LEAGUE_B), [b.open(LEAGUE_B), b.frame(initFrame(LEAGUE_B, 1))]);
    // Tab 1's socket drops; tab 2's keeps going.
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [a.close()]);
    await worker.handleHookBatch(2, pageOf(LEAGUE_B), [...b.pick(2)]);

    const draftA = (await store.getDraft(idOf(LEAGUE_A)))!;
    const draftB = (await store.getDraft(idOf(LEAGUE_B)))!;
    expect(draftA.state.picks.map((p) => p.playerId)).toEqual([4362628, 4430807, 3929630]);
    expect(draftB.state.picks.map((p) => p.playerId)).toEqual([4362628, 4430807]);
    expect((await store.getTab(1))!.connection.phase).toBe('grace');
    expect((await store.getTab(2))!.connection.phase).toBe('watching');
    expect((await store.getTab(1))!.connection.incident).not.toBeNull();
    expect((await store.getTab(2))!.connection.incident).toBeNull();
    expect(draftA.events.some((e) => e.level === 'warn')).toBe(true);
    expect(draftB.events.some((e) => e.level === 'warn')).toBe(false);

    // The view of each tab is its own draft with its own connection.
    const viewA = (await worker.getView(1))!;
    const viewB = (await worker.getView(2))!;
    expect([viewA.draftId, viewA.tabId, viewA.connection?.phase]).toEqual([idOf(LEAGUE_A), 1, 'grace']);
    expect([viewB.draftId, viewB.tabId, viewB.connection?.phase]).toEqual([idOf(LEAGUE_B), 2, 'watching']);
    // Chosen by id from tab 2's popup: league A's draft, with tab 1's connection.
    const chosen = (await worker.getView(2, idOf(LEAGUE_A)))!;
    expect([chosen.draftId, chosen.tabId, chosen.connection?.phase]).toEqual([idOf(LEAGUE_A), 1, 'grace']);

    const listed = await worker.listDrafts();
    expect(listed.map((d) => [d.draftId, d.leagueId, d.seasonId, d.game, d.status, d.picks, d.archivedAt, d.tabId]).sort()).toEqual(
      [
        [idOf(LEAGUE_A), String(LEAGUE_A), 2025, 'ffl', 'live', 3, null, 1],
        [idOf(LEAGUE_B), String(LEAGUE_B), 2025, 'ffl', 'live', 2, null, 2],
      ].sort(),
    );
  });
});

describe('a commissioner reset', () => {
  it('stores the picks before it as their own archived draft, listed, viewable and separate from the live one', async () => {
    const { worker, store, timers, reloads } = await harness();
    const a = new Socket('a1', T);
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [a.open(LEAGUE_A), a.frame(initFrame(LEAGUE_A, 3)), a.frame('RESET\n')]);
    // The tab waits the INIT wait for the restarted draft's snapshot, then would reload.
    const waiting = (await store.getTab(1))!.connection;
    expect([waiting.phase, waiting.fault, waiting.socket.synced]).toEqual(['grace', 'reset', false]);
    expect(timers).toContainEqual([1, waiting.deadline]);

    const live = (await store.getDraft(idOf(LEAGUE_A)))!;
    expect(live.state.picks).toEqual([]);
    expect(live.state.hasSnapshot).toBe(false);
    const archives = (await store.allDrafts()).filter((record) => record.state.archive !== undefined);
    expect(archives).toHaveLength(1);
    const archive = archives[0]!;
    expect(archive.id).toBe(archive.state.archive!.id);
    expect(archive.id.startsWith(`${idOf(LEAGUE_A)}:reset-`)).toBe(true);
    expect(archive.state.picks.map((p) => p.playerId)).toEqual([4362628, 4430807, 3929630]);
    // Its own log ends by saying why it stops there.
    expect(archive.events.at(-1)).toMatchObject({
      level: 'warn',
      kind: 'reset',
      at: archive.state.archive!.archivedAt,
      message: `ESPN reset the draft here: this archive keeps the 3 picks made before the reset; the restarted draft goes on as ${idOf(LEAGUE_A)}.`,
    });

    const listed = await worker.listDrafts();
    expect(listed.find((d) => d.draftId === archive.id)).toMatchObject({ archivedAt: archive.state.archive!.archivedAt, picks: 3, tabId: null });
    const view = (await worker.getView(1, archive.id))!;
    expect(view.state.picks).toHaveLength(3);
    expect(view.connection).toBeNull();

    // The restarted draft follows the new INIT; the archive stays as it was.
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [a.frame(initFrame(LEAGUE_A, 1))]);
    expect((await store.getTab(1))!.connection.phase).toBe('watching');
    expect(reloads).toEqual([]);
    expect((await store.getDraft(idOf(LEAGUE_A)))!.state.picks).toHaveLength(1);
    expect((await store.getDraft(archive.id))!.state.picks).toHaveLength(3);
  });
});

describe('protocol drift', () => {
  it('is counted per draft, stored, and shown in the view; the draft keeps following what it can read', async () => {
    const { worker, store } = await harness();
    const a = new Socket('a1', T);
    const b = new Socket('b1', T);
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [a.open(LEAGUE_A), a.frame(initFrame(LEAGUE_A, 0)), a.frame('SHAZAM 1 2\n'), a.frame('SHAZAM 3\n'), ...a.pick(1)]);
    await worker.handleHookBatch(2, pageOf(LEAGUE_B), [b.open(LEAGUE_B), b.frame(initFrame(LEAGUE_B, 0))]);
    const record = (await store.getDraft(idOf(LEAGUE_A)))!;
    expect(record.drift.counters.unknownFrames).toBe(2);
    expect(record.state.picks).toHaveLength(1);
    expect((await worker.getView(1))!.drift.counters.unknownFrames).toBe(2);
    expect((await worker.getView(2))!.drift.counters.unknownFrames).toBe(0);
  });
});

describe('export-capture through the message handler', () => {
  it('returns an anonymized capture of the chosen draft: no SWID, no security code, only its own frames', async () => {
    const { worker } = await harness();
    const running = { ready: Promise.resolve(worker), storeReady: new Promise<never>(() => undefined), withWorker: () => Promise.resolve() };
    const handlers = createMessageHandlers(running);
    const a = new Socket('a1', T);
    const b = new Socket('b1', T);
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [a.open(LEAGUE_A), a.frame(initFrame(LEAGUE_A, 0)), ...a.pick(1), a.frame(`JOINED 3 ${swid(3)}\n`), a.frame('SHAZAM 1\n')]);
    await worker.handleHookBatch(2, pageOf(LEAGUE_B), [b.open(LEAGUE_B), b.frame(initFrame(LEAGUE_B, 0)), ...b.pick(1), ...b.pick(2)]);

    const reply = (await routeWorkerMessage({ type: 'export-capture', draftId: idOf(LEAGUE_A) }, { fromExtensionPage: true, tabId: undefined }, handlers)) as {
      text: string;
      frames: number;
    };
    expect(reply.frames).toBe(5);
    const lines = reply.text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(6);
    expect(JSON.stringify(lines[0])).toContain('frame of an unknown type');
    // No secret survives: not the members' GUIDs (in any case), not the security code.
    for (const n of [1, 3]) expect(reply.text.toUpperCase()).not.toContain(swid(n).slice(1, -1).toUpperCase());
    expect(reply.text).not.toMatch(/0A1B2C3D/i);
    expect(reply.text).not.toContain(SECURITY_CODE);
    // Frames of the other tab's draft are not in this capture.
    expect(reply.text).not.toContain('4430807');
    // The draft-view reply carries the drift too, validated by the router's reply schema.
    const view = await routeWorkerMessage({ type: 'get-view', tabId: 2, draftId: idOf(LEAGUE_A) }, { fromExtensionPage: true, tabId: undefined }, handlers);
    expect((view as { drift: { counters: { unknownFrames: number } } }).drift.counters.unknownFrames).toBe(1);
  });

  it('holds no frames after the user cleared stored drafts, and remembers new ones afterwards', async () => {
    const { worker } = await harness();
    const a = new Socket('a1', T);
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [a.open(LEAGUE_A), a.frame(initFrame(LEAGUE_A, 0)), ...a.pick(1)]);
    expect((await worker.exportCapture(idOf(LEAGUE_A))).frames).toBe(3);
    await worker.clearStoredDrafts();
    expect(worker.recentFrames.framesOf(idOf(LEAGUE_A))).toEqual({ frames: [], socketUrl: null });
    expect((await worker.exportCapture(idOf(LEAGUE_A))).frames).toBe(0);
    // Clearing forgot the tab's sockets too, so its old socket is one never seen to open (its frames
    // are dropped, src/draft/socket-rules.ts); the frames of the next socket the page opens are remembered.
    const next = new Socket('a2', T + 60_000);
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [a.frame('CLOCK 6 2 1\n'), next.open(LEAGUE_A), next.frame('CLOCK 6 1 1\n')]);
    expect(worker.recentFrames.framesOf(idOf(LEAGUE_A)).frames.map((frame) => frame.text)).toEqual(['CLOCK 6 1 1\n']);
  });

  it('is refused from a content script', () => {
    const handlers = createMessageHandlers({ ready: new Promise<never>(() => undefined) } as unknown as Parameters<typeof createMessageHandlers>[0]);
    expect(routeWorkerMessage({ type: 'export-capture', draftId: idOf(LEAGUE_A) }, { fromExtensionPage: false, tabId: 1 }, handlers)).toBeUndefined();
  });
});

describe('clearing stored drafts while a draft is followed', () => {
  it('reloads each tab following a draft ESPN has not confirmed over, so its INIT rebuilds the board; a confirmed one is left alone', async () => {
    const { worker, store, reloads } = await harness();
    const a = new Socket('a1', T);
    const b = new Socket('b1', T);
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [a.open(LEAGUE_A), a.frame(initFrame(LEAGUE_A, 2))]);
    await worker.handleHookBatch(2, pageOf(LEAGUE_B), [b.open(LEAGUE_B), b.frame(initFrame(LEAGUE_B, 3, 2))]);
    expect(reloads).toEqual([]);

    expect(await worker.clearStoredDrafts()).toBe(2);
    expect(reloads).toEqual([1]);
    expect(await store.allDrafts()).toEqual([]);
    // The reloaded page's new socket and INIT rebuild the draft.
    const next = new Socket('a2', T + 60_000);
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [next.open(LEAGUE_A), next.frame(initFrame(LEAGUE_A, 3))]);
    expect((await worker.getView(1))?.state.picks).toHaveLength(3);
  });
});

describe('what open popups are told about the list of drafts', () => {
  const CHANGED: DraftListPush = { type: 'drafts-changed' };

  it("pushes a changed draft's line from the commit alone (no list read), equal to the list's own line", async () => {
    const { worker, store, listPushes } = await harness();
    const listReads = [vi.spyOn(store, 'allDrafts'), vi.spyOn(store, 'allTabs')];
    const a = new Socket('a1', T);
    const b = new Socket('b1', T);
    // A draft seen for the first time: the list is asked again.
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [a.open(LEAGUE_A), a.frame(initFrame(LEAGUE_A, 2))]);
    expect(listPushes).toEqual([CHANGED]);
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [...a.pick(3)]);
    await worker.handleHookBatch(2, pageOf(LEAGUE_B), [b.open(LEAGUE_B), b.frame(initFrame(LEAGUE_B, 1))]);
    await worker.handleHookBatch(2, pageOf(LEAGUE_B), [...b.pick(2)]);
    expect(listReads.map((read) => read.mock.calls.length)).toEqual([0, 0]);
    expect(listPushes.map((push) => (push.type === 'summary' ? [push.summary.draftId, push.summary.picks, push.summary.tabId] : push.type))).toEqual([
      'drafts-changed',
      [idOf(LEAGUE_A), 3, 1],
      'drafts-changed',
      [idOf(LEAGUE_B), 2, 2],
    ]);
    const listed = await worker.listDrafts();
    expect(listPushes[1]).toEqual({ type: 'summary', summary: listed.find((line) => line.draftId === idOf(LEAGUE_A)) });
    expect(listPushes[3]).toEqual({ type: 'summary', summary: listed.find((line) => line.draftId === idOf(LEAGUE_B)) });
  });

  it('tells the list changed when a reset archive appears, a tab moves to another draft or closes, and drafts are cleared', async () => {
    const { worker, listPushes } = await harness();
    const a = new Socket('a1', T);
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [a.open(LEAGUE_A), a.frame(initFrame(LEAGUE_A, 3))]);
    listPushes.length = 0;
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [a.frame('RESET\n')]);
    expect(listPushes).toEqual([CHANGED]);

    // Tab 1 opens league B's draft room, which tab 2 already follows: no new draft, but league A's line loses its tab.
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [a.frame(initFrame(LEAGUE_A, 1))]);
    const b2 = new Socket('b2', T);
    await worker.handleHookBatch(2, pageOf(LEAGUE_B), [b2.open(LEAGUE_B), b2.frame(initFrame(LEAGUE_B, 1))]);
    listPushes.length = 0;
    const b1 = new Socket('b1', T + 10_000);
    await worker.handleHookBatch(1, pageOf(LEAGUE_B), [b1.open(LEAGUE_B), b1.frame(initFrame(LEAGUE_B, 1))]);
    expect(listPushes).toEqual([CHANGED]);

    listPushes.length = 0;
    await worker.handleTabClosed(1);
    expect(listPushes).toEqual([CHANGED]);
    // A tab that followed no draft changes no line.
    await worker.handleTabClosed(99);
    expect(listPushes).toEqual([CHANGED]);

    listPushes.length = 0;
    expect(await worker.clearStoredDrafts()).toBeGreaterThan(0);
    expect(listPushes).toEqual([CHANGED]);
  });
});

describe('draft records nothing references', () => {
  it('an empty draft (socket opened, no INIT) goes when its tab closes; a draft with picks stays', async () => {
    const { worker, store } = await harness();
    const a = new Socket('a1', T);
    const b = new Socket('b1', T);
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [a.open(LEAGUE_A)]);
    await worker.handleHookBatch(2, pageOf(LEAGUE_B), [b.open(LEAGUE_B), b.frame(initFrame(LEAGUE_B, 2))]);
    expect((await store.allDrafts()).map((r) => r.id).sort()).toEqual([idOf(LEAGUE_A), idOf(LEAGUE_B)].sort());

    await worker.handleTabClosed(1);
    await worker.handleTabClosed(2);
    expect((await store.allDrafts()).map((r) => r.id)).toEqual([idOf(LEAGUE_B)]);
  });

  it('a socket for another league creates no record at all, and never moves the tab off its draft', async () => {
    const { worker, store } = await harness();
    const a = new Socket('a1', T);
    const stray = new Socket('x1', T);
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [a.open(LEAGUE_A), a.frame(initFrame(LEAGUE_A, 1))]);
    await worker.handleHookBatch(1, pageOf(LEAGUE_A), [stray.open(LEAGUE_B), stray.frame(initFrame(LEAGUE_B, 3)), ...a.pick(2)]);
    expect((await store.allDrafts()).map((r) => r.id)).toEqual([idOf(LEAGUE_A)]);
    const tab = (await store.getTab(1))!;
    expect([tab.draftId, tab.activeSocketId]).toEqual([idOf(LEAGUE_A), 'a1']);
    const draft = (await store.getDraft(idOf(LEAGUE_A)))!;
    expect(draft.state.picks.map((p) => p.playerId)).toEqual([4362628, 4430807]);
    expect(draft.events.filter((e) => e.kind === 'frame_refused').map((e) => e.message)).toEqual([
      `Ignored a socket the draft page opened: it is for league ${LEAGUE_B}, not this page's league ${LEAGUE_A}.`,
    ]);
  });
});
