/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   these tests read the simulator's ESPN-shaped JSON field by field. */
import { afterEach, describe, expect, it } from 'vitest';
import { decodeInit } from '../../../src/protocol/init/decode-init';
import { parseInitFrameText } from '../../../src/protocol/init/init-frame';
import { SimSocketClient, simRequest } from '../../sim/client';
import { DraftEngine } from '../../sim/engine/draft-engine';
import { startLeagues, startSimulator, type LeagueGroup, type Simulator, type SimulatorOptions } from '../../sim/index';
import { VirtualScheduler } from '../../sim/scheduler';
import { EspnApi } from '../../sim/server/rest';

const FAST: SimulatorOptions = { port: 0, seed: 11, teams: 4, rounds: 4, pickIntervalMs: 80, clockTickMs: 60, preDraftMs: 300, pongDelayMs: 5 };

function decode(frame: string) {
  const parsed = parseInitFrameText(frame);
  if (!parsed.ok) throw new Error(parsed.error);
  const decoded = decodeInit(parsed.bytes);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.snapshot;
}

describe('commissioner reset (engine, virtual time)', () => {
  it('sends RESET, restarts from pick 1 after a new lobby, and keeps the ended draft as history', () => {
    const sched = new VirtualScheduler();
    const engine = new DraftEngine({ seed: 3, teams: 4, rounds: 4, pickIntervalMs: 500, preDraftMs: 1000 }, sched);
    const events: string[] = [];
    engine.onEvent((e) => events.push(e.type === 'frame' ? e.frame.trim().split(' ')[0]! : e.type));
    engine.start();
    sched.runUntil(() => engine.pickCount >= 6);
    const before = engine.truth();
    expect(before).toHaveLength(6);

    events.length = 0;
    engine.reset();
    expect(events).toEqual(['RESET', 'phase']);
    expect(engine.phase).toBe('pre_draft');
    expect(engine.truth()).toEqual([]);
    expect(engine.truthBeforeResets()).toEqual([before]);
    // A socket joining now sees the lobby with every slot open.
    expect(engine.initOptions(engine.league.myTeamId)).toMatchObject({ state: 0, picks: [] });
    // The restarted room opens later: open sockets get their fresh INIT then, and the lobby counts down.
    sched.advance(engine.opts.resetRestartMs - 1);
    expect(events).not.toContain('snapshot');
    sched.advance(1);
    expect(events).toContain('snapshot');
    expect(engine.pickCount).toBe(0);

    sched.runUntil(() => engine.phase === 'complete');
    const after = engine.truth();
    expect(after.map((p) => p.overallPick)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(new Set(after.map((p) => p.playerId)).size).toBe(16);
    // The random streams went on: the restarted draft is not a replay of the first picks.
    expect(after.slice(0, 6).map((p) => p.playerId)).not.toEqual(before.map((p) => p.playerId));
    expect(events.filter((e) => e === 'STATE')).toHaveLength(2);
    engine.stop();
  });

  it('resetSendsInit: false restarts the room without a snapshot for open sockets', () => {
    const sched = new VirtualScheduler();
    const engine = new DraftEngine({ seed: 3, teams: 4, rounds: 2, pickIntervalMs: 500, preDraftMs: 1000, resetSendsInit: false }, sched);
    const events: string[] = [];
    engine.onEvent((e) => events.push(e.type));
    engine.start();
    sched.runUntil(() => engine.pickCount >= 2);
    engine.reset();
    sched.runUntil(() => engine.phase === 'complete');
    expect(events).not.toContain('snapshot');
    expect(engine.truth()).toHaveLength(8);
    engine.stop();
  });

  it('does nothing before the draft was started', () => {
    const engine = new DraftEngine({ seed: 3, teams: 4, rounds: 2 }, new VirtualScheduler());
    engine.reset();
    expect(engine.truthBeforeResets()).toEqual([]);
    expect(engine.phase).toBe('pre_draft');
  });
});

describe('mock leagues (REST)', () => {
  const BASE = '/apis/v3/games/ffl/seasons/2026/segments/0/leagues/123456789';
  const api = (mockLeague: 'lobby' | 'not-found') => {
    const engine = new DraftEngine({ seed: 5, teams: 4, rounds: 2, mockLeague }, new VirtualScheduler());
    const me = engine.league.teams.find((t) => t.teamId === engine.league.myTeamId)!;
    return { api: new EspnApi(engine), cookie: `SWID=${me.memberSwid}; espn_s2=${engine.league.espnS2}`, code: me.securityCode };
  };

  it('lobby: league reads say MOCKDRAFT_LOBBY and not viewable', () => {
    const { api: lobby } = api('lobby');
    const res = lobby.handle({ method: 'GET', url: `${BASE}?view=mSettings&view=mDraftDetail`, headers: {} });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.settings.draftSettings.leagueSubType).toBe('MOCKDRAFT_LOBBY');
    expect(body.status.isViewable).toBe(false);
  });

  it('not-found: league reads answer 404, draftSecurity and the player pool still answer', () => {
    const { api: gone, cookie, code } = api('not-found');
    expect(gone.handle({ method: 'GET', url: `${BASE}?view=mTeam`, headers: { cookie } }).status).toBe(404);
    expect(gone.handle({ method: 'GET', url: `${BASE}?view=mDraftDetail`, headers: { cookie } }).status).toBe(404);
    const security = gone.handle({ method: 'GET', url: `${BASE}/teams/2/draftSecurity`, headers: { cookie } });
    expect(security).toMatchObject({ status: 200, body: String(code) });
    expect(gone.handle({ method: 'GET', url: '/apis/v3/games/ffl/seasons/2026/players?view=players_wl', headers: {} }).status).toBe(200);
  });

  it('a real league stays viewable', () => {
    const engine = new DraftEngine({ seed: 5, teams: 4, rounds: 2 }, new VirtualScheduler());
    const body = JSON.parse(new EspnApi(engine).handle({ method: 'GET', url: `${BASE}?view=mSettings`, headers: {} }).body);
    expect(body.status.isViewable).toBe(true);
    expect(body.settings.draftSettings.leagueSubType).toBe('NONE');
  });
});

describe('simulator server: reset and several leagues', () => {
  let sims: Simulator[] = [];
  let groups: LeagueGroup[] = [];
  let clients: SimSocketClient[] = [];
  const client = (s: Simulator): SimSocketClient => {
    const c = new SimSocketClient(s);
    clients.push(c);
    return c;
  };

  afterEach(async () => {
    for (const c of clients) c.close();
    await Promise.all([...sims.map((s) => s.close()), ...groups.map((g) => g.close())]);
    sims = [];
    groups = [];
    clients = [];
  });

  it('a socket that stays open gets RESET, then the restarted draft’s INIT, and follows it to the end', async () => {
    const s = await startSimulator({ ...FAST });
    sims.push(s);
    const c = client(s);
    await c.opened;
    await s.whenPicks(5);
    s.reset();
    await c.waitForFrame((f) => f === 'RESET\n');
    const resetAt = c.texts.indexOf('RESET\n');
    const init = await c.waitForFrame((f) => f.startsWith('INIT '), { from: resetAt });
    const snap = decode(init);
    expect(snap.draft.state).toBe(0);
    expect(snap.draft.picks.every((p) => p.playerId === -1)).toBe(true);
    expect(s.truthBeforeResets()[0]!.length).toBeGreaterThanOrEqual(5);

    await s.whenComplete();
    await c.waitForFrame((f) => f === 'STATE 2\n', { from: resetAt });
    const after = c.texts.slice(c.texts.indexOf(init));
    const live = after.filter((f) => f.startsWith('SELECTED ')).map((f) => f.trim().split(' ').slice(1, 4).map(Number));
    expect(live).toEqual(s.truth().map((p) => [p.teamId, p.playerId, p.rosterSpot]));
  });

  it('serves each sport its own player pool when leagues of two sports share the server', async () => {
    const group = await startLeagues({ ...FAST, autoStart: false }, [
      { leagueId: 111, seed: 'a', teams: 4, rounds: 3 },
      { leagueId: 333, seed: 'c', teams: 4, rounds: 3, sport: 'basketball' },
    ]);
    groups.push(group);
    const [football, basketball] = group.leagues as [Simulator, Simulator];
    const pool = async (game: string) =>
      (JSON.parse((await simRequest(football, `https://lm-api-reads.fantasy.espn.com/apis/v3/games/${game}/seasons/2026/players?view=players_wl`)).body) as Array<{ id: number }>).map((p) => p.id);
    expect(await pool('ffl')).toEqual(football.players.map((p) => p.id));
    expect(await pool('fba')).toEqual(basketball.players.map((p) => p.id));
  });

  it('serves two leagues on one port, each with its own sockets, truth, REST and page', async () => {
    const group = await startLeagues({ ...FAST, autoStart: false }, [
      { leagueId: 111, seed: 'a', teams: 4, rounds: 3 },
      { leagueId: 222, seed: 'b', teams: 6, rounds: 2, mockLeague: 'not-found' },
    ]);
    groups.push(group);
    const [a, b] = group.leagues as [Simulator, Simulator];
    expect(a.port).toBe(b.port);
    expect(a.players).toEqual(b.players);
    expect(b.league.espnS2).toBe(a.league.espnS2);
    const ca = client(a);
    const cb = client(b);
    await Promise.all([ca.opened, cb.opened]);
    expect(decode(await ca.waitForFrame((f) => f.startsWith('INIT '))).leagueId).toBe(111);
    expect(decode(await cb.waitForFrame((f) => f.startsWith('INIT '))).leagueId).toBe(222);
    expect([a.connections, b.connections]).toEqual([1, 1]);

    a.start();
    b.start();
    await Promise.all([a.whenComplete(), b.whenComplete()]);
    await Promise.all([ca.waitForFrame((f) => f === 'STATE 2\n'), cb.waitForFrame((f) => f === 'STATE 2\n')]);
    expect(a.truth()).toHaveLength(12);
    expect(b.truth()).toHaveLength(12);
    expect(a.truth().map((p) => p.teamId)).not.toEqual(b.truth().map((p) => p.teamId));
    const selected = (c: SimSocketClient) => c.texts.filter((f) => f.startsWith('SELECTED ')).map((f) => Number(f.split(' ')[2]));
    expect(selected(ca)).toEqual(a.truth().map((p) => p.playerId));
    expect(selected(cb)).toEqual(b.truth().map((p) => p.playerId));

    const api = (league: number) => `https://lm-api-reads.fantasy.espn.com/apis/v3/games/ffl/seasons/2026/segments/0/leagues/${league}?view=mTeam`;
    const readA = await simRequest(a, api(111));
    expect(readA.status).toBe(200);
    expect((JSON.parse(readA.body) as { teams: unknown[] }).teams).toHaveLength(4);
    expect((await simRequest(a, api(222))).status).toBe(404);
    expect((await simRequest(a, api(333))).status).toBe(404);
    // Routed by season too: league 111 of another season is not served.
    expect((await simRequest(a, api(111).replace('/seasons/2026/', '/seasons/2025/'))).status).toBe(404);
    const security = await simRequest(
      b,
      `https://lm-api-reads.fantasy.espn.com/apis/v3/games/ffl/seasons/2026/segments/0/leagues/222/teams/${b.league.myTeamId}/draftSecurity`,
      { headers: { Cookie: `SWID=${b.league.teams.find((t) => t.teamId === b.league.myTeamId)!.memberSwid}; espn_s2=${a.league.espnS2}` } },
    );
    expect(security.body).toBe(String(b.securityCode));
    const pageB = await simRequest(a, b.draftPageUrl);
    expect(pageB.status).toBe(200);
  });
});
