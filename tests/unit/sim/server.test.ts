import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, type ClientOptions } from 'ws';
import { decodeInit } from '../../../src/protocol/init/decode-init';
import { parseInitFrameText } from '../../../src/protocol/init/init-frame';
import { SimSocketClient, simRequest } from '../../sim/client';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../sim/index';

// Real sockets on an ephemeral port; accelerated pace. No assertion depends on speed.
const FAST: SimulatorOptions = { port: 0, seed: 11, teams: 4, rounds: 4, pickIntervalMs: 80, clockTickMs: 60, preDraftMs: 400, pongDelayMs: 5 };

let sims: Simulator[] = [];
let clients: SimSocketClient[] = [];

async function sim(opts: SimulatorOptions = {}): Promise<Simulator> {
  const s = await startSimulator({ ...FAST, ...opts });
  sims.push(s);
  return s;
}

function client(s: Simulator, opts: ConstructorParameters<typeof SimSocketClient>[1] = {}): SimSocketClient {
  const c = new SimSocketClient(s, opts);
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients) c.close();
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
  clients = [];
});

function decode(frame: string) {
  const parsed = parseInitFrameText(frame);
  if (!parsed.ok) throw new Error(parsed.error);
  const decoded = decodeInit(parsed.bytes);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.snapshot;
}

describe('simulator server', () => {
  it('sends the join sequence in ESPN order, with a decodable INIT', async () => {
    const s = await sim({ preDraftMs: 60_000 });
    const c = client(s);
    await c.opened;
    await c.waitForFrame((f) => f.startsWith('JOINED'));
    const me = s.league.teams.find((t) => t.teamId === s.league.myTeamId)!;
    const t = c.texts;
    expect(t[0]).toBe(`AUTODRAFT ${me.teamId} false\n`);
    expect(t[1]).toMatch(/^INIT [A-Za-z0-9+/]+=* #{2048}\n$/);
    expect(t[2]).toBe(`TOKEN 1:${s.league.leagueId}:${me.teamId}:${me.memberSwid}:${me.securityCode}\n`);
    expect(t[3]).toMatch(/^CLOCK 0 \d+\n$/);
    expect(Number(t[3]!.split(' ')[2])).toBeGreaterThan(50_000);
    expect(t[4]).toMatch(/^AUTOSUGGEST -?\d+\n$/);
    expect(t[5]).toBe(`JOINED ${me.teamId} ${me.memberSwid}\n`);

    const snap = decode(t[1]!);
    expect(snap.leagueId).toBe(s.league.leagueId);
    expect(snap.myTeamId).toBe(me.teamId);
    expect(snap.draft.state).toBe(0);
    expect(snap.draft.picks).toHaveLength(16);
    expect(snap.draft.picks.every((p) => p.playerId === -1)).toBe(true);
    expect(snap.draft.rosterTemplate.map((r) => r.lineupSlotId)).toEqual(s.league.rosterTemplate.map((r) => r.lineupSlotId));
    expect(s.connections).toBe(1);
  });

  it('echoes PING as PONG and keeps every frame newline-terminated', async () => {
    const s = await sim({ preDraftMs: 60_000 });
    const c = client(s);
    await c.opened;
    c.send('PING PING%201756607417674\n');
    await c.waitForFrame((f) => f === 'PONG PING%201756607417674\n');
    // A frame without "\n" is not a frame: no PONG.
    c.send('PING PING%2042');
    c.send('PING PING%2043\n');
    await c.waitForFrame((f) => f === 'PONG PING%2043\n');
    expect(c.texts).not.toContain('PONG PING%2042\n');
    expect(c.texts.every((f) => f.endsWith('\n'))).toBe(true);
  });

  it('runs the draft to the end; a mid-draft INIT holds every pick so far', async () => {
    const s = await sim({ rounds: 6 });
    const first = client(s);
    await first.opened;
    await s.whenPicks(9);
    const late = client(s, {});
    // The newcomer kicks the first socket (one connection per member).
    const snap = decode(await late.waitForFrame((f) => f.startsWith('INIT ')));
    expect(snap.draft.state).toBe(1);
    const filled = snap.draft.picks.filter((p) => p.playerId !== -1);
    expect(filled.length).toBeGreaterThanOrEqual(9);
    expect(filled.map((p) => [p.overallPick, p.teamId, p.playerId, p.spot])).toEqual(
      s.truth().slice(0, filled.length).map((p) => [p.overallPick, p.teamId, p.playerId, p.rosterSpot]),
    );
    expect(late.texts[3]).toMatch(/^CLOCK 6 \d+ \d+\n$/);
    await first.closed;
    expect(first.texts).toContain(`LEFT ${s.league.myTeamId} ${s.league.teams[s.league.myTeamId - 1]!.memberSwid} 2\n`);
    expect(first.closeCode).toBe(1006);

    await s.whenComplete();
    await late.waitForFrame((f) => f === 'STATE 2\n');
    // Backfill from INIT + live SELECTED frames = truth.
    const live = late.texts.filter((f) => f.startsWith('SELECTED ')).map((f) => f.trim().split(' '));
    const all = [...filled.map((p) => [p.teamId, p.playerId, p.spot]), ...live.map((a) => [Number(a[1]), Number(a[2]), Number(a[3])])];
    expect(all).toEqual(s.truth().map((p) => [p.teamId, p.playerId, p.rosterSpot]));
    expect(s.state).toBe('complete');

    const after = client(s);
    await after.waitForFrame((f) => f === 'CLOCK 4\n');
    const done = decode(after.texts.find((f) => f.startsWith('INIT '))!);
    expect(done.draft.state).toBe(2);
    expect(done.draft.picks.every((p) => p.playerId !== -1)).toBe(true);
  });

  it('accepts SELECT from the member on the clock, refuses it out of turn', async () => {
    // Slow human pace here so team 1 is still on the clock when the out-of-turn SELECT lands.
    const s = await sim({ myPicks: 'client', teams: 2, rounds: 1, myTeamId: 2, preDraftMs: 100, pickIntervalMs: 2_000, timeoutRate: 0 });
    const c = client(s);
    await c.waitForFrame((f) => f.startsWith('JOINED'));
    c.send(`DRAFT_LIST ${s.players[60]!.id} ${s.players[61]!.id}\n`);
    await c.waitForFrame((f) => f === `DRAFT_LIST ${s.players[60]!.id} ${s.players[61]!.id}\n`);
    await c.waitForFrame((f) => f === `AUTOSUGGEST ${s.players[60]!.id}\n`);

    await c.waitForFrame((f) => f === 'SELECTING 1 6000\n');
    c.send(`SELECT ${s.players[60]!.id}\n`);
    await c.waitForFrame((f) => f === 'ERROR 1 Invalid+selection+team+%282%29%3B+team+1+is+currently+on+the+clock.\n');

    await c.waitForFrame((f) => f === 'SELECTING 2 6000\n');
    const suggestion = Number(c.commands('AUTOSUGGEST').at(-1)!.split(' ')[1]);
    c.send(`SELECT ${suggestion}\n`);
    const sel = await c.waitForFrame((f) => f.startsWith('SELECTED 2 '));
    expect(sel).toMatch(new RegExp(`^SELECTED 2 ${suggestion} \\d+ \\{00000000-0000-4000-8000-000000000002\\}\\n$`));
    await c.waitForFrame((f) => f === 'STATE 2\n');
    expect(s.truth()[1]).toMatchObject({ teamId: 2, playerId: suggestion, autopick: false });
  });

  it('refuses bad tokens, unknown leagues and (optionally) non-browser agents', async () => {
    const s = await sim({ preDraftMs: 60_000, requireBrowserUserAgent: true });
    const bad = client(s, { token: `1:${s.league.leagueId}:${s.league.myTeamId}:${s.league.teams[1]!.memberSwid}:-1` });
    await bad.closed;
    expect(bad.texts).toEqual(['ERROR 1 Invalid+security+code%3B+access+is+refused.\n']);

    const unknown = client(s, { leagueId: 42 });
    await expect(unknown.opened).rejects.toThrow(/500/);
    expect(unknown.refused).toEqual({ status: 500, body: 'LeagueId was either missing or invalid' });

    const bot = client(s, { userAgent: 'python-requests/2.32' });
    await expect(bot.opened).rejects.toThrow(/403/);
  });

  it('fault: drop with 1006 (no close frame) and with close codes', async () => {
    const s = await sim({ preDraftMs: 60_000 });
    for (const code of [1006, 1000, 1001, 1011] as const) {
      const c = client(s);
      await c.waitForFrame((f) => f.startsWith('JOINED'));
      expect(s.faults.drop(code)).toBe(1);
      expect(await c.closed).toBe(code);
    }
    expect(s.connectionHistory.map((r) => r.endedBy)).toEqual(['drop', 'drop', 'drop', 'drop']);
  });

  it('fault: stall sends nothing (not even PONG) while picks continue; INIT backfills', async () => {
    const s = await sim({ rounds: 8, preDraftMs: 100 });
    const c = client(s);
    await c.waitForFrame((f) => f.startsWith('SELECTED'));
    expect(s.faults.stall(60_000)).toBe(1);
    const rec = s.connectionHistory[0]!;
    const sentAtStall = rec.framesOut;
    const picksAtStall = s.truth().length;
    c.send('PING PING%201\n');
    await s.whenPicks(picksAtStall + 4);
    expect(rec.framesOut).toBe(sentAtStall);
    expect(c.ws.readyState).toBe(c.ws.OPEN);
    // A reconnect gets a fresh INIT with the picks the stalled socket never saw.
    const again = client(s);
    const init = decode(await again.waitForFrame((f) => f.startsWith('INIT ')));
    expect(init.draft.picks.filter((p) => p.playerId !== -1).length).toBeGreaterThanOrEqual(picksAtStall + 4);
    await c.closed; // kicked as a duplicate: the LEFT … 2 is the only frame after the stall
    expect(c.texts).toHaveLength(sentAtStall + 1);
    expect(c.texts.at(-1)).toBe(`LEFT ${s.league.myTeamId} ${s.league.teams[s.league.myTeamId - 1]!.memberSwid} 2\n`);
    expect(c.texts).not.toContain('PONG PING%201\n');
  });

  it('fault: a stall ends after its time and frames flow again', async () => {
    const s = await sim({ preDraftMs: 60_000 });
    const c = client(s);
    await c.waitForFrame((f) => f.startsWith('JOINED'));
    s.faults.stall(300);
    c.send('PING PING%207\n');
    await new Promise((r) => setTimeout(r, 400)); // let the stall run out
    c.send('PING PING%208\n');
    await c.waitForFrame((f) => f === 'PONG PING%208\n');
    expect(c.texts).not.toContain('PONG PING%207\n');
  });

  it('fault: refuseUpgrades answers 500 for a while', async () => {
    const s = await sim({ preDraftMs: 60_000 });
    s.faults.refuseUpgrades(60_000);
    expect(s.faults.refusingUpgrades).toBe(true);
    const c = client(s);
    await expect(c.opened).rejects.toThrow(/500/);
    expect(c.refused).toEqual({ status: 500, body: 'LeagueId was either missing or invalid' });
    s.faults.clear();
    const ok = client(s);
    await ok.opened;
  });

  it('fault: kickDuplicate sends LEFT … 2 then drops without a close frame', async () => {
    const s = await sim({ preDraftMs: 60_000 });
    const c = client(s);
    await c.waitForFrame((f) => f.startsWith('JOINED'));
    expect(s.faults.kickDuplicate()).toBe(1);
    const me = s.league.teams[s.league.myTeamId - 1]!;
    await c.waitForFrame((f) => f === `LEFT ${me.teamId} ${me.memberSwid} 2\n`);
    expect(await c.closed).toBe(1006);
    expect(s.connections).toBe(0);
  });

  it('fault: inject sends drift frames, newline-terminated, and leaves the draft alone', async () => {
    const s = await sim({ preDraftMs: 60_000 });
    const c = client(s);
    await c.waitForFrame((f) => f.startsWith('JOINED'));
    const before = s.truth();
    expect(s.faults.inject(['SHOUT 1 2', 'CLOCK 9 100 3\n'])).toBe(1);
    await c.waitForFrame((f) => f === 'SHOUT 1 2\n');
    await c.waitForFrame((f) => f === 'CLOCK 9 100 3\n');
    expect(s.truth()).toEqual(before);
    expect(s.faults.inject(['SHOUT'], { teamId: s.league.myTeamId === 1 ? 2 : 1 })).toBe(0);
  });

  it('drops a client that sends no newline-terminated frame (idle timeout)', async () => {
    const s = await sim({ preDraftMs: 60_000, clientIdleTimeoutMs: 300 });
    const c = client(s);
    await c.opened;
    c.send('PING PING%201');
    expect(await c.closed).toBe(1006);
    expect(s.connectionHistory[0]!.endedBy).toBe('idle');
  });

  it('serves the draft page with cookies, REST with CORS, and the decoy socket', async () => {
    const s = await sim({ preDraftMs: 60_000, privateLeague: true });
    const page = await simRequest(s, s.draftPageUrl);
    expect(page.status).toBe(200);
    expect(page.body).toContain('/__sim/draft-client.js');
    const cookies = page.headers['set-cookie'] as string[];
    expect(cookies.some((c) => c.startsWith('SWID={') && /Domain=\.espn\.com/.test(c) && /Secure/.test(c) && /SameSite=None/.test(c))).toBe(true);
    expect(cookies.some((c) => c.startsWith(`espn_s2=${s.league.espnS2};`))).toBe(true);
    expect((await simRequest(s, 'https://fantasy.espn.com/football/draft?leagueId=1')).status).toBe(404);
    expect((await simRequest(s, 'https://fantasy.espn.com/__sim/draft-client.js')).body).toContain("'wss://fantasydraft.espn.com/game-' + gameId + '/league-'");

    const api = `https://lm-api-reads.fantasy.espn.com/apis/v3/games/ffl/seasons/${s.league.seasonId}/segments/0/leagues/${s.league.leagueId}?view=mSettings`;
    const anon = await simRequest(s, api, { headers: { Origin: 'https://fantasy.espn.com' } });
    expect(anon.status).toBe(401);
    const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    const authed = await simRequest(s, api, { headers: { Origin: 'https://fantasy.espn.com', Cookie: cookie } });
    expect(authed.status).toBe(200);
    expect(authed.headers['access-control-allow-origin']).toBe('https://fantasy.espn.com');

    const decoyOptions: ClientOptions & { servername: string } = {
      rejectUnauthorized: false,
      servername: 'espn.connections.edge.bamgrid.com',
      headers: { Host: 'espn.connections.edge.bamgrid.com' },
    };
    const decoy = new WebSocket(`wss://127.0.0.1:${s.port}/v1/websocket`, decoyOptions);
    const msg = await new Promise<string>((resolve, reject) => {
      decoy.once('message', (d: Buffer) => resolve(d.toString('utf8')));
      decoy.once('error', reject);
    });
    expect((JSON.parse(msg) as { data: { accessToken: string } }).data.accessToken).toBe(s.decoyAccessToken);
    decoy.terminate();
  });

  it('exposes a host-resolver rule with the port when not on 443', async () => {
    const s = await sim({ preDraftMs: 60_000 });
    expect(s.port).not.toBe(443);
    expect(s.hostResolverRules).toContain(`MAP *.espn.com 127.0.0.1:${s.port}`);
    expect(s.hostResolverRules).toContain(`MAP *.bamgrid.com 127.0.0.1:${s.port}`);
    expect(s.chromiumArgs).toContain('--ignore-certificate-errors');
    expect(s.draftPageUrl).toBe(
      `https://fantasy.espn.com/football/draft?leagueId=${s.league.leagueId}&seasonId=${s.league.seasonId}&teamId=${s.league.myTeamId}&memberId=%7B00000000-0000-4000-8000-00000000000${s.league.myTeamId}%7D`,
    );
  });
});
