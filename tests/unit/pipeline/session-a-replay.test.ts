import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../../src/draft/invariants';
import { formatPickLogCsv } from '../../../src/export/csv';
import { buildPickLog, formatPickLogJson } from '../../../src/export/pick-log';
import type { HookItem } from '../../../src/contract/page-events';
import { loadSessionAExpected } from '../protocol/session-a-fixture';
import { Rng } from './prng';
import {
  ANY_GUID,
  atOf,
  DRAFT_ID,
  FIXTURE_SWID,
  SECURITY_CODE,
  SID,
  sessionAReplay,
  TabStore,
} from './session-a-items';

const replay = sessionAReplay();
const expected = loadSessionAExpected();
const { t0, items } = replay;

/** The whole capture in one batch: the reference every other delivery pattern must reproduce. */
function cleanRun(): TabStore {
  const store = new TabStore();
  store.deliver(items, t0);
  return store;
}

const clean = cleanRun();

/** The README's prefix cuts (the three shorter HARs), as numbers of frames after the meta line. */
const PREFIX_CUTS: ReadonlyArray<[frames: number, picks: number]> = [
  [10, 0],
  [56, 3],
  [112, 11],
];

function persisted(store: TabStore): string {
  return JSON.stringify({ session: store.session, drafts: [...store.drafts], logs: [...store.logs] });
}

describe('session A replay: hook items', () => {
  it('are built like the page hook builds them', () => {
    expect(t0).toBe(Date.parse('2025-08-31T02:30:16.527Z'));
    expect(items).toHaveLength(1 + 197);
    const open = items[0]!;
    expect(open).toMatchObject({ k: 'open', sid: SID, at: t0 });
    expect(open.k === 'open' && open.url).toBe(
      'wss://fantasydraft.espn.com/game-1/league-123456789/JOIN?1=1&2=123456789&3=2&4=[swid]&5=1:123456789:2:[swid]:[code]&6=false&7=false&8=KONA&nocache=487371',
    );
    const frames = items.slice(1);
    expect(frames.map((item) => (item.k === 'frame' ? item.seq : -1))).toEqual(Array.from({ length: 197 }, (_, i) => i + 1));
    expect(frames.find((item) => item.k === 'frame' && item.data.startsWith('TOKEN'))).toMatchObject({
      seq: 3,
      data: 'TOKEN 1:123456789:2\n',
      at: atOf(t0, 0.535),
    });
  });
});

describe('session A replay: picks and end state', () => {
  const state = clean.draft();

  it('stores the draft under the key from the socket URL and page', () => {
    expect([...clean.drafts.keys()]).toEqual([DRAFT_ID]);
    expect(state.key).toEqual({ game: 'ffl', leagueId: '123456789', seasonId: 2025 });
    expect(clean.session.draftId).toBe(DRAFT_ID);
    expect(clean.session.activeSocketId).toBe(SID);
    expect(clean.session.sockets[SID]).toEqual({ draftId: DRAFT_ID, lastSeq: 197, openedAt: t0, closedAt: null, snapshotClosed: true });
  });

  it('records exactly the 22 captured picks', () => {
    expect(expected.picks).toHaveLength(22);
    expect(state.picks).toHaveLength(22);
    state.picks.forEach((pick, i) => {
      const want = expected.picks[i]!;
      expect(pick, `pick ${i + 1}`).toEqual({
        overallPick: want.overallPick,
        round: want.round,
        roundPick: want.overallPick - (want.round - 1) * 10,
        teamId: want.teamId,
        playerId: want.playerId,
        rosterSpot: want.spot,
        lineupSlotId: want.lineupSlotId,
        keeper: false,
        autopick: want.member === null,
        source: 'socket',
        recordedAt: atOf(t0, want.t),
      });
    });
    // The README's table, independently of the JSON file.
    expect(state.picks.map((p) => p.overallPick)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(state.picks.filter((p) => p.autopick).map((p) => p.overallPick)).toEqual([6, 7, 15]);
    expect(state.picks.filter((p) => p.teamId === 2).map((p) => [p.overallPick, p.playerId])).toEqual([
      [2, 4430807],
      [19, 4426502],
      [22, 4362238],
    ]);
    expect(state.picks[20]).toMatchObject({ overallPick: 21, round: 3, teamId: 1, playerId: 3918298, rosterSpot: 1, lineupSlotId: 0 });
  });

  it('ends live with team 3 on the clock for overall pick 23 and 138 open slots', () => {
    expect(state.status).toBe('live');
    expect(state.hasSnapshot).toBe(true);
    expect(state.onTheClock).toEqual({ teamId: 3, overallPick: 23, since: atOf(t0, 326.932), msAllowed: 30000 });
    expect(state.slots.length - state.picks.length).toBe(138);
    expect(state.myTeamId).toBe(2);
    expect(state.teams).toHaveLength(10);
    expect(state.slots).toHaveLength(160);
    expect(state.rounds).toBe(16);
    expect(state.type).toBe('snake');
    expect(state.timePerSelectionMs).toBe(30000);
    expect(state.draftDate).toBe(1756607492198);
    expect(state.rosterTemplate.map((s) => s.lineupSlotId)).toEqual([0, 2, 2, 4, 4, 6, 23, 16, 17, 20, 20, 20, 20, 20, 20, 20]);
    expect(state.slots.slice(0, 30).map((s) => s.teamId)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(state.teams.map((t) => [t.teamId, t.draftPosition])).toEqual(Array.from({ length: 10 }, (_, i) => [i + 1, i]));
    // INIT: autodraft on and offline 6, 8, 10; then AUTODRAFT 8/10 false + JOINED 8/10, team 7 left and rejoined.
    expect(state.teams.filter((t) => t.autodraft).map((t) => t.teamId)).toEqual([6]);
    expect(state.teams.filter((t) => !t.online).map((t) => t.teamId)).toEqual([6]);
    expect(state.updatedAt).toBe(atOf(t0, 326.932));
  });

  it('logs only the snapshot and the start for the clean capture', () => {
    expect(clean.log().map((e) => [e.kind, e.level, e.at])).toEqual([
      ['snapshot', 'info', atOf(t0, 0.363)],
      ['status', 'info', atOf(t0, 76.465)],
    ]);
    expect(clean.log()[0]!.message).toContain('next pick 1 (team 1)');
  });

  it.each(PREFIX_CUTS)('after the first %i frames has %i picks', (frames, picks) => {
    const store = new TabStore();
    store.deliver(items.slice(0, 1 + frames), t0);
    expect(store.draft().picks).toHaveLength(picks);
    expect(store.draft().picks).toEqual(clean.draft().picks.slice(0, picks));
    expect(checkInvariants(store.draft())).toEqual([]);
  });

  it('keeps every invariant after every single frame, and picks only ever grow one at a time', () => {
    const store = new TabStore();
    let picks = 0;
    let selected = 0;
    for (const item of items) {
      store.deliver([item], item.at);
      const draft = store.draft();
      expect(checkInvariants(draft), `after ${JSON.stringify(item).slice(0, 80)}`).toEqual([]);
      const isSelected = item.k === 'frame' && item.data.startsWith('SELECTED ');
      if (isSelected) selected += 1;
      expect(draft.picks.length, `after seq ${item.k === 'frame' ? item.seq : 0}`).toBe(picks + (isSelected ? 1 : 0));
      picks = draft.picks.length;
    }
    expect(selected).toBe(22);
    expect(store.draft()).toEqual(clean.draft());
    expect(store.log()).toEqual(clean.log());
  });
});

describe('session A replay: secrets', () => {
  it('the raw capture does hold the code and SWIDs (so the checks below are not vacuous)', () => {
    expect(replay.rawUrl).toContain(SECURITY_CODE);
    expect(replay.rawUrl).toMatch(FIXTURE_SWID);
    expect(replay.frames.some((f) => f.data.includes(SECURITY_CODE))).toBe(true);
    // The hook leaves SWIDs in SELECTED/JOINED/LEFT frames: the worker must drop them itself.
    expect(items.filter((i) => i.k === 'frame' && FIXTURE_SWID.test(i.data)).length).toBeGreaterThan(20);
  });

  it('neither the persisted state and logs nor the JSON/CSV export contain the code or a SWID', () => {
    const state = clean.draft();
    const pickLog = buildPickLog({ state, players: new Map(), events: clean.log(), exportedAt: atOf(t0, 340) });
    const json = formatPickLogJson(pickLog);
    const csv = formatPickLogCsv(pickLog);
    expect(pickLog.picks).toHaveLength(22);
    expect(csv.split('\r\n')).toHaveLength(1 + 22 + 1);
    for (const [what, text] of [
      ['persisted', persisted(clean)],
      ['json', json],
      ['csv', csv],
    ] as const) {
      expect(text, what).not.toContain(SECURITY_CODE);
      expect(text, what).not.toContain('1234567890');
      expect(text, what).not.toMatch(ANY_GUID);
      expect(text, what).not.toMatch(/%7B/i);
    }
  });

  it('stays clean even when the hook forgot to redact (raw URL and raw TOKEN frame)', () => {
    const raw: HookItem[] = [
      { k: 'open', sid: SID, at: t0, url: replay.rawUrl },
      ...replay.frames.map((f, i): HookItem => ({ k: 'frame', sid: SID, seq: i + 1, dir: f.dir, at: atOf(t0, f.t), data: f.data })),
    ];
    const store = new TabStore();
    store.deliver(raw, t0);
    expect(store.draft()).toEqual(clean.draft());
    expect(persisted(store)).not.toContain(SECURITY_CODE);
    expect(persisted(store)).not.toMatch(ANY_GUID);
  });
});

describe('session A replay: redelivery and batching', () => {
  const open = items.slice(0, 1);
  const frames = items.slice(1);

  function expectSameAsClean(store: TabStore, label: string): void {
    expect(store.draft(), label).toEqual(clean.draft());
    expect(store.log(), label).toEqual(clean.log());
    expect(store.session.sockets, label).toEqual(clean.session.sockets);
    expect(store.session.activeSocketId, label).toBe(SID);
    expect([...store.drafts.keys()], label).toEqual([DRAFT_ID]);
  }

  it('a frame batch delivered twice is applied once', () => {
    const store = new TabStore();
    store.deliver(open, t0);
    store.deliver(frames, t0 + 1);
    const before = store.draft();
    const again = store.deliver(frames, t0 + 2);
    expect(again.drafts.size).toBe(0);
    expect(again.logs.size).toBe(0);
    expect(again.lifecycle).toEqual([]);
    expect(store.draft()).toBe(before);
    expectSameAsClean(store, 'frames twice');
  });

  it('the whole batch (open included) delivered twice ends in the same state', () => {
    const store = new TabStore();
    store.deliver(items, t0);
    store.deliver(items, t0 + 1);
    expect(store.draft()).toEqual(clean.draft());
    expect(store.session.sockets).toEqual(clean.session.sockets);
  });

  it('overlapping batches give the clean result', () => {
    const store = new TabStore();
    const windows: ReadonlyArray<[number, number]> = [
      [0, 60],
      [30, 90],
      [90, 91],
      [85, 150],
      [1, 20],
      [140, 198],
      [100, 198],
    ];
    for (const [from, to] of windows) store.deliver(items.slice(from, to), t0);
    expectSameAsClean(store, 'overlapping windows');
  });

  it('every frame delivered twice in a row gives the clean result', () => {
    const store = new TabStore();
    store.deliver(open, t0);
    for (const frame of frames) {
      store.deliver([frame], t0);
      const again = store.deliver([frame], t0);
      expect(again.lifecycle).toEqual([]);
    }
    expectSameAsClean(store, 'each frame twice');
  });

  // The hook flushes `open` at once (it is urgent), so `open` always ends its batch; frames follow in later ones.
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])('random batch sizes with relay retries (seed %i) give the clean result', (seed) => {
    const rng = new Rng(seed);
    const store = new TabStore();
    store.deliver(open, t0);
    let at = 0;
    let previous: HookItem[] | null = null;
    let retries = 0;
    while (at < frames.length) {
      const size = rng.pick([1, 1, 2, 3, 5, 8, 13, 40, 120]);
      const batch = frames.slice(at, at + size);
      store.deliver(batch, t0 + at);
      // The relay retries a batch the worker applied but could not acknowledge; a stale one may come later still.
      if (rng.chance(0.2)) {
        store.deliver(batch, t0 + at);
        retries += 1;
      }
      if (previous !== null && rng.chance(0.1)) {
        store.deliver(previous, t0 + at);
        retries += 1;
      }
      previous = batch;
      at += size;
    }
    expect(store.batches).toBeGreaterThan(3);
    expect(retries).toBeGreaterThan(0);
    expectSameAsClean(store, `seed ${seed}`);
  });
});
