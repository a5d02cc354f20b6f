import { describe, expect, it } from 'vitest';
import type { DraftPageContext } from '../../../src/contract/draft-page-url';
import type { HookItem } from '../../../src/contract/page-events';
import { DEFAULT } from '../../../src/connection/options';
import type { DraftState } from '../../../src/draft/types';
import { applyReconcileOutcome } from '../../../src/lookups/final-board';
import { newTabSession, type TabSession } from '../../../src/store/records';
import { ingestHookItems } from '../../../src/worker/ingest';
import { superviseBatchAndArrival, superviseInput, type Supervision } from '../../../src/worker/supervise';
import { buildInitSnapshot } from '../../sim/init/build-snapshot';
import { encodeInit } from '../../sim/init/encode-init';
import { formatInitFrame } from '../../sim/init/format-init-frame';

const T = 1_756_607_000_000;
const LEAGUE = 123456789;
const PAGE: DraftPageContext = { sport: 'football', leagueId: String(LEAGUE), seasonId: 2025, teamId: 2 };
const DRAFT_ID = 'ffl:123456789:2025';
const URL = `wss://fantasydraft.espn.com/game-1/league-${LEAGUE}/JOIN?1=1&2=${LEAGUE}&3=2`;
const TEAMS = [1, 2, 3, 4];
/** Snake order over four teams, one round: players 5001..5004. */
const ORDER = [1, 2, 3, 4];

function initFrame(state: number, filled: number): string {
  const picks = Array.from({ length: filled }, (_, i) => ({ overallPick: i + 1, playerId: 5001 + i, spot: 1 }));
  return formatInitFrame(encodeInit(buildInitSnapshot({ leagueId: LEAGUE, myTeamId: 2, teamIds: TEAMS, rounds: 1, state, draftDate: null, picks })));
}

/** One tab as the worker keeps it between batches: ingest, then the connection step, like handleHookBatch. */
class Tab {
  session: TabSession = newTabSession(1, T);
  draft: DraftState | undefined;
  now = T;
  reloads = 0;
  private seq = new Map<string, number>();

  deliver(items: HookItem[]): Supervision {
    this.now += 1000;
    const ingested = ingestHookItems(this.session, PAGE, items, (id) => (id === DRAFT_ID ? this.draft : undefined), this.now);
    this.draft = ingested.drafts.get(DRAFT_ID) ?? this.draft;
    return this.settle(superviseBatchAndArrival(ingested.session, ingested.lifecycle, this.ctx(), this.session.activeSocketId));
  }

  timer(): Supervision {
    this.now = Math.max(this.now, this.session.connection.deadline ?? this.now);
    return this.settle(superviseInput(this.session, { type: 'timerFired' }, this.ctx()));
  }

  open(sid: string): HookItem {
    return { k: 'open', sid, at: this.now, url: URL };
  }

  frame(sid: string, data: string): HookItem {
    const seq = (this.seq.get(sid) ?? 0) + 1;
    this.seq.set(sid, seq);
    return { k: 'frame', sid, seq, dir: 'in', at: this.now, data };
  }

  drop(sid: string): HookItem {
    return { k: 'close', sid, at: this.now, code: 1006, reason: '', clean: false };
  }

  private ctx() {
    return { now: this.now, random: () => 0.5, options: DEFAULT };
  }

  private settle(step: Supervision): Supervision {
    this.session = step.session;
    this.reloads += step.actions.filter((action) => action.type === 'reloadTab').length;
    return step;
  }
}

/** A live one-round draft, all four picks made on socket `s1`, then STATE 2 on it. */
function finishedOnSocket(): Tab {
  const tab = new Tab();
  tab.deliver([tab.open('s1'), tab.frame('s1', initFrame(1, 0))]);
  const picks = ORDER.flatMap((team, i) => [tab.frame('s1', `SELECTING ${team} 30000\n`), tab.frame('s1', `SELECTED ${team} ${5001 + i} 1\n`)]);
  tab.deliver([...picks, tab.frame('s1', 'STATE 2\n')]);
  return tab;
}

describe('the watch ends only on ESPN’s confirmation that the draft is over', () => {
  it('after a lone STATE 2 a real drop is still recovered: grace, then a reload, and the next INIT decides', () => {
    const tab = finishedOnSocket();
    expect(tab.draft!.status).toBe('complete');
    expect(tab.session.connection.phase).toBe('watching');

    tab.deliver([tab.drop('s1')]);
    expect(tab.session.connection.phase).toBe('grace');
    tab.timer();
    expect(tab.reloads).toBe(1);

    // The reloaded page's socket: ESPN's INIT in state 2 confirms it, and the watch ends.
    const step = tab.deliver([tab.open('s2'), tab.frame('s2', initFrame(2, 4))]);
    expect(tab.draft!.completion).toMatchObject({ confirmedBy: 'snapshot' });
    expect(tab.session.connection.phase).toBe('complete');
    expect(step.log.map((line) => line.message)).toContain('Draft complete; no more reloads');
  });

  it('a forged STATE 2 mid-draft is undone by the INIT the recovery brings', () => {
    const tab = new Tab();
    tab.deliver([tab.open('s1'), tab.frame('s1', initFrame(1, 0)), tab.frame('s1', 'SELECTING 1 30000\n'), tab.frame('s1', 'SELECTED 1 5001 1\n'), tab.frame('s1', 'STATE 2\n')]);
    tab.deliver([tab.drop('s1')]);
    tab.timer();
    expect(tab.reloads).toBe(1);
    tab.deliver([tab.open('s2'), tab.frame('s2', initFrame(1, 2))]);
    expect(tab.draft!.status).toBe('live');
    expect(tab.draft!.picks).toHaveLength(2);
    expect(tab.session.connection.phase).toBe('watching');
  });

  it('once the log is sealed against the final board, the next batch ends the watch and a drop reloads nothing', () => {
    const tab = finishedOnSocket();
    const board = { drafted: true, picks: ORDER.map((teamId, i) => ({ overallPick: i + 1, teamId, playerId: 5001 + i, lineupSlotId: 0, keeper: false })) };
    tab.draft = applyReconcileOutcome(tab.draft!, { progress: { attempts: 1, nextAttemptAt: 0, done: true, outcome: 'confirmed' }, board, log: [] }, tab.now).state;
    tab.deliver([tab.frame('s1', 'CLOCK 4\n')]);
    expect(tab.session.connection.phase).toBe('complete');

    // Forged frames after the seal: the log stays as ESPN's board has it.
    const picks = tab.draft.picks;
    tab.deliver([tab.frame('s1', 'UNDONE 0\n'), tab.frame('s1', 'RESET\n'), tab.frame('s1', 'STATE 1\n')]);
    expect(tab.draft.picks).toBe(picks);
    expect(tab.draft.status).toBe('complete');

    tab.deliver([tab.drop('s1')]);
    expect(tab.session.connection.phase).toBe('complete');
    expect(tab.session.connection.deadline).toBeNull();
    expect(tab.reloads).toBe(0);
  });
});
