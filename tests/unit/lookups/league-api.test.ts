import { describe, expect, it } from 'vitest';
import { draftDetailSchema, leagueTeamsSchema, picksFromApi, readApiResponse, teamsFromApi } from '../../../src/lookups/league-api';
import { leagueUrl } from '../../../src/lookups/league-client';

const TEAMS_BODY = JSON.stringify({
  teams: [
    { id: 1, name: 'Team One', abbrev: 'ONE' },
    { id: 2, location: 'Gotham', nickname: 'Knights' },
  ],
});

const teamsOf = (teams: unknown[]) => {
  const read = readApiResponse(200, JSON.stringify({ teams }), leagueTeamsSchema);
  if (!read.ok) throw new Error(read.message);
  return teamsFromApi(read.value);
};

describe('leagueUrl', () => {
  it('builds the league read URL with one view parameter per view', () => {
    expect(leagueUrl('ffl', 2025, '123456789', ['mTeam', 'mDraftDetail'])).toBe(
      'https://lm-api-reads.fantasy.espn.com/apis/v3/games/ffl/seasons/2025/segments/0/leagues/123456789?view=mTeam&view=mDraftDetail',
    );
  });

  it('encodes game, league and views so none can change the path or query', () => {
    expect(leagueUrl('f/l', 2025, '1?x=1', ['a&b=c', 'd e'])).toBe(
      'https://lm-api-reads.fantasy.espn.com/apis/v3/games/f%2Fl/seasons/2025/segments/0/leagues/1%3Fx%3D1?view=a%26b%3Dc&view=d%20e',
    );
  });

  it('ends with a bare query when no view is asked for', () => {
    expect(leagueUrl('fba', 2026, '7', [])).toBe('https://lm-api-reads.fantasy.espn.com/apis/v3/games/fba/seasons/2026/segments/0/leagues/7?');
  });
});

describe('readApiResponse: HTTP status', () => {
  it('returns the parsed value for 200 with the expected shape', () => {
    const read = readApiResponse(200, TEAMS_BODY, leagueTeamsSchema);
    expect(read).toEqual({
      ok: true,
      value: { teams: [{ id: 1, name: 'Team One' }, { id: 2, location: 'Gotham', nickname: 'Knights' }] },
    });
  });

  it.each([401, 403])('names %i a private league that needs the login cookies', (status) => {
    expect(readApiResponse(status, TEAMS_BODY, leagueTeamsSchema)).toEqual({
      ok: false,
      problem: 'not-visible',
      status,
      message: `HTTP ${status}: the league is private and needs the user's ESPN login cookies`,
    });
  });

  it('names 404 a missing league', () => {
    expect(readApiResponse(404, '{"messages":["not found"]}', leagueTeamsSchema)).toEqual({
      ok: false,
      problem: 'not-found',
      status: 404,
      message: 'HTTP 404: league not found (mock-draft leagues are not readable)',
    });
  });

  it.each([500, 502, 503, 599])('names %i a server error, whatever the body', (status) => {
    expect(readApiResponse(status, TEAMS_BODY, leagueTeamsSchema)).toEqual({
      ok: false,
      problem: 'server-error',
      status,
      message: `HTTP ${status}: ESPN server error`,
    });
  });

  it.each([302, 301, 204, 201, 400, 429, 0])('names %i an unexpected status even with a valid body', (status) => {
    expect(readApiResponse(status, TEAMS_BODY, leagueTeamsSchema)).toEqual({
      ok: false,
      problem: 'unexpected-status',
      status,
      message: `HTTP ${status}`,
    });
  });
});

describe('readApiResponse: malformed 200 answers', () => {
  it.each(['', 'not json', '{"teams":[', '<html>login</html>'])('reports invalid JSON %j', (body) => {
    expect(readApiResponse(200, body, leagueTeamsSchema)).toEqual({
      ok: false,
      problem: 'malformed',
      status: 200,
      message: 'response is not valid JSON',
    });
  });

  it('names the path of the first wrong field', () => {
    const read = readApiResponse(200, JSON.stringify({ teams: [{ id: 1 }, { id: 'two' }] }), leagueTeamsSchema);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem).toBe('malformed');
    expect(read.status).toBe(200);
    expect(read.message).toMatch(/^unexpected response shape at teams\.1\.id: /);
  });

  it('names a missing top-level field', () => {
    const read = readApiResponse(200, '{}', leagueTeamsSchema);
    expect(read).toMatchObject({ ok: false, problem: 'malformed', message: expect.stringMatching(/^unexpected response shape at teams: /) });
  });

  it.each([
    ['an array', '[]'],
    ['null', 'null'],
    ['a number', '5'],
  ])('says (root) when the whole body is %s', (_name, body) => {
    const read = readApiResponse(200, body, leagueTeamsSchema);
    expect(read).toMatchObject({ ok: false, problem: 'malformed', message: expect.stringMatching(/^unexpected response shape at \(root\): /) });
  });

  it.each([
    ['more than 64 teams', { teams: Array.from({ length: 65 }, (_, i) => ({ id: i + 1 })) }],
    ['a name over 200 characters', { teams: [{ id: 1, name: 'n'.repeat(201) }] }],
    ['a fractional team id', { teams: [{ id: 1.5 }] }],
    ['a team id past int32', { teams: [{ id: 2 ** 31 }] }],
    ['teams that is not an array', { teams: { 1: { id: 1 } } }],
  ])('rejects %s', (_name, value) => {
    expect(readApiResponse(200, JSON.stringify(value), leagueTeamsSchema)).toMatchObject({ ok: false, problem: 'malformed', status: 200 });
  });

  it('accepts exactly 64 teams', () => {
    const teams = Array.from({ length: 64 }, (_, i) => ({ id: i + 1 }));
    expect(readApiResponse(200, JSON.stringify({ teams }), leagueTeamsSchema).ok).toBe(true);
  });
});

describe('teamsFromApi', () => {
  it('uses the team name when there is one', () => {
    expect(teamsOf([{ id: 3, name: 'The Champs', location: 'Old', nickname: 'Split' }])).toEqual([{ teamId: 3, name: 'The Champs' }]);
  });

  it('joins location and nickname for older seasons', () => {
    expect(teamsOf([{ id: 2, location: 'Gotham', nickname: 'Knights' }])).toEqual([{ teamId: 2, name: 'Gotham Knights' }]);
  });

  it.each([
    ['only a location', { location: 'Gotham' }, 'Gotham'],
    ['only a nickname', { nickname: 'Knights' }, 'Knights'],
    ['an empty location', { location: '', nickname: 'Knights' }, 'Knights'],
    ['an empty nickname', { location: 'Gotham', nickname: '' }, 'Gotham'],
    ['both empty', { location: '', nickname: '' }, null],
    ['only blanks', { location: ' ', nickname: ' ' }, null],
    ['no name fields', {}, null],
  ])('handles %s', (_name, fields, expected) => {
    expect(teamsOf([{ id: 9, ...fields }])).toEqual([{ teamId: 9, name: expected }]);
  });

  it('keeps the API order and every team', () => {
    expect(teamsOf([{ id: 10, name: 'Ten' }, { id: 1, name: 'One' }, { id: 5 }]).map((t) => t.teamId)).toEqual([10, 1, 5]);
  });

  it('returns no teams for an empty league', () => {
    expect(teamsOf([])).toEqual([]);
  });
});

describe('picksFromApi', () => {
  const read = (value: unknown) => {
    const result = readApiResponse(200, JSON.stringify(value), draftDetailSchema);
    if (!result.ok) throw new Error(result.message);
    return picksFromApi(result.value);
  };

  it('maps a completed board, defaulting optional fields', () => {
    expect(
      read({
        draftDetail: {
          drafted: true,
          inProgress: false,
          picks: [
            { overallPickNumber: 1, roundId: 1, roundPickNumber: 1, teamId: 4, playerId: 4362628, lineupSlotId: 4, keeper: false },
            { overallPickNumber: 2, teamId: 7, playerId: -16034 },
            { overallPickNumber: 3, teamId: 2, playerId: 15847, keeper: true, lineupSlotId: 6 },
          ],
        },
      }),
    ).toEqual({
      drafted: true,
      picks: [
        { overallPick: 1, teamId: 4, playerId: 4362628, lineupSlotId: 4, keeper: false },
        { overallPick: 2, teamId: 7, playerId: -16034, lineupSlotId: null, keeper: false },
        { overallPick: 3, teamId: 2, playerId: 15847, lineupSlotId: 6, keeper: true },
      ],
    });
  });

  it('passes through a live draft whose picks have no players yet', () => {
    expect(read({ draftDetail: { drafted: false, inProgress: true, picks: [{ overallPickNumber: 1, teamId: 1, playerId: -1 }] } })).toEqual({
      drafted: false,
      picks: [{ overallPick: 1, teamId: 1, playerId: -1, lineupSlotId: null, keeper: false }],
    });
  });

  it('keeps the API order of picks', () => {
    const picks = [3, 1, 2].map((n) => ({ overallPickNumber: n, teamId: n, playerId: n * 10 }));
    expect(read({ draftDetail: { drafted: true, picks } }).picks.map((p) => p.overallPick)).toEqual([3, 1, 2]);
  });

  it.each([
    ['no draftDetail', {}],
    ['no drafted flag', { draftDetail: { picks: [] } }],
    ['a pick without playerId', { draftDetail: { drafted: true, picks: [{ overallPickNumber: 1, teamId: 1 }] } }],
    ['a string keeper flag', { draftDetail: { drafted: true, picks: [{ overallPickNumber: 1, teamId: 1, playerId: 1, keeper: 'no' }] } }],
    ['more than 2000 picks', { draftDetail: { drafted: true, picks: Array.from({ length: 2001 }, (_, i) => ({ overallPickNumber: i + 1, teamId: 1, playerId: 1 })) } }],
  ])('rejects a board with %s', (_name, value) => {
    expect(readApiResponse(200, JSON.stringify(value), draftDetailSchema)).toMatchObject({ ok: false, problem: 'malformed' });
  });
});

describe('empty team names', () => {
  it('fall back to location and nickname', () => {
    expect(teamsFromApi({ teams: [{ id: 1, name: '', location: 'Gotham', nickname: 'Knights' }] })).toEqual([{ teamId: 1, name: 'Gotham Knights' }]);
  });
});

describe('picksFromApi: auction fields', () => {
  it('reads bidAmount and nominatingTeamId as price and nominator, 0 as none', () => {
    const read = readApiResponse(
      200,
      JSON.stringify({
        draftDetail: {
          drafted: true,
          picks: [
            { overallPickNumber: 1, teamId: 4, playerId: 4362628, bidAmount: 57, nominatingTeamId: 3 },
            { overallPickNumber: 2, teamId: 7, playerId: -16034, bidAmount: 0, nominatingTeamId: 0 },
          ],
        },
      }),
      draftDetailSchema,
    );
    if (!read.ok) throw new Error(read.message);
    const [sold, snake] = picksFromApi(read.value).picks;
    expect([sold?.price, sold?.nominatingTeamId]).toEqual([57, 3]);
    expect('price' in snake! || 'nominatingTeamId' in snake!).toBe(false);
  });

  it('refuses a negative price', () => {
    const read = readApiResponse(200, JSON.stringify({ draftDetail: { drafted: true, picks: [{ overallPickNumber: 1, teamId: 4, playerId: 1, bidAmount: -5 }] } }), draftDetailSchema);
    expect(read.ok).toBe(false);
  });
});
