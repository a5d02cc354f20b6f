import { describe, expect, it } from 'vitest';
import { DraftEngine, type EngineOptions } from '../../sim/engine/draft-engine';
import { SLOT, STARTER_SLOT, dstPlayerId, type PositionLabel } from '../../sim/espn-ids';
import { swidForTeam } from '../../sim/league';
import { generatePlayerPool } from '../../sim/players';
import { VirtualScheduler } from '../../sim/scheduler';

/** Runs a draft on virtual time; returns the engine and every broadcast frame in order. */
function runDraft(opts: Partial<EngineOptions> = {}, extraMs = 60_000): { engine: DraftEngine; frames: string[] } {
  const sched = new VirtualScheduler();
  const engine = new DraftEngine({ seed: 42, ...opts }, sched);
  const frames: string[] = [];
  engine.onEvent((e) => {
    if (e.type === 'frame') frames.push(e.frame);
  });
  engine.start();
  sched.runUntil(() => engine.phase === 'complete');
  sched.advance(extraMs);
  engine.stop();
  return { engine, frames };
}

const cmd = (f: string): string => f.split(/[ \n]/)[0]!;

describe('player pool', () => {
  it('is deterministic, unique and realistic', () => {
    const a = generatePlayerPool(7);
    const b = generatePlayerPool(7);
    expect(a).toEqual(b);
    expect(new Set(a.map((p) => p.id)).size).toBe(a.length);
    expect(a.length).toBeGreaterThan(300);
    const positions = new Set(a.map((p) => p.position));
    expect([...positions].sort()).toEqual(['D/ST', 'K', 'QB', 'RB', 'TE', 'WR']);
    for (const p of a.filter((x) => x.position === 'D/ST')) expect(p.id).toBe(dstPlayerId(p.proTeamId));
    expect(a.some((p) => p.id >= 10000 && p.id <= 99999)).toBe(true);
    expect(a.some((p) => p.fullName === "Ja'Marr Chase")).toBe(true);
    expect(a.some((p) => p.fullName.includes('"') && p.fullName.includes(','))).toBe(true);
    expect(a.map((p) => p.rank)).toEqual(a.map((_, i) => i + 1));
  });
});

describe('draft engine (virtual time)', () => {
  it('runs a legal 10 × 16 snake draft', () => {
    const { engine } = runDraft();
    const truth = engine.truth();
    expect(truth).toHaveLength(160);
    expect(new Set(truth.map((p) => p.playerId)).size).toBe(160);
    expect(truth.map((p) => p.overallPick)).toEqual(Array.from({ length: 160 }, (_, i) => i + 1));

    // Snake order: 1…10, 10…1, …
    for (const p of truth) {
      const forward = p.round % 2 === 1;
      expect(p.teamId).toBe(forward ? p.roundPick : 11 - p.roundPick);
      expect(p.round).toBe(Math.ceil(p.overallPick / 10));
    }

    // Every team fills spots 1…16 exactly once, each consistent with the template.
    const template = engine.league.rosterTemplate;
    expect(template.map((s) => s.lineupSlotId)).toEqual([0, 2, 2, 4, 4, 6, 23, 16, 17, 20, 20, 20, 20, 20, 20, 20]);
    for (let team = 1; team <= 10; team++) {
      const mine = truth.filter((p) => p.teamId === team);
      expect(mine.map((p) => p.rosterSpot).sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      for (const p of mine) {
        const slot = template[p.rosterSpot - 1]!.lineupSlotId;
        if (slot === SLOT.FLEX) expect(['RB', 'WR', 'TE']).toContain(p.position);
        else if (slot !== SLOT.BENCH) expect(slot).toBe(STARTER_SLOT[p.position as PositionLabel]);
      }
      // Spots are filled in ESPN's order: a 2nd RB spot only after the 1st, FLEX only after both.
      const spotOrder = mine.map((p) => p.rosterSpot);
      expect(spotOrder.indexOf(3) === -1 || spotOrder.indexOf(2) < spotOrder.indexOf(3)).toBe(true);
      expect(spotOrder.indexOf(5) === -1 || spotOrder.indexOf(4) < spotOrder.indexOf(5)).toBe(true);
    }
  });

  it('emits frames whose replay reproduces truth()', () => {
    const { engine, frames } = runDraft();
    expect(frames.every((f) => f.endsWith('\n') && !f.slice(0, -1).includes('\n'))).toBe(true);

    const slots = engine.slots;
    const replay: Array<{ teamId: number; playerId: number; spot: number; autopick: boolean }> = [];
    let onClock: number | null = null;
    const swids = new Map(engine.league.teams.map((t) => [t.teamId, t.memberSwid]));
    for (const f of frames) {
      const [c, ...a] = f.trim().split(' ');
      if (c === 'SELECTING') onClock = Number(a[0]);
      if (c === 'CLOCK' && a[0] === '6') expect(Number(a[2])).toBe(onClock);
      if (c === 'SELECTED') {
        const teamId = Number(a[0]);
        expect(teamId).toBe(onClock);
        expect(teamId).toBe(slots[replay.length]!.teamId);
        if (a[3]) expect(a[3]).toBe(swids.get(teamId));
        replay.push({ teamId, playerId: Number(a[1]), spot: Number(a[2]), autopick: a[3] === undefined });
        onClock = null;
      }
    }
    expect(replay).toEqual(engine.truth().map((p) => ({ teamId: p.teamId, playerId: p.playerId, spot: p.rosterSpot, autopick: p.autopick })));
  });

  it('orders frames like ESPN (§3.5)', () => {
    const { frames } = runDraft();
    const cmds = frames.map(cmd);
    const state1 = frames.indexOf('STATE 1\n');
    expect(state1).toBeGreaterThan(0);
    expect(frames.slice(0, state1).some((f) => /^CLOCK 0 \d+\n$/.test(f))).toBe(true);
    expect(frames.slice(0, state1).every((f) => !f.startsWith('CLOCK 6') && !f.startsWith('SELECT'))).toBe(true);
    expect(frames[state1 + 1]).toBe(`SELECTING 1 ${30_000}\n`);

    // Every SELECTED is followed (eventually, before the next SELECTED) by a SELECTING, except the last.
    const selected = cmds.flatMap((c, i) => (c === 'SELECTED' ? [i] : []));
    expect(selected).toHaveLength(160);
    const last = selected[selected.length - 1]!;
    expect(frames[last + 1]).toBe('STATE 2\n');
    expect(frames.slice(last + 2).every((f) => f === 'CLOCK 4\n')).toBe(true);
    expect(frames.slice(last + 2).length).toBeGreaterThanOrEqual(2);

    // Snake turns: team 10 gets SELECTING twice in a row around picks 10/11.
    const selecting = frames.filter((f) => f.startsWith('SELECTING')).map((f) => Number(f.split(' ')[1]));
    expect(selecting.slice(8, 12)).toEqual([9, 10, 10, 9]);

    // Mix of human picks (with SWID) and autopicks, including clock expiries.
    const sel = frames.filter((f) => f.startsWith('SELECTED'));
    expect(sel.filter((f) => f.trim().split(' ').length === 5).length).toBeGreaterThan(80);
    expect(sel.filter((f) => f.trim().split(' ').length === 4).length).toBeGreaterThan(5);
    const expiry = frames.findIndex((f, i) => /^AUTODRAFT \d+ true\n$/.test(f) && frames[i + 1]?.startsWith('SELECTED'));
    expect(expiry).toBeGreaterThan(0);
    const team = frames[expiry]!.split(' ')[1];
    expect(frames[expiry + 1]!.trim().split(' ')).toHaveLength(4);
    expect(frames[expiry + 1]!.split(' ')[1]).toBe(team);
    // Presence churn as in the captures.
    expect(frames.some((f) => /^JOINED \d+ \{[0-9A-F-]+\}\n$/.test(f))).toBe(true);
    expect(frames.some((f) => /^LEFT \d+ \{[0-9A-F-]+\} 1\n$/.test(f))).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const a = runDraft({ seed: 9 });
    const b = runDraft({ seed: 9 });
    const c = runDraft({ seed: 10 });
    expect(a.frames).toEqual(b.frames);
    expect(a.engine.truth()).toEqual(b.engine.truth());
    expect(c.engine.truth().map((p) => p.playerId)).not.toEqual(a.engine.truth().map((p) => p.playerId));
  });

  it('supports small drafts, custom order and keepers', () => {
    const { engine, frames } = runDraft({ teams: 4, rounds: 5, draftOrder: [3, 1, 4, 2], keepers: [{ teamId: 2, round: 3 }] });
    const truth = engine.truth();
    expect(truth).toHaveLength(20);
    expect(truth.slice(0, 4).map((p) => p.teamId)).toEqual([3, 1, 4, 2]);
    expect(truth.slice(4, 8).map((p) => p.teamId)).toEqual([2, 4, 1, 3]);
    const keeper = truth.find((p) => p.keeper)!;
    expect(keeper).toMatchObject({ teamId: 2, round: 3, overallPick: 12, autopick: false });
    // The keeper slot is never on the clock: 19 SELECTED frames.
    expect(frames.filter((f) => f.startsWith('SELECTED'))).toHaveLength(19);
    expect(engine.initOptions(2).picks.find((p) => p.overallPick === 12)).toMatchObject({ keeper: true, playerId: keeper.playerId });
  });

  it('honours SELECT, DRAFT_LIST and AUTODRAFT from the member', () => {
    const sched = new VirtualScheduler();
    const engine = new DraftEngine({ seed: 1, teams: 4, rounds: 2, myTeamId: 2, myPicks: 'client', pickIntervalMs: 1000, preDraftMs: 100 }, sched);
    const frames: string[] = [];
    engine.onEvent((e) => e.type === 'frame' && frames.push(e.frame));
    engine.start();
    engine.socketJoined(2);

    // Before the draft: nobody is on the clock.
    expect(engine.clientFrame(2, 'SELECT 4362628')[0]!.frame).toMatch(/^ERROR 1 Invalid\+selection\+team\+%282%29/);

    // Queue: DRAFT_LIST is echoed and drives AUTOSUGGEST.
    const target = engine.players[10]!.id;
    expect(engine.clientFrame(2, `DRAFT_LIST ${target}`).map((r) => r.frame)).toEqual([`DRAFT_LIST ${target}\n`, `AUTOSUGGEST ${target}\n`]);
    expect(engine.clientFrame(2, 'DRAFT_LIST').map((r) => r.frame)[0]).toBe('DRAFT_LIST\n');
    expect(engine.autosuggest(2)).not.toBe(target);

    sched.runUntil(() => engine.onTheClock?.teamId === 1);
    expect(engine.clientFrame(2, `SELECT ${target}`)[0]!.frame).toBe(
      'ERROR 1 Invalid+selection+team+%282%29%3B+team+1+is+currently+on+the+clock.\n',
    );
    sched.runUntil(() => engine.onTheClock?.teamId === 2);
    expect(engine.clientFrame(2, `SELECT ${target}`)).toEqual([]);
    sched.runUntil(() => engine.pickCount === 2);
    expect(frames).toContain(`SELECTED 2 ${target} ${engine.truth()[1]!.rosterSpot} ${swidForTeam(2)}\n`);
    expect(engine.truth()[1]).toMatchObject({ teamId: 2, playerId: target, autopick: false });

    // Team 2's second pick (snake: pick 7): AUTODRAFT true → ESPN picks for it, no SWID.
    sched.runUntil(() => engine.onTheClock?.overallPick === 7);
    engine.clientFrame(2, 'AUTODRAFT true');
    expect(frames[frames.length - 1]).toBe('AUTODRAFT 2 true\n');
    sched.runUntil(() => engine.pickCount === 7);
    expect(engine.truth()[6]).toMatchObject({ teamId: 2, autopick: true });
    expect(frames.find((f) => f.startsWith('SELECTED 2') && f.trim().split(' ').length === 4)).toBeDefined();
  });

  it("expires my clock when I don't pick (myPicks: client)", () => {
    const sched = new VirtualScheduler();
    const engine = new DraftEngine(
      { seed: 1, teams: 2, rounds: 1, myTeamId: 1, myPicks: 'client', pickIntervalMs: 1000, clockTickMs: 500, preDraftMs: 0 },
      sched,
    );
    const frames: string[] = [];
    engine.onEvent((e) => e.type === 'frame' && frames.push(e.frame));
    engine.start();
    engine.socketJoined(1);
    sched.runUntil(() => engine.pickCount === 1);
    const i = frames.indexOf('AUTODRAFT 1 true\n');
    expect(i).toBeGreaterThan(0);
    expect(frames[i + 1]).toMatch(/^SELECTED 1 -?\d+ \d+\n$/);
    // The clock ran its full 3 000 ms (3 × pickIntervalMs), ticking down, before the autopick.
    const ticks = frames.slice(0, i).filter((f) => f.startsWith('CLOCK 6'));
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    expect(ticks.map((f) => Number(f.split(' ')[2]))).toEqual([...ticks.map((f) => Number(f.split(' ')[2]))].sort((a, b) => b - a));
  });

  it('pauses: bare CLOCK ticks and no picks until resumed', () => {
    const sched = new VirtualScheduler();
    const engine = new DraftEngine({ seed: 3, teams: 4, rounds: 2, pickIntervalMs: 1000, clockTickMs: 500, preDraftMs: 0 }, sched);
    const frames: string[] = [];
    engine.onEvent((e) => e.type === 'frame' && frames.push(e.frame));
    engine.start();
    sched.runUntil(() => engine.pickCount === 2 && engine.onTheClock !== null);
    engine.pause();
    const before = engine.pickCount;
    const mark = frames.length;
    sched.advance(20_000);
    expect(engine.pickCount).toBe(before);
    expect(frames.slice(mark).every((f) => f === 'CLOCK\n')).toBe(true);
    expect(engine.clockFrame()).toBe('CLOCK\n');
    engine.resume();
    expect(frames[frames.length - 1]).toMatch(/^CLOCK 6 \d+ \d+\n$/);
    sched.runUntil(() => engine.phase === 'complete');
    expect(engine.truth()).toHaveLength(8);
  });

  it('describes the room for INIT at any moment', () => {
    const sched = new VirtualScheduler();
    const engine = new DraftEngine({ seed: 4, teams: 10, rounds: 16, pickIntervalMs: 1000, preDraftMs: 5000 }, sched);
    engine.start();
    const pre = engine.initOptions(2);
    expect(pre).toMatchObject({ state: 0, myTeamId: 2, teamIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], rounds: 16, picks: [] });
    expect(pre.autodraftTeamIds.length).toBeGreaterThan(0);
    expect(engine.clockFrame()).toBe('CLOCK 0 5000\n');
    sched.runUntil(() => engine.pickCount === 25);
    const mid = engine.initOptions(2);
    expect(mid.state).toBe(1);
    expect(mid.picks).toHaveLength(25);
    expect(mid.picks.map((p) => p.overallPick)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    sched.runUntil(() => engine.phase === 'complete');
    expect(engine.initOptions(2).state).toBe(2);
    expect(engine.clockFrame()).toBe('CLOCK 4\n');
  });
});
