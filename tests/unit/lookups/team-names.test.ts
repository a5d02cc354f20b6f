import { describe, expect, it } from 'vitest';
import type { DraftKey } from '../../../src/draft/types';
import type { FetchAnswer, Transports } from '../../../src/lookups/league-client';
import { readTeamNames } from '../../../src/lookups/team-names';

const KEY: DraftKey = { game: 'ffl', leagueId: '123456789', seasonId: 2025 };
const TAB = 17;
const NOW = 1_756_607_000_000;
const now = (): number => NOW;

interface Call {
  tabId: number;
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** Transports that fetch nothing: every request to the draft tab is recorded and answered by `answer`. */
function fakePageFetch(answer: () => Promise<FetchAnswer>): { pageFetch: Transports; calls: Call[] } {
  const calls: Call[] = [];
  const pageFetch: Transports = {
    tab: (tabId) => (request) => {
      calls.push({ tabId, ...request });
      return answer();
    },
    worker: () => Promise.reject(new Error('team names never go through the extension')),
  };
  return { pageFetch, calls };
}

const answering = (status: number, body: string) => fakePageFetch(async () => ({ ok: true, status, body }));

describe('readTeamNames', () => {
  it("asks the draft tab for the league's teams view with ESPN's source header and a 15 s timeout", async () => {
    const { pageFetch, calls } = answering(200, '{"teams":[]}');
    await readTeamNames(pageFetch, TAB, KEY, now);
    expect(calls).toEqual([
      {
        tabId: TAB,
        url: 'https://lm-api-reads.fantasy.espn.com/apis/v3/games/ffl/seasons/2025/segments/0/leagues/123456789?view=mTeam',
        headers: { 'x-fantasy-source': 'kona' },
        timeoutMs: 15_000,
      },
    ]);
  });

  it('uses the game and season of the draft key', async () => {
    const { pageFetch, calls } = answering(200, '{"teams":[]}');
    await readTeamNames(pageFetch, 3, { game: 'fba', leagueId: '42', seasonId: 2026 }, now);
    expect(calls[0]!.url).toBe('https://lm-api-reads.fantasy.espn.com/apis/v3/games/fba/seasons/2026/segments/0/leagues/42?view=mTeam');
    expect(calls[0]!.tabId).toBe(3);
  });

  it('returns the teams, with names from name or location + nickname, and no log', async () => {
    const body = JSON.stringify({
      teams: [
        { id: 1, name: 'Team One', abbrev: 'ONE', owners: ['{SWID}'] },
        { id: 2, location: 'Gotham', nickname: 'Knights' },
        { id: 3 },
      ],
    });
    const { pageFetch } = answering(200, body);
    expect(await readTeamNames(pageFetch, TAB, KEY, now)).toEqual({
      teams: [
        { teamId: 1, name: 'Team One' },
        { teamId: 2, name: 'Gotham Knights' },
        { teamId: 3, name: null },
      ],
      log: [],
    });
  });

  it.each([
    [401, "HTTP 401: the league is private and needs the user's ESPN login cookies", false],
    [403, "HTTP 403: the league is private and needs the user's ESPN login cookies", false],
    [404, 'HTTP 404: league not found (mock-draft leagues are not readable)', true],
    [503, 'HTTP 503: ESPN server error', false],
    [302, 'HTTP 302', false],
  ])('logs a warning and returns no teams for HTTP %i (final: %s)', async (status, message, final) => {
    const { pageFetch } = answering(status, '{"teams":[{"id":1,"name":"x"}]}');
    expect(await readTeamNames(pageFetch, TAB, KEY, now)).toEqual({
      teams: null,
      log: [{ at: NOW, level: 'warn', kind: 'teams', message: `Team names unavailable: ${message}` }],
      final,
    });
  });

  it('logs a warning for a body that is not JSON', async () => {
    const { pageFetch } = answering(200, '<html>Sign in</html>');
    expect(await readTeamNames(pageFetch, TAB, KEY, now)).toEqual({
      teams: null,
      log: [{ at: NOW, level: 'warn', kind: 'teams', message: 'Team names unavailable: response is not valid JSON' }],
      final: false,
    });
  });

  it('logs a warning naming the bad field for a body of the wrong shape', async () => {
    const { pageFetch } = answering(200, JSON.stringify({ teams: [{ id: 'one' }] }));
    const outcome = await readTeamNames(pageFetch, TAB, KEY, now);
    expect(outcome.teams).toBeNull();
    expect(outcome.log).toHaveLength(1);
    expect(outcome.log[0]).toMatchObject({ at: NOW, level: 'warn', kind: 'teams' });
    expect(outcome.log[0]!.message).toMatch(/^Team names unavailable: unexpected response shape at teams\.0\.id: /);
  });

  it.each([
    ['a timeout', { ok: false, error: 'timeout', message: 'no answer within 15000 ms' } as const],
    ['a network failure', { ok: false, error: 'network', message: 'TypeError: Failed to fetch' } as const],
  ])('logs a warning for %s reported by the tab', async (_name, result) => {
    const { pageFetch } = fakePageFetch(async () => result);
    expect(await readTeamNames(pageFetch, TAB, KEY, now)).toEqual({
      teams: null,
      log: [{ at: NOW, level: 'warn', kind: 'teams', message: `Team names unavailable: ${result.message}` }],
      final: false,
    });
  });

  it('turns a rejected page fetch (e.g. the tab is gone) into a warning instead of throwing', async () => {
    const { pageFetch } = fakePageFetch(async () => {
      throw new Error('No tab with id: 17.');
    });
    expect(await readTeamNames(pageFetch, TAB, KEY, now)).toEqual({
      teams: null,
      log: [{ at: NOW, level: 'warn', kind: 'teams', message: 'Team names unavailable: Error: No tab with id: 17.' }],
      final: false,
    });
  });

  it('stamps the log with the clock at the time of failure', async () => {
    let clock = NOW;
    const { pageFetch } = fakePageFetch(async () => {
      clock += 2_500;
      return { ok: true, status: 500, body: '' };
    });
    const outcome = await readTeamNames(pageFetch, TAB, KEY, () => clock);
    expect(outcome.log[0]!.at).toBe(NOW + 2_500);
  });
});
