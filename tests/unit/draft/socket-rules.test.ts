import { describe, expect, it } from 'vitest';
import type { DraftPageContext } from '../../../src/contract/draft-page-url';
import type { DraftEvent } from '../../../src/protocol/events';
import {
  admitsLifecycle,
  capSockets,
  judgeFrame,
  judgeSocketOpen,
  MAX_TRACKED_SOCKETS,
  refusedSocket,
  type SocketRecord,
} from '../../../src/draft/socket-rules';
import { parseFrame } from '../../../src/protocol/parse-frame';

const PAGE: DraftPageContext = { sport: 'football', leagueId: '123456789', seasonId: 2025, teamId: 2 };
const DRAFT = 'ffl:123456789:2025';
const url = (gameId: number | string, leagueId: number | string, query = `1=${gameId}&2=${leagueId}&3=2`) =>
  `wss://fantasydraft.espn.com/game-${gameId}/league-${leagueId}/JOIN?${query}`;

const open = (extra: Partial<SocketRecord> = {}): SocketRecord => ({ draftId: DRAFT, lastSeq: 0, openedAt: 1, closedAt: null, ...extra });
const event = (text: string): DraftEvent => parseFrame(text, 'in');
const INIT: DraftEvent = { type: 'init', snapshot: {} as never };

describe('judgeSocketOpen: only the page’s own draft socket is admitted', () => {
  it('admits the draft socket of the page’s game and league, keyed with the page’s season', () => {
    expect(judgeSocketOpen(url(1, 123456789), PAGE)).toEqual({ admit: true, key: { game: 'ffl', leagueId: '123456789', seasonId: 2025 } });
    expect(judgeSocketOpen(url(3, 77), { sport: 'basketball', leagueId: '77', seasonId: 2026, teamId: null })).toEqual({
      admit: true,
      key: { game: 'fba', leagueId: '77', seasonId: 2026 },
    });
  });

  it.each([
    ['another league', url(1, 987654321), /league 987654321, not this page's league 123456789/],
    ['another game', url(3, 123456789), /game 3, not this page's football draft/],
    ['a game id ESPN does not have', url(9, 123456789), /game 9/],
    ['a query naming another league than the path', url(1, 123456789, '1=1&2=987654321&3=2'), /not a draft socket/],
    ['no team', url(1, 123456789, '1=1&2=123456789'), /not a draft socket/],
    ['another host', 'wss://fantasydraft.espn.com.evil.test/game-1/league-123456789/JOIN?1=1&2=123456789&3=2', /not a draft socket/],
    ['the SSE path', 'wss://fantasydraft.espn.com/game-1/league-123456789/sse/JOIN?1=1&2=123456789&3=2', /not a draft socket/],
    ['an https URL', 'https://fantasydraft.espn.com/game-1/league-123456789/JOIN?1=1&2=123456789&3=2', /not a draft socket/],
    ['garbage', 'not a url', /not a draft socket/],
  ])('refuses %s, with the reason', (_name, socketUrl, reason) => {
    const verdict = judgeSocketOpen(socketUrl, PAGE);
    expect(verdict.admit).toBe(false);
    if (!verdict.admit) expect(verdict.reason).toMatch(reason);
  });

  it('refuses a league that only shares a prefix with the page’s', () => {
    expect(judgeSocketOpen(url(1, 1234567890), PAGE).admit).toBe(false);
    expect(judgeSocketOpen(url(1, 12345678), PAGE).admit).toBe(false);
  });
});

describe('judgeFrame: which frames of a socket reach the draft', () => {
  it('drops a frame of a socket never seen to open, and remembers the socket as refused under the given draft', () => {
    const verdict = judgeFrame(undefined, 1, event('UNDONE 0\n'), 50, DRAFT);
    expect(verdict).toEqual({
      apply: false,
      log: 'Dropped a frame from the draft page: its socket was never seen to open.',
      record: refusedSocket(DRAFT, 50, 'its socket was never seen to open'),
    });
  });

  it('drops every frame of a refused socket silently (it was logged once)', () => {
    const refused = refusedSocket(DRAFT, 1, 'it is for league 9, not this page’s league 1');
    for (const text of ['INIT x\n', 'SELECTED 1 2 3\n', 'CLOCK 0 5000\n']) expect(judgeFrame(refused, 5, event(text), 2, DRAFT)).toEqual({ apply: false, log: null });
  });

  it('drops a redelivered or out-of-order frame silently', () => {
    expect(judgeFrame(open({ lastSeq: 7 }), 7, event('STATE 1\n'), 2, DRAFT)).toEqual({ apply: false, log: null });
    expect(judgeFrame(open({ lastSeq: 7 }), 3, event('STATE 1\n'), 2, DRAFT)).toEqual({ apply: false, log: null });
  });

  it('applies a newer frame and advances the socket’s sequence number', () => {
    const verdict = judgeFrame(open({ lastSeq: 2 }), 5, event('AUTODRAFT 2 false\n'), 2, DRAFT);
    expect(verdict).toEqual({ apply: true, record: open({ lastSeq: 5 }) });
  });

  it('accepts the INIT of ESPN’s join sequence, after AUTODRAFT, and closes the socket’s INIT window', () => {
    let record = open();
    for (const [seq, frame] of [[1, event('AUTODRAFT 2 false\n')], [2, INIT]] as const) {
      const verdict = judgeFrame(record, seq, frame, seq, DRAFT);
      expect(verdict.apply).toBe(true);
      record = verdict.record!;
    }
    expect(record).toEqual(open({ lastSeq: 2, snapshotClosed: true }));
  });

  it('ignores a second INIT on the same socket with a log line, and moves past its sequence number', () => {
    const verdict = judgeFrame(open({ lastSeq: 9, snapshotClosed: true }), 10, INIT, 2, DRAFT);
    expect(verdict.apply).toBe(false);
    expect(verdict).toMatchObject({ log: expect.stringMatching(/^Ignored an INIT/) as unknown, record: open({ lastSeq: 10, snapshotClosed: true }) });
  });

  it.each(['CLOCK 0 5000', 'STATE 1', 'SELECTING 1 30000', 'SELECTED 1 4362628 4', 'UNDONE 0', 'NOMINATION 1 30000', 'SOLD 1 4362628 0 12 0'])(
    'an INIT after %s on the same socket is ignored: ESPN sends it before anything about the draft',
    (text) => {
      const first = judgeFrame(open(), 1, event(`${text}\n`), 1, DRAFT);
      expect(first.apply).toBe(true);
      expect(first.record!.snapshotClosed).toBe(true);
      expect(judgeFrame(first.record, 2, INIT, 2, DRAFT).apply).toBe(false);
    },
  );

  it.each(['TOKEN 1:123456789:2:{00000000-0000-4000-8000-000000000002}:[code]', 'JOINED 2 {00000000-0000-4000-8000-000000000002}', 'AUTOSUGGEST 4262921', 'PONG PING%201756607417674', 'SHAZAM 1'])(
    '%s leaves the INIT window open',
    (text) => {
      const first = judgeFrame(open(), 1, event(`${text}\n`), 1, DRAFT);
      expect(first.record!.snapshotClosed).toBeUndefined();
      expect(judgeFrame(first.record, 2, INIT, 2, DRAFT).apply).toBe(true);
    },
  );

  it('a RESET reopens the window: the restarted draft’s INIT may come on the same socket, once', () => {
    const reset = judgeFrame(open({ lastSeq: 4, snapshotClosed: true }), 5, event('RESET\n'), 1, DRAFT);
    expect(reset).toEqual({ apply: true, record: open({ lastSeq: 5 }) });
    const init = judgeFrame(reset.record, 6, INIT, 2, DRAFT);
    expect(init).toEqual({ apply: true, record: open({ lastSeq: 6, snapshotClosed: true }) });
    expect(judgeFrame(init.record, 7, INIT, 3, DRAFT).apply).toBe(false);
  });

  it('never mutates the record it is given', () => {
    const record = Object.freeze(open({ lastSeq: 1, snapshotClosed: true }));
    judgeFrame(record, 2, event('RESET\n'), 1, DRAFT);
    judgeFrame(record, 3, INIT, 1, DRAFT);
    expect(record).toEqual(open({ lastSeq: 1, snapshotClosed: true }));
  });
});

describe('admitsLifecycle: close, error and stall reports', () => {
  it('come only from a socket that opened and was admitted', () => {
    expect(admitsLifecycle(open())).toBe(true);
    expect(admitsLifecycle(undefined)).toBe(false);
    expect(admitsLifecycle(refusedSocket(DRAFT, 1, 'x'))).toBe(false);
  });
});

describe('capSockets: the per-tab cap', () => {
  const sockets = (n: number): Record<string, SocketRecord> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`s-${i}`, open({ openedAt: 1000 + i })]));

  it(`keeps at most ${MAX_TRACKED_SOCKETS}, the newest by opening time`, () => {
    const all = sockets(MAX_TRACKED_SOCKETS + 5);
    const kept = capSockets(all, 's-40');
    expect(Object.keys(kept).sort()).toEqual(Array.from({ length: MAX_TRACKED_SOCKETS }, (_, i) => `s-${i + 5}`).sort());
  });

  it('never evicts the active socket, however old', () => {
    const kept = capSockets(sockets(MAX_TRACKED_SOCKETS + 5), 's-0');
    expect(Object.keys(kept)).toHaveLength(MAX_TRACKED_SOCKETS + 1);
    expect(kept['s-0']).toBeDefined();
  });

  it('counts refused sockets too, so a page cannot grow the record by opening sockets', () => {
    const all: Record<string, SocketRecord> = { active: open({ openedAt: 0 }) };
    for (let i = 0; i < 1000; i++) all[`bad-${i}`] = refusedSocket(DRAFT, 10 + i, 'x');
    const kept = capSockets(all, 'active');
    expect(Object.keys(kept)).toHaveLength(MAX_TRACKED_SOCKETS + 1);
    expect(kept.active).toBeDefined();
  });

  it('returns the same object when under the cap', () => {
    const few = sockets(3);
    expect(capSockets(few, null)).toBe(few);
  });
});
