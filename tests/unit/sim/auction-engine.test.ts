import { describe, expect, it } from 'vitest';
import { DraftEngine, type EngineOptions } from '../../sim/engine/draft-engine';
import { ENGINE_DEFAULTS } from '../../sim/engine/defaults';
import { buildInitSnapshot } from '../../sim/init/build-snapshot';
import { encodeInit } from '../../sim/init/encode-init';
import { decodeInit } from '../../../src/protocol/init/decode-init';
import { EspnApi } from '../../sim/server/rest';
import { VirtualScheduler } from '../../sim/scheduler';

const AUCTION: Partial<EngineOptions> = { seed: 'auction', teams: 6, rounds: 8, draftType: 'auction' };

/** Runs an auction on virtual time; every frame (broadcast or to one team) in order. */
function runAuction(opts: Partial<EngineOptions> = {}): { engine: DraftEngine; frames: string[]; teamFrames: Array<[number, string]> } {
  const sched = new VirtualScheduler();
  const engine = new DraftEngine({ ...AUCTION, ...opts }, sched);
  const frames: string[] = [];
  const teamFrames: Array<[number, string]> = [];
  engine.onEvent((e) => {
    if (e.type === 'frame') frames.push(e.frame);
    if (e.type === 'team-frame') teamFrames.push([e.teamId, e.frame]);
  });
  engine.start();
  sched.runUntil(() => engine.phase === 'complete');
  engine.stop();
  return { engine, frames, teamFrames };
}

const words = (frame: string): string[] => frame.trim().split(' ');

describe('simulated auction draft (virtual time)', () => {
  it('is a snake draft unless told otherwise', () => {
    expect(ENGINE_DEFAULTS.draftType).toBe('snake');
    expect(new DraftEngine({ teams: 4, rounds: 2 }, new VirtualScheduler()).slots.map((s) => s.teamId)).toEqual([1, 2, 3, 4, 4, 3, 2, 1]);
  });

  it('fills every roster within budget, each lot with a price and a nominator', () => {
    const { engine } = runAuction();
    const truth = engine.truth();
    expect(truth).toHaveLength(48);
    expect(truth.map((p) => p.overallPick)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
    expect(new Set(truth.map((p) => p.playerId)).size).toBe(48);
    for (let team = 1; team <= 6; team++) {
      const bought = truth.filter((p) => p.teamId === team);
      expect(bought, `team ${team}`).toHaveLength(8);
      expect(bought.reduce((sum, p) => sum + p.price!, 0)).toBeLessThanOrEqual(200);
      expect(new Set(bought.map((p) => p.rosterSpot)).size).toBe(8);
    }
    for (const p of truth) {
      expect(p.price).toBeGreaterThanOrEqual(1);
      expect(p.nominatingTeamId).toBeGreaterThanOrEqual(1);
      expect(p.round).toBe(Math.ceil(p.overallPick / 6));
      expect(p.roundPick).toBe(((p.overallPick - 1) % 6) + 1);
      expect(p.keeper).toBe(false);
      expect(p.autopick).toBe(false);
    }
    // The table's order repeats; the first round is nominated in that order, and stars cost more.
    expect(engine.slots.slice(6, 12).map((s) => s.teamId)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(truth.slice(0, 6).map((p) => p.nominatingTeamId)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(truth.some((p) => p.teamId !== p.nominatingTeamId)).toBe(true);
    const average = (ps: typeof truth): number => ps.reduce((s, p) => s + p.price!, 0) / ps.length;
    expect(average(truth.slice(0, 12))).toBeGreaterThan(average(truth.slice(-12)));
  });

  it('sends each lot as NOMINATION, CLOCK 1, BIDs, SOLD, SELECTED, CLOCK 3 (protocol.md §5)', () => {
    const { engine, frames, teamFrames } = runAuction();
    expect(frames.filter((f) => f.startsWith('SELECTING'))).toEqual([]);
    const lots = frames.join('').split('NOMINATION ').slice(1);
    expect(lots).toHaveLength(48);
    for (const [i, text] of lots.entries()) {
      const lotFrames = ('NOMINATION ' + text).split('\n').filter(Boolean);
      const pick = engine.truth()[i]!;
      expect(lotFrames[0]).toBe(`NOMINATION ${pick.nominatingTeamId} ${engine.opts.nominationClockMs}`);
      expect(lotFrames[1]).toBe(`CLOCK 1 ${engine.opts.nominationClockMs} ${pick.nominatingTeamId}`);
      const bids = lotFrames.filter((f) => f.startsWith('BID '));
      expect(words(bids[0]!).slice(1, 3)).toEqual([String(pick.nominatingTeamId), String(pick.playerId)]);
      expect(words(bids.at(-1)!).slice(1, 4)).toEqual([String(pick.teamId), String(pick.playerId), String(pick.price)]);
      const sold = lotFrames.findIndex((f) => f.startsWith('SOLD '));
      expect(lotFrames[sold]).toBe(`SOLD ${pick.teamId} ${pick.playerId} 0 ${pick.price} 0`);
      expect(lotFrames[sold + 1]).toBe(`SELECTED ${pick.teamId} ${pick.playerId} ${pick.rosterSpot}`);
      if (i < 47) expect(lotFrames[sold + 2]).toBe(`CLOCK 3 ${engine.opts.lotGapMs}`);
    }
    expect(frames.at(-1)).toBe('STATE 2\n');
    // Each bid is acknowledged to the bidding team only.
    const bidCount = frames.filter((f) => f.startsWith('BID ')).length;
    expect(teamFrames).toHaveLength(bidCount);
    for (const [teamId, frame] of teamFrames) expect(frame).toMatch(new RegExp(`^BID_ACK ${teamId} -?\\d+ \\d+\\n$`));
  });

  it('ticks CLOCK 2 with the standing bid while a lot is open', () => {
    const { frames } = runAuction({ clockTickMs: 50, pickIntervalMs: 2_000 });
    const ticks = frames.filter((f) => f.startsWith('CLOCK 2 '));
    expect(ticks.length).toBeGreaterThan(0);
    for (const tick of ticks) expect(words(tick)).toHaveLength(6);
  });

  it('shows each sold lot in INIT with its price, nominator and buyer, and in REST after the draft', () => {
    const sched = new VirtualScheduler();
    const engine = new DraftEngine(AUCTION, sched);
    engine.start();
    sched.runUntil(() => engine.pickCount >= 20);
    const init = decodeInit(encodeInit(buildInitSnapshot(engine.initOptions(2))));
    if (!init.ok) throw new Error('INIT did not decode');
    const table = init.snapshot.draft.picks;
    const truth = engine.truth();
    expect(table.slice(0, 12).map((s) => s.teamId)).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]);
    for (const p of truth) {
      const slot = table[p.overallPick - 1]!;
      expect([slot.playerId, slot.spot, slot.bidAmount, slot.nominatingTeamId]).toEqual([p.playerId, p.rosterSpot, p.price, p.nominatingTeamId]);
      const roster = init.snapshot.draft.teams.find((t) => t.teamId === p.teamId)!.roster;
      expect(roster[p.rosterSpot - 1]!.playerId).toBe(p.playerId);
    }
    expect(table.filter((s) => s.playerId !== -1)).toHaveLength(truth.length);

    sched.runUntil(() => engine.phase === 'complete');
    engine.stop();
    const api = new EspnApi(engine, () => sched.now());
    const res = api.handle({
      method: 'GET',
      url: `/apis/v3/games/ffl/seasons/2026/segments/0/leagues/${engine.league.leagueId}?view=mDraftDetail&view=mSettings`,
      headers: { origin: 'https://fantasy.espn.com' },
    });
    const body = JSON.parse(res.body) as { settings: { draftSettings: { type: string } }; draftDetail: { picks: Array<Record<string, number>> } };
    expect(body.settings.draftSettings.type).toBe('AUCTION');
    expect(
      body.draftDetail.picks.map((p) => [p.overallPickNumber, p.teamId, p.playerId, p.bidAmount, p.nominatingTeamId]),
    ).toEqual(engine.truth().map((p) => [p.overallPick, p.teamId, p.playerId, p.price, p.nominatingTeamId]));
  });
});

describe('simulated auction: commissioner pause', () => {
  it('freezes the lot clock and ends with the same board as an auction never paused', () => {
    const options = { ...AUCTION, pickIntervalMs: 2_000, clockTickMs: 400 };
    const sched = new VirtualScheduler();
    const engine = new DraftEngine(options, sched);
    const frames: string[] = [];
    engine.onEvent((e) => {
      if (e.type === 'frame') frames.push(e.frame);
    });
    engine.start();
    sched.runUntil(() => engine.pickCount >= 5 && frames.at(-1)!.startsWith('BID '));
    const before = engine.clockFrame();
    expect(before).toMatch(/^CLOCK 2 /);
    engine.pause();
    expect(engine.clockFrame()).toBe('CLOCK\n');
    sched.advance(60_000);
    expect(engine.pickCount).toBe(5);
    engine.resume();
    expect(frames.at(-1)).toBe(before);
    sched.runUntil(() => engine.phase === 'complete');
    engine.stop();
    expect(engine.truth()).toEqual(runAuction(options).engine.truth());
  });
});

describe('simulated auction: members coming and going', () => {
  it('sends the planned LEFT / JOINED frames between lots, as in a snake draft', () => {
    const { frames } = runAuction({ teams: 10, rounds: 16 });
    const live = frames.slice(frames.indexOf('STATE 1\n'));
    expect(live.some((f) => f.startsWith('LEFT '))).toBe(true);
    expect(live.some((f) => f.startsWith('JOINED '))).toBe(true);
  });
});
