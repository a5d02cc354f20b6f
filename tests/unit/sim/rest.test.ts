/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
   these tests walk the simulator's ESPN-shaped JSON field by field; a schema here would only restate the simulator. */
import { describe, expect, it } from 'vitest';
import { DraftEngine } from '../../sim/engine/draft-engine';
import { EspnApi } from '../../sim/server/rest';
import { VirtualScheduler } from '../../sim/scheduler';

const BASE = '/apis/v3/games/ffl/seasons/2026/segments/0/leagues/123456789';
const ORIGIN = 'https://fantasy.espn.com';

function setup(privateLeague = false): { engine: DraftEngine; api: EspnApi; sched: VirtualScheduler; cookie: string } {
  const sched = new VirtualScheduler();
  const engine = new DraftEngine({ seed: 5, teams: 10, rounds: 16, pickIntervalMs: 1000, preDraftMs: 1000, privateLeague }, sched);
  engine.start();
  const api = new EspnApi(engine, () => sched.now());
  const me = engine.league.teams.find((t) => t.teamId === engine.league.myTeamId)!;
  return { engine, api, sched, cookie: `SWID=${me.memberSwid}; espn_s2=${engine.league.espnS2}` };
}

const get = (api: EspnApi, url: string, headers: Record<string, string> = {}) =>
  api.handle({ method: 'GET', url, headers: { origin: ORIGIN, ...headers } });

describe('simulated lm-api-reads', () => {
  it('serves mSettings and mTeam with CORS for fantasy.espn.com', () => {
    const { api, engine } = setup();
    const res = get(api, `${BASE}?view=mSettings&view=mTeam`);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    const body = JSON.parse(res.body);
    expect(body).toMatchObject({ gameId: 1, id: 123456789, seasonId: 2026 });
    expect(body.settings.size).toBe(10);
    expect(body.settings.draftSettings).toMatchObject({ type: 'SNAKE', pickOrder: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], timePerSelection: 3 });
    // Anonymous reads do not see the draft date.
    expect(body.settings.draftSettings.date).toBeUndefined();
    expect(body.settings.rosterSettings.lineupSlotCounts).toMatchObject({ '0': 1, '2': 2, '4': 2, '6': 1, '16': 1, '17': 1, '20': 7, '23': 1 });
    expect(body.teams).toHaveLength(10);
    expect(body.teams.map((t: { name: string }) => t.name)).toContain('Smith, Jones & Co.');
    expect(body.teams.map((t: { name: string }) => t.name)).toContain('The "Real" Deal');
    const unowned = engine.opts.unownedTeamIds[0]!;
    expect(body.teams.find((t: { id: number }) => t.id === unowned).owners).toEqual([]);
    expect(body.members.length).toBe(9);
  });

  it('answers CORS preflights for the fantasy headers', () => {
    const { api } = setup();
    const res = api.handle({
      method: 'OPTIONS',
      url: `${BASE}/teams/2/draftSecurity`,
      headers: { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-fantasy-source,x-fantasy-filter' },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-allow-headers']).toBe('x-fantasy-source, x-fantasy-filter');
    // Other origins get no CORS grant.
    const other = api.handle({ method: 'GET', url: `${BASE}?view=mTeam`, headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('keeps mDraftDetail empty while live and fills it once drafted', () => {
    const { api, engine, sched } = setup();
    sched.runUntil(() => engine.pickCount === 30);
    let body = JSON.parse(get(api, `${BASE}?view=mDraftDetail`).body);
    expect(body.draftDetail).toMatchObject({ drafted: false, inProgress: true });
    expect(body.draftDetail.picks).toHaveLength(160);
    expect(body.draftDetail.picks.every((p: { playerId: number }) => p.playerId === -1)).toBe(true);
    sched.runUntil(() => engine.phase === 'complete');
    body = JSON.parse(get(api, `${BASE}?view=mDraftDetail`).body);
    expect(body.draftDetail).toMatchObject({ drafted: true, inProgress: false });
    const truth = engine.truth();
    expect(body.draftDetail.picks.map((p: { playerId: number }) => p.playerId)).toEqual(truth.map((p) => p.playerId));
    expect(body.draftDetail.picks[0]).toMatchObject({ overallPickNumber: 1, roundId: 1, roundPickNumber: 1, teamId: 1, keeper: false });
    const template = engine.league.rosterTemplate;
    expect(body.draftDetail.picks.map((p: { lineupSlotId: number }) => p.lineupSlotId)).toEqual(
      truth.map((p) => template[p.rosterSpot - 1]!.lineupSlotId),
    );
  });

  it('serves the player pool and draftInit', () => {
    const { api, engine } = setup();
    const players = JSON.parse(get(api, '/apis/v3/games/ffl/seasons/2026/players?view=players_wl').body);
    expect(players).toHaveLength(engine.players.length);
    expect(Object.keys(players[0]).sort()).toEqual(
      ['defaultPositionId', 'droppable', 'eligibleSlots', 'firstName', 'fullName', 'id', 'lastName', 'ownership', 'proTeamId', 'universeId'].sort(),
    );
    expect(players.find((p: { id: number }) => p.id === -16014)).toMatchObject({ defaultPositionId: 16, proTeamId: 14 });
    const init = JSON.parse(get(api, `${BASE}?view=draftInit&view=mSettings`).body);
    expect(init.players[0].player).toMatchObject({ id: engine.players[0]!.id, fullName: engine.players[0]!.fullName });
    expect(init.draftDetail.picks).toHaveLength(160);
  });

  it('gates draftSecurity on the member cookies', () => {
    const { api, engine, cookie } = setup();
    const me = engine.league.teams.find((t) => t.teamId === engine.league.myTeamId)!;
    const url = `${BASE}/teams/${me.teamId}/draftSecurity`;
    const ok = get(api, url, { cookie, 'x-fantasy-source': 'kona' });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe(String(me.securityCode));
    expect(me.securityCode).toBeLessThan(0);
    expect(get(api, url).status).toBe(401);
    expect(get(api, `${BASE}/teams/1/draftSecurity`, { cookie }).status).toBe(401);
  });

  it('hides a private league without espn_s2 + SWID, and 404s unknown leagues', () => {
    const { api, cookie, engine } = setup(true);
    const anon = get(api, `${BASE}?view=mSettings`);
    expect(anon.status).toBe(401);
    expect(JSON.parse(anon.body).messages).toEqual(['AUTH_LEAGUE_NOT_VISIBLE']);
    expect(anon.headers['access-control-allow-origin']).toBe(ORIGIN);
    const authed = get(api, `${BASE}?view=mSettings`, { cookie });
    expect(authed.status).toBe(200);
    expect(JSON.parse(authed.body).settings.draftSettings.date).toBe(engine.draftDate);
    expect(get(api, `${BASE}?view=mSettings`, { cookie: `SWID=${'{00000000-0000-4000-8000-000000000099}'}; espn_s2=${engine.league.espnS2}` }).status).toBe(401);
    expect(get(api, '/apis/v3/games/ffl/seasons/2026/segments/0/leagues/999?view=mSettings', { cookie }).status).toBe(404);
    expect(get(api, '/apis/v3/games/ffl/seasons/2025/segments/0/leagues/123456789?view=mSettings', { cookie }).status).toBe(404);
  });
});

describe('simulated players endpoint, asked from the draft page (player names through the tab)', () => {
  const PLAYERS = '/apis/v3/games/ffl/seasons/2026/players?view=players_wl';

  it('grants the preflight for the activity filter header from fantasy.espn.com', () => {
    const { api } = setup();
    const res = api.handle({
      method: 'OPTIONS',
      url: PLAYERS,
      headers: { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-fantasy-filter' },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-allow-headers']).toBe('x-fantasy-filter');
  });

  it('answers a credentialed GET from the page with the pool and a CORS grant for that origin only', () => {
    const { api, engine, cookie } = setup(true);
    const res = get(api, PLAYERS, { cookie, 'x-fantasy-filter': '{"filterActive":{"value":true}}' });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(JSON.parse(res.body)).toHaveLength(engine.players.length);
    // An extension origin gets no grant, as from ESPN: without host access its own fetch fails.
    const fromExtension = api.handle({ method: 'GET', url: PLAYERS, headers: { origin: 'moz-extension://0e1c6b1c-0000-4000-8000-000000000000' } });
    expect(fromExtension.headers['access-control-allow-origin']).toBeUndefined();
  });
});
