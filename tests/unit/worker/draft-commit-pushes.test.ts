import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftPageContext } from '../../../src/contract/draft-page-url';
import type { DraftView } from '../../../src/contract/draft-view';
import type { DraftListPush, ViewPortPush } from '../../../src/contract/view-port';
import type { HookItem } from '../../../src/contract/page-events';
import type { LogEntry } from '../../../src/draft/types';
import { DEFAULT } from '../../../src/connection/options';
import { DraftStore } from '../../../src/store/draft-store';
import { playerKey } from '../../../src/store/records';
import { DraftWorker } from '../../../src/worker/draft-worker';
import { ViewPorts, type ViewPort } from '../../../src/worker/view-ports';
import { applyViewPatch } from '../../../src/contract/view-patch';
import type { FetchAnswer, LeagueRequest } from '../../../src/lookups/league-client';
import type { PlayerNames } from '../../../src/lookups/player-names';
import { buildInitSnapshot } from '../../sim/init/build-snapshot';
import { encodeInit } from '../../sim/init/encode-init';
import { formatInitFrame } from '../../sim/init/format-init-frame';

const T = 1_756_607_000_000;
const LEAGUE = 123456789;
const DRAFT_ID = `ffl:${LEAGUE}:2025`;
const TAB = 1;
const page: DraftPageContext = { sport: 'football', leagueId: String(LEAGUE), seasonId: 2025, teamId: 2 };
const SOCKET_URL = `wss://fantasydraft.espn.com/game-1/league-${LEAGUE}/JOIN?1=1&2=${LEAGUE}&3=2&4=[swid]&5=1:${LEAGUE}:2:[swid]:1234&6=false&7=false&8=KONA&nocache=1`;
const INIT = formatInitFrame(
  encodeInit(buildInitSnapshot({ leagueId: LEAGUE, myTeamId: 2, teamIds: [1, 2, 3, 4], rounds: 3, state: 1, draftDate: null, picks: [{ overallPick: 1, playerId: 4362628, spot: 4 }] })),
);
const openingBatch = (): HookItem[] => [
  { k: 'open', sid: 's1', at: T + 1, url: SOCKET_URL },
  { k: 'frame', sid: 's1', seq: 1, dir: 'in', at: T + 2, data: INIT },
];

/** Answers shaped like ESPN's league reads (protocol.md §4.3), by view. */
const SETTINGS_BODY = JSON.stringify({ id: LEAGUE, seasonId: 2025, settings: { name: 'Office League', size: 4, draftSettings: { type: 'SNAKE', pickOrder: [1, 2, 3, 4] } } });
const TEAMS_BODY = JSON.stringify({ teams: [1, 2, 3, 4].map((id) => ({ id, abbrev: `T${id}`, name: `Team ${id}`, owners: [] })) });

class FakePort implements ViewPort {
  readonly received: ViewPortPush[] = [];
  private held: DraftView | null = null;
  postMessage(message: ViewPortPush): void {
    this.received.push(message);
    this.held = message.type === 'view' ? message.view : this.held && applyViewPatch(this.held, message);
  }
  /** The view the popup holds, patches applied as watch-draft-view.ts applies them. */
  get last(): DraftView | null {
    return this.held;
  }
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** The worker wired to the view ports as start-worker.ts wires them, with ESPN's API answered by `answer`. */
async function harness(answer: (request: LeagueRequest) => FetchAnswer | Promise<FetchAnswer>, pool: Promise<LogEntry[]> = Promise.resolve([])) {
  const store = await DraftStore.open();
  const requests: string[] = [];
  const committedViews: DraftView[] = [];
  const listPushes: DraftListPush[] = [];
  let clock = T + 1_000;
  const ports: ViewPorts = new ViewPorts((tabId, chosen) => worker.getView(tabId, chosen), () => undefined);
  const worker: DraftWorker = new DraftWorker({
    store,
    playerNames: { ensurePool: () => pool } as unknown as PlayerNames,
    transports: {
      tab: () => async (request) => {
        requests.push(request.url);
        return answer(request);
      },
      worker: () => Promise.reject(new Error('asked through the tab first')),
    },
    tabs: { setTimer: () => undefined, reload: async () => true, notifyFailed: async () => undefined, clearNotification: async () => undefined },
    connectionOptions: async () => DEFAULT,
    now: () => (clock += 10),
    random: () => 0.5,
    report: () => undefined,
    afterCommit: (tabId, committedAt, committed) => {
      if (committed) committedViews.push(committed);
      void (committed ? Promise.resolve(committed) : worker.getView(tabId)).then((view) => ports.afterCommit(tabId, view?.draftId ?? null, view, committedAt));
    },
    afterDraftCommit: (draftId, committedAt) => void ports.afterDraftCommit(draftId, committedAt),
    draftListChanged: (push) => listPushes.push(push),
  });
  const port = new FakePort();
  await ports.onMessage(port, { type: 'watch', tabId: TAB });
  return { store, worker, port, requests, committedViews, listPushes };
}

const byView = (request: LeagueRequest): FetchAnswer =>
  request.url.includes('view=mSettings')
    ? { ok: true, status: 200, body: SETTINGS_BODY }
    : request.url.includes('view=mTeam')
      ? { ok: true, status: 200, body: TEAMS_BODY }
      : { ok: true, status: 404, body: '{}' };

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('the view a tab commit hands on', () => {
  it('is built from what the commit wrote and equals a fresh read of the store', async () => {
    // ESPN never answers here: no lookup commits between the batch and the read.
    const { worker, committedViews } = await harness(() => new Promise<FetchAnswer>(() => undefined));
    await worker.handleHookBatch(TAB, page, openingBatch());
    await vi.waitFor(() => expect(committedViews).toHaveLength(1));
    const read = await worker.getView(TAB);
    expect({ ...committedViews[0], now: 0 }).toEqual({ ...read, now: 0 });
    expect(committedViews[0]!.state.picks).toHaveLength(1);
  });
});

describe('the popup is pushed again after every commit that changes what it shows', () => {
  it('the league name, the team names and the player names each reach an open popup with no further batch from the tab', async () => {
    const pool = deferred<LogEntry[]>();
    const { store, worker, port, listPushes } = await harness(byView, pool.promise);
    await worker.handleHookBatch(TAB, page, openingBatch());
    await vi.waitFor(() => expect(port.last?.state.picks).toHaveLength(1));
    await vi.waitFor(() => expect(port.last?.leagueName).toBe('Office League'));
    await vi.waitFor(() => expect(port.last?.state.teams.map((team) => team.name)).toEqual(['Team 1', 'Team 2', 'Team 3', 'Team 4']));
    expect(port.last?.players['4362628']).toBeUndefined();

    // The pool lands in the store, then its log line is committed: that commit pushes the names.
    await store.putPlayers([{ key: playerKey('ffl', 2025, 4362628), playerId: 4362628, name: "Ja'Marr Chase", position: 'WR', proTeam: 'CIN' }]);
    pool.resolve([{ at: T + 5_000, level: 'info', kind: 'players', message: 'Loaded 1 player names' }]);
    await vi.waitFor(() => expect(port.last?.players['4362628']?.name).toBe("Ja'Marr Chase"));
    // Every push after the first carries the time its commit was stored.
    expect(port.received.slice(1).every((push) => typeof push.committedAt === 'number')).toBe(true);
    // Both the chooser's list and the stored record carry the name.
    expect((await worker.listDrafts())[0]?.leagueName).toBe('Office League');
    expect((await store.getDraft(DRAFT_ID))?.leagueName).toBe('Office League');
    // The chooser learns the name from a pushed line, the list's own line but for the tab the lookup does not know.
    const named = listPushes.findLast((push) => push.type === 'summary' && push.summary.leagueName === 'Office League');
    const { tabId: _tab, ...listed } = (await worker.listDrafts())[0]!;
    expect(named).toEqual({ type: 'summary', summary: listed });
  });

  it('a mock league (404) keeps its id: the null is stored and the settings are never asked again', async () => {
    const { store, worker, port, requests } = await harness((request) => (request.url.includes('view=mTeam') ? byView(request) : { ok: true, status: 404, body: '{}' }));
    await worker.handleHookBatch(TAB, page, openingBatch());
    await vi.waitFor(async () => expect((await store.getDraft(DRAFT_ID))?.leagueName).toBeNull());
    expect(port.last?.leagueName).toBeNull();
    const settingsAsked = () => requests.filter((url) => url.includes('view=mSettings')).length;
    expect(settingsAsked()).toBe(1);
    await worker.handleHookBatch(TAB, page, [{ k: 'frame', sid: 's1', seq: 2, dir: 'in', at: T + 3, data: 'CLOCK 4\n' }]);
    expect(settingsAsked()).toBe(1);
    expect((await store.getDraft(DRAFT_ID))?.events.some((entry) => entry.kind === 'league' && entry.message.includes('HTTP 404'))).toBe(true);
  });

  it("a mock league's teams (404) are asked once: one warning in its log, not one per attempt", async () => {
    const { store, worker, requests } = await harness(() => ({ ok: true, status: 404, body: '{}' }));
    await worker.handleHookBatch(TAB, page, openingBatch());
    const teamsAsked = () => requests.filter((url) => url.includes('view=mTeam')).length;
    await vi.waitFor(async () => expect((await store.getDraft(DRAFT_ID))?.events.some((entry) => entry.kind === 'teams')).toBe(true));
    for (let seq = 2; seq < 8; seq += 1) {
      await worker.handleHookBatch(TAB, page, [{ k: 'frame', sid: 's1', seq, dir: 'in', at: T + seq, data: 'CLOCK 4\n' }]);
      await new Promise((done) => setTimeout(done, 5));
    }
    expect(teamsAsked()).toBe(1);
    expect((await store.getDraft(DRAFT_ID))?.events.filter((entry) => entry.kind === 'teams')).toHaveLength(1);
  });

  it('a failed read (server error) stores nothing and asks again on a later batch, at most the schedule allows', async () => {
    const { store, worker, requests } = await harness((request) => (request.url.includes('view=mSettings') ? { ok: true, status: 503, body: '' } : byView(request)));
    await worker.handleHookBatch(TAB, page, openingBatch());
    const settingsAsked = () => requests.filter((url) => url.includes('view=mSettings')).length;
    await vi.waitFor(async () => expect((await store.getDraft(DRAFT_ID))?.events.some((entry) => entry.kind === 'league')).toBe(true));
    for (let seq = 2; seq < 8; seq += 1) {
      await worker.handleHookBatch(TAB, page, [{ k: 'frame', sid: 's1', seq, dir: 'in', at: T + seq, data: 'CLOCK 4\n' }]);
      await new Promise((done) => setTimeout(done, 5));
    }
    expect(settingsAsked()).toBe(3);
    expect((await store.getDraft(DRAFT_ID))?.leagueName).toBeUndefined();
  });
});
