import { describe, expect, it } from 'vitest';
import {
  draftDetailRequest,
  LEAGUE_API_ORIGIN,
  playersRequest,
  send,
  sendPreferringTab,
  teamsRequest,
  type FetchAnswer,
  type Transports,
} from '../../../src/lookups/league-client';
import { DEFAULT_LOOKUP_OPTIONS } from '../../../src/lookups/retry';

const KEY = { game: 'ffl', leagueId: '42', seasonId: 2025 };

describe('requests', () => {
  it('every lookup goes to the one read API host, with the timeout of its schedule', () => {
    const requests = [teamsRequest(KEY), draftDetailRequest(KEY), playersRequest('ffl', 2025)];
    expect(requests.every((r) => r.url.startsWith(`${LEAGUE_API_ORIGIN}/apis/v3/games/ffl/seasons/2025/`))).toBe(true);
    expect(requests.map((r) => r.timeoutMs)).toEqual([15_000, 15_000, 20_000]);
    expect(requests.map((r) => r.headers)).toEqual([
      { 'x-fantasy-source': 'kona' },
      { 'x-fantasy-source': 'kona' },
      { 'x-fantasy-filter': '{"filterActive":{"value":true}}' },
    ]);
  });

  it('takes its timeouts from the options it is given', () => {
    const options = { ...DEFAULT_LOOKUP_OPTIONS, teamNames: { ...DEFAULT_LOOKUP_OPTIONS.teamNames, timeoutMs: 1_234 } };
    expect(teamsRequest(KEY, options).timeoutMs).toBe(1_234);
  });

  it('hands out copies of the headers, so no caller can change them for the next request', () => {
    teamsRequest(KEY).headers['x-fantasy-source'] = 'changed';
    expect(teamsRequest(KEY).headers).toEqual({ 'x-fantasy-source': 'kona' });
  });
});

describe('sending', () => {
  const request = playersRequest('ffl', 2025);

  it('turns a throwing transport into a network answer', async () => {
    expect(await send(() => Promise.reject(new Error('gone')), request)).toEqual({ ok: false, error: 'network', message: 'Error: gone' });
  });

  it('without a draft tab, asks the extension fetch only', async () => {
    const via: string[] = [];
    const answer: FetchAnswer = { ok: true, status: 200, body: '[]' };
    const transports: Transports = {
      tab: () => () => {
        via.push('tab');
        return Promise.resolve(answer);
      },
      worker: () => {
        via.push('worker');
        return Promise.resolve(answer);
      },
    };
    expect(await sendPreferringTab(transports, null, request)).toEqual(answer);
    expect(via).toEqual(['worker']);
  });
});
