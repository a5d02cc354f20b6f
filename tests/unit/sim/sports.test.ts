/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   these tests walk the simulator's ESPN-shaped JSON field by field, as rest.test.ts does. */
import { describe, expect, it } from 'vitest';
import { DraftEngine } from '../../sim/engine/draft-engine';
import { EspnApi } from '../../sim/server/rest';
import { servePage } from '../../sim/server/page-route';
import { VirtualScheduler } from '../../sim/scheduler';
import type { SportName } from '../../sim/sports';

function runDraft(sport: SportName, rounds: number): DraftEngine {
  const sched = new VirtualScheduler();
  const engine = new DraftEngine({ seed: `sport-${sport}`, sport, teams: 6, rounds, pickIntervalMs: 200, preDraftMs: 500 }, sched);
  engine.start();
  sched.runUntil(() => engine.phase === 'complete');
  engine.stop();
  return engine;
}

describe.each([
  ['basketball', 3, 'fba', ['C', 'PF', 'PG', 'SF', 'SG'], 'Mia'],
  ['baseball', 2, 'flb', ['1B', '2B', '3B', 'C', 'CF', 'DH', 'LF', 'RF', 'RP', 'SP', 'SS'], 'NYY'],
  ['hockey', 4, 'fhl', ['Center', 'Defense', 'Goalie', 'Left Wing'], 'Boston Bruins'],
] as const)('a %s room', (sport, gameId, gameCode, positions, _team) => {
  it('runs a legal snake draft with the sport\'s positions and pro teams', () => {
    const engine = runDraft(sport, 12);
    expect(engine.league.gameId).toBe(gameId);
    expect(engine.league.sport).toBe(sport);
    const truth = engine.truth();
    expect(truth).toHaveLength(6 * 12);
    expect(new Set(truth.map((p) => p.playerId)).size).toBe(truth.length);
    // Only this sport's position names, never a football one.
    for (const p of truth) expect(positions).toContain(p.position);
    expect(truth.some((p) => ['QB', 'RB', 'WR', 'TE', 'K', 'D/ST'].includes(p.position))).toBe(false);
    // Every spot of every roster is used once, and each player fits the spot's slot.
    const template = engine.league.rosterTemplate;
    for (let team = 1; team <= 6; team++) {
      const spots = truth.filter((p) => p.teamId === team).map((p) => p.rosterSpot).sort((a, b) => a - b);
      expect(spots).toEqual(template.map((s) => s.spot));
    }
    for (const p of truth) {
      const slot = template[p.rosterSpot - 1]!.lineupSlotId;
      expect(engine.playersById.get(p.playerId)!.eligibleSlots).toContain(slot);
    }
    expect(new Set(truth.map((p) => p.position)).size).toBeGreaterThan(2);
  });

  it(`serves /${sport}/draft, REST under /games/${gameCode}/ and refuses football's paths`, () => {
    const sched = new VirtualScheduler();
    const engine = new DraftEngine({ seed: 1, sport, teams: 4, rounds: 3 }, sched);
    const api = new EspnApi(engine, () => sched.now());
    const base = `/apis/v3/games/${gameCode}/seasons/2026`;
    const league = api.handle({ method: 'GET', url: `${base}/segments/0/leagues/123456789?view=mSettings`, headers: {} });
    expect(league.status).toBe(200);
    expect(JSON.parse(league.body).gameId).toBe(gameId);
    const players = api.handle({ method: 'GET', url: `${base}/players?view=players_wl`, headers: {} });
    expect(players.status).toBe(200);
    expect((JSON.parse(players.body) as unknown[]).length).toBe(engine.players.length);
    expect(api.handle({ method: 'GET', url: '/apis/v3/games/ffl/seasons/2026/players?view=players_wl', headers: {} }).status).toBe(404);

    const query = `?leagueId=123456789&seasonId=2026&teamId=2&memberId=${encodeURIComponent(engine.league.teams[1]!.memberSwid!)}`;
    expect(servePage(engine.league, 'always', `/${sport}/draft${query}`, {}).status).toBe(200);
    expect(servePage(engine.league, 'always', `/football/draft${query}`, {}).status).toBe(404);
  });
});

describe('a football room', () => {
  it('stays football by default (game 1, /football/draft, the captured template)', () => {
    const engine = runDraft('football', 16);
    expect(engine.league.gameId).toBe(1);
    expect(engine.league.rosterTemplate.map((s) => s.lineupSlotId)).toEqual([0, 2, 2, 4, 4, 6, 23, 16, 17, 20, 20, 20, 20, 20, 20, 20]);
    expect(new Set(engine.truth().map((p) => p.position))).toEqual(new Set(['QB', 'RB', 'WR', 'TE', 'K', 'D/ST']));
  });
});
