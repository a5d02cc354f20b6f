import { describe, expect, it } from 'vitest';
import { DEFAULT } from '../../../src/connection/options';
import { initialConnection } from '../../../src/connection/reducer';
import { watchdogBudgetMs } from '../../../src/connection/watchdog';
import { displayStatus } from '../../../src/connection/status';
import { batchInput } from '../../../src/connection/feed-inputs';
import { createFakeShell, decide, type FakeShell } from './fake-shell';

const T = 1_756_600_000_000;
const ACTIVE = DEFAULT.activeBudgetMs + DEFAULT.watchdogMarginMs; // 15 s
const PAUSED = DEFAULT.pausedBudgetMs + DEFAULT.watchdogMarginMs; // 49 s

/** A batch as the worker feeds it: its items' inputs, then its arrival. */
function batch(shell: FakeShell, quiet: 'active' | 'paused' | 'complete' | null = 'active', ...inputs: Parameters<FakeShell['send']>[0][]) {
  for (const input of inputs) shell.send(input);
  return shell.send({ type: 'batchReceived', quiet });
}

/** A tab that went live at T: socket open, INIT, in one batch. */
function liveTab(): FakeShell {
  const shell = createFakeShell({ start: T });
  batch(shell, 'active', { type: 'socketOpened' }, { type: 'frameReceived', isInit: true });
  return shell;
}

/** ESPN's CLOCK every 5 s for `ms`, each in its own batch. */
function clockFor(shell: FakeShell, ms: number, quiet: 'active' | 'paused' = 'active') {
  for (let t = 0; t < ms; t += 5_000) {
    shell.advance(5_000);
    batch(shell, quiet, { type: 'frameReceived' });
  }
}

const stoppedLine = (seconds: string) =>
  `Nothing arrived from the draft tab for ${seconds} (the page or the extension's link to it stopped); waiting for it to come back`;

describe('watchdog budgets', () => {
  it('is the silence budget of the draft phase plus the margin, and nothing once the draft is over', () => {
    expect(watchdogBudgetMs('active', DEFAULT)).toBe(15_000);
    expect(watchdogBudgetMs('paused', DEFAULT)).toBe(49_000);
    expect(watchdogBudgetMs('complete', DEFAULT)).toBeNull();
  });

  it('takes the last draft status in a batch; a batch without one says nothing', () => {
    const entry = (status: 'pre_draft' | 'live' | 'paused' | 'complete') => ({
      item: { k: 'frame' as const, sid: 's', dir: 'in' as const, at: T },
      draft: { myTeamId: 1, status },
    });
    expect(batchInput([])).toEqual({ type: 'batchReceived', quiet: null });
    expect(batchInput([{ item: { k: 'open', sid: 's', at: T } }])).toEqual({ type: 'batchReceived', quiet: null });
    expect(batchInput([entry('pre_draft')])).toEqual({ type: 'batchReceived', quiet: 'active' });
    expect(batchInput([entry('live'), entry('paused')])).toEqual({ type: 'batchReceived', quiet: 'paused' });
    expect(batchInput([entry('paused'), entry('live')])).toEqual({ type: 'batchReceived', quiet: 'active' });
    expect(batchInput([entry('live'), entry('complete')])).toEqual({ type: 'batchReceived', quiet: 'complete' });
  });
});

describe('watchdog on a live tab', () => {
  it('arms one deadline when the tab goes live, at the batch time + budget', () => {
    const shell = createFakeShell({ start: T });
    shell.send({ type: 'socketOpened' });
    expect(shell.send({ type: 'frameReceived', isInit: true })).toEqual([]);
    expect(shell.send({ type: 'batchReceived', quiet: 'active' })).toEqual([{ type: 'wait', untilMs: T + ACTIVE }]);
    expect(shell.state.lastBatchAt).toBe(T);
    expect(shell.state.deadline).toBe(T + ACTIVE);
    expect(shell.state.phase).toBe('watching');
    expect(displayStatus(shell.state)).toBe('live');
  });

  it('never fires while batches keep coming, and re-arms lazily (one timer per budget, not per batch)', () => {
    const shell = liveTab();
    clockFor(shell, 30 * 60_000);
    expect(shell.logs()).toEqual([]);
    expect(shell.count('reloadTab')).toBe(0);
    expect(shell.state.incident).toBeNull();
    // 360 batches in 30 min; the timer re-arms only when a deadline comes due, i.e. once per
    // (budget − 5 s cadence) = 10 s, not once per batch.
    const waits = shell.count('wait');
    expect(waits).toBeLessThanOrEqual((30 * 60_000) / (ACTIVE - 5_000) + 2);
    expect(waits).toBeGreaterThan(1);
  });

  it('declares a stall exactly one budget after the last batch, with its own plain-words line and incident', () => {
    const shell = liveTab();
    clockFor(shell, 20_000); // last batch at T + 20 s
    const lastBatch = shell.now;
    shell.advance(ACTIVE - 1);
    expect(shell.state.phase).toBe('watching');
    expect(shell.logs()).toEqual([]);
    shell.advance(1);
    expect(shell.now).toBe(lastBatch + ACTIVE);
    expect(shell.logs()).toEqual([stoppedLine('15.0 s')]);
    expect(shell.state.phase).toBe('grace');
    expect(shell.state.fault).toBe('stall');
    expect(shell.state.deadline).toBe(lastBatch + ACTIVE + DEFAULT.graceMs);
    expect(shell.state.incident).toMatchObject({ cause: { kind: 'batches-stopped', silentForMs: ACTIVE }, detectedAt: lastBatch + ACTIVE });
    // The grace is already a recovery at work.
    expect(displayStatus(shell.state)).toBe('recovering');
  });

  it('recovers as for a stall: grace, then a reload whose INIT ends the incident', () => {
    const shell = liveTab();
    shell.advance(ACTIVE);
    shell.advance(DEFAULT.graceMs);
    expect(shell.reloadTimes()).toEqual([T + ACTIVE + DEFAULT.graceMs]);
    expect(shell.logs()[1]).toBe("Reloading draft tab, attempt 1/6 (ESPN did not reconnect within 8.0 s)");
    shell.send({ type: 'pageUnloaded' });
    shell.advance(3_000);
    batch(shell, 'active', { type: 'socketOpened' });
    shell.advance(300);
    batch(shell, 'active', { type: 'frameReceived', isInit: true, caughtUp: 4 });
    expect(shell.logs().at(-1)).toBe('Reconnected after 11.3 s (1 reload)');
    expect(shell.state.phase).toBe('watching');
    expect(shell.state.incidents.at(-1)).toMatchObject({ cause: { kind: 'batches-stopped' }, outcome: 'recovered', picksCaughtUp: 4, reloadAttempts: 1 });
    // Watched again: the new page's batches re-armed the watchdog.
    expect(shell.state.deadline).toBe(shell.now + ACTIVE);
  });

  it('ends the stall without a reload when the same socket\'s batches come back during the grace', () => {
    const shell = liveTab();
    shell.advance(ACTIVE + 2_000);
    batch(shell, 'active', { type: 'frameReceived' });
    expect(shell.logs()).toEqual([stoppedLine('15.0 s'), 'The draft tab is sending again after 2.0 s']);
    expect(shell.state.phase).toBe('watching');
    clockFor(shell, 60_000);
    expect(shell.count('reloadTab')).toBe(0);
    expect(shell.logs()).toHaveLength(2);
    // …and it is watched again: once the batches stop for good, the watchdog fires a second time.
    shell.advance(ACTIVE);
    expect(shell.logs().at(-1)).toBe(stoppedLine('15.0 s'));
  });

  it('lets the page hook report ESPN\'s own silence first: the hook\'s stall, not the watchdog, opens the incident', () => {
    const shell = liveTab();
    // ESPN goes quiet; the hook notices after its budget + one check and sends the stall in a batch.
    shell.advance(DEFAULT.activeBudgetMs + 1_050);
    batch(shell, null, { type: 'stallDetected', cause: 'silence', silentForMs: DEFAULT.activeBudgetMs + 1_000 });
    expect(shell.state.incident?.cause.kind).toBe('silence');
    expect(shell.logs()).toEqual(['No data from ESPN for 12.0 s; waiting for ESPN to reconnect']);
    // The recovery's timer rules from here: the grace ends in a reload, no watchdog line appears.
    shell.advance(DEFAULT.graceMs);
    expect(shell.count('reloadTab')).toBe(1);
    expect(shell.logs().filter((line) => line.startsWith('Nothing arrived'))).toEqual([]);
  });

  it('never arms in a recovery: batches during grace, reloading or backoff leave the recovery deadline alone', () => {
    const shell = liveTab();
    batch(shell, 'active', { type: 'socketClosed', code: 1006, reason: '', wasClean: false });
    const graceDeadline = shell.state.deadline;
    expect(shell.state.phase).toBe('grace');
    shell.advance(1_000);
    expect(batch(shell, 'active', { type: 'frameSent', isPing: false })).toEqual([]);
    expect(shell.state.deadline).toBe(graceDeadline);
    expect(shell.state.lastBatchAt).toBe(shell.now);
  });
});

describe('watchdog and the draft phase', () => {
  it('waits the paused budget while the draft is paused', () => {
    const shell = liveTab();
    shell.advance(1_000);
    batch(shell, 'paused', { type: 'frameReceived' });
    const lastBatch = shell.now;
    shell.advance(ACTIVE + 1_000);
    expect(shell.logs()).toEqual([]);
    shell.advance(PAUSED - ACTIVE - 1_001);
    expect(shell.logs()).toEqual([]);
    shell.advance(1);
    expect(shell.now).toBe(lastBatch + PAUSED);
    expect(shell.logs()).toEqual([stoppedLine('49.0 s')]);
  });

  it('brings the deadline forward when the draft resumes', () => {
    const shell = createFakeShell({ start: T });
    batch(shell, 'paused', { type: 'socketOpened' }, { type: 'frameReceived', isInit: true });
    expect(shell.state.deadline).toBe(T + PAUSED);
    shell.advance(5_000);
    expect(batch(shell, 'active', { type: 'frameReceived' })).toEqual([{ type: 'wait', untilMs: T + 5_000 + ACTIVE }]);
    shell.advance(ACTIVE);
    expect(shell.logs()).toEqual([stoppedLine('15.0 s')]);
  });

  it('uses the pre-draft cadence (active) before the draft starts', () => {
    const shell = createFakeShell({ start: T });
    batch(shell, 'active', { type: 'socketOpened' }, { type: 'frameReceived', isInit: true });
    shell.advance(ACTIVE);
    expect(shell.state.incident?.cause.kind).toBe('batches-stopped');
  });

  it('does not arm for a socket that has not delivered its INIT (nothing was live yet)', () => {
    const shell = createFakeShell({ start: T });
    expect(batch(shell, 'active', { type: 'socketOpened' })).toEqual([]);
    expect(shell.state.deadline).toBeNull();
    shell.advance(10 * 60_000);
    expect(shell.logs()).toEqual([]);
  });

  it('restarts a stored state from an earlier release unarmed and quiet-phase active', () => {
    const fresh = initialConnection();
    expect(fresh.lastBatchAt).toBeNull();
    expect(fresh.quietPhase).toBe('active');
  });
});

describe('watchdog never fires after watching stopped', () => {
  const stops = [
    ['the draft completed', (shell: FakeShell) => batch(shell, 'complete', { type: 'frameReceived' }, { type: 'draftCompleted' })],
    ['the batch says complete (CLOCK 4 only from here)', (shell: FakeShell) => batch(shell, 'complete', { type: 'frameReceived' })],
    ['ESPN kicked the tab', (shell: FakeShell) => batch(shell, 'active', { type: 'frameReceived' }, { type: 'kicked' })],
    ['the tab left the draft room', (shell: FakeShell) => shell.send({ type: 'tabNavigatedAway' })],
    ['the tab closed', (shell: FakeShell) => shell.send({ type: 'tabClosed' })],
  ] as const;

  for (const [what, stop] of stops) {
    it(`after ${what}`, () => {
      const shell = liveTab();
      shell.advance(4_000);
      stop(shell);
      const linesBefore = shell.logs().length;
      // The armed timer still fires (the shell's timer is not cancelled); the reducer ignores it.
      shell.send({ type: 'timerFired' });
      shell.advance(ACTIVE + PAUSED);
      shell.send({ type: 'timerFired' });
      shell.advance(60 * 60_000);
      expect(shell.logs().length).toBe(linesBefore);
      expect(shell.count('reloadTab')).toBe(0);
      expect(shell.logs().some((line) => line.startsWith('Nothing arrived'))).toBe(false);
    });
  }

  it('a stale timer in a healthy, unarmed state does nothing', () => {
    const decision = decide(initialConnection(), { type: 'timerFired' }, T);
    expect(decision.actions).toEqual([]);
    expect(decision.state).toEqual(initialConnection());
  });

  it('after a failed recovery, the tab is the user\'s: no watchdog line, no reload', () => {
    const shell = liveTab();
    shell.advance(ACTIVE);
    // grace + 6 reloads that never reconnect
    shell.advance(10 * 60_000);
    expect(shell.state.phase).toBe('failed');
    const reloads = shell.count('reloadTab');
    batch(shell, 'active', { type: 'frameSent', isPing: false });
    shell.advance(10 * 60_000);
    expect(shell.count('reloadTab')).toBe(reloads);
    expect(shell.logs().filter((line) => line.startsWith('Nothing arrived'))).toHaveLength(1);
  });
});
