import { describe, expect, it } from 'vitest';
import type { DraftKey } from '../../../src/draft/types';
import type { FetchAnswer, Transports } from '../../../src/lookups/league-client';
import { readLeagueName } from '../../../src/lookups/league-name';
import { DEFAULT_LOOKUP_OPTIONS } from '../../../src/lookups/retry';

const KEY: DraftKey = { game: 'ffl', leagueId: '123456789', seasonId: 2025 };
const TAB = 17;
const NOW = 1_756_607_000_000;
const now = (): number => NOW;

/** An mSettings answer shaped like ESPN's (protocol.md §4.3): the name sits among the league's other settings. */
function settingsBody(name: unknown): string {
  return JSON.stringify({
    gameId: 1,
    id: 123456789,
    seasonId: 2025,
    scoringPeriodId: 0,
    segmentId: 0,
    settings: {
      ...(name === undefined ? {} : { name }),
      size: 12,
      isPublic: false,
      draftSettings: { type: 'SNAKE', pickOrder: [3, 1, 2], orderType: 'MANUAL', availableDate: NOW - 3_600_000, timePerSelection: 90, auctionBudget: 200, keeperCount: 0, keeperCountFuture: 0, keeperOrderType: 'TRADITIONAL', isTradingEnabled: false, leagueSubType: 'NONE' },
      rosterSettings: { lineupSlotCounts: { '0': 1, '2': 2, '4': 2, '20': 7, '21': 1 }, positionLimits: { '1': -1 }, isBenchUnlimited: false },
      scoringSettings: { scoringItems: [{ statId: 53, points: 1, pointsOverrides: {} }] },
    },
    status: { isViewable: true },
  });
}

interface Call {
  via: 'tab' | 'worker';
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

function transports(fromTab: () => Promise<FetchAnswer>, fromWorker: () => Promise<FetchAnswer> = () => Promise.reject(new Error('not asked'))) {
  const calls: Call[] = [];
  const answer: Transports = {
    tab: () => (request) => {
      calls.push({ via: 'tab', ...request });
      return fromTab();
    },
    worker: (request) => {
      calls.push({ via: 'worker', ...request });
      return fromWorker();
    },
  };
  return { answer, calls };
}

const answering = (status: number, body: string) => transports(async () => ({ ok: true, status, body }));

describe('readLeagueName', () => {
  it("asks the draft tab for the league's settings view with ESPN's source header and the league-name timeout", async () => {
    const { answer, calls } = answering(200, settingsBody('Office League'));
    await readLeagueName(answer, TAB, KEY, now);
    expect(calls).toEqual([
      {
        via: 'tab',
        url: 'https://lm-api-reads.fantasy.espn.com/apis/v3/games/ffl/seasons/2025/segments/0/leagues/123456789?view=mSettings',
        headers: { 'x-fantasy-source': 'kona' },
        timeoutMs: DEFAULT_LOOKUP_OPTIONS.leagueName.timeoutMs,
      },
    ]);
  });

  it('returns the name, trimmed, as a final answer with no log', async () => {
    const { answer } = answering(200, settingsBody('  Office League  '));
    expect(await readLeagueName(answer, TAB, KEY, now)).toEqual({ name: 'Office League', final: true, log: [] });
  });

  it('a league without a name (or a blank one) is a final null: the id keeps naming it', async () => {
    expect(await readLeagueName(answering(200, settingsBody(undefined)).answer, TAB, KEY, now)).toEqual({ name: null, final: true, log: [] });
    expect(await readLeagueName(answering(200, settingsBody('   ')).answer, TAB, KEY, now)).toEqual({ name: null, final: true, log: [] });
  });

  it('a mock league (404) is final: no name, an info line, never asked again', async () => {
    const outcome = await readLeagueName(answering(404, '{"messages":["not found"]}').answer, TAB, KEY, now);
    expect(outcome.name).toBeNull();
    expect(outcome.final).toBe(true);
    expect(outcome.log).toEqual([{ at: NOW, level: 'info', kind: 'league', message: expect.stringContaining('HTTP 404') as string }]);
  });

  it('a private league without cookies (401), a server error or a malformed body may be asked again, with a warning', async () => {
    for (const [status, body] of [[401, '{}'], [503, ''], [200, JSON.stringify({ settings: { name: 42 } })], [200, 'not json']] as const) {
      const outcome = await readLeagueName(answering(status, body).answer, TAB, KEY, now);
      expect(outcome.name).toBeNull();
      expect(outcome.final).toBe(false);
      expect(outcome.log[0]!.level).toBe('warn');
    }
  });

  it('a name longer than ESPN allows is refused, not cut', async () => {
    const outcome = await readLeagueName(answering(200, settingsBody('x'.repeat(201))).answer, TAB, KEY, now);
    expect(outcome).toMatchObject({ name: null, final: false });
  });

  it('falls back to the extension when the tab cannot send the request at all', async () => {
    const { answer, calls } = transports(
      async () => ({ ok: false, error: 'network', message: 'tab closed' }),
      async () => ({ ok: true, status: 200, body: settingsBody('Office League') }),
    );
    expect((await readLeagueName(answer, TAB, KEY, now)).name).toBe('Office League');
    expect(calls.map((call) => call.via)).toEqual(['tab', 'worker']);
  });
});
