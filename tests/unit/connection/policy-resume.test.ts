import { describe, expect, it } from 'vitest';

import { parseConnectionState } from '../../../src/connection/persisted-state';
import type { ConnectionState } from '../../../src/connection/types';
import { createFakeShell, decide, type ShellInput } from './fake-shell';

const T = 1_756_600_000_000;
const drop1006: ShellInput = { type: 'socketClosed', code: 1006, reason: '', wasClean: false };

/** What the worker does: write the state to storage as JSON, read it back after a restart. */
const throughStorage = (state: ConnectionState): ConnectionState => parseConnectionState(JSON.parse(JSON.stringify(state)))!;

describe('resuming after the worker was killed', () => {
  it('continues a recovery mid-way exactly as if it had never stopped', () => {
    const uninterrupted = createFakeShell({ start: T, random: () => 0.5 });
    uninterrupted.send(drop1006);
    uninterrupted.advance(30 * 60_000);

    // Same run, but the worker dies during reload attempt 2 and restarts 4 s after its deadline.
    const before = createFakeShell({ start: T, random: () => 0.5 });
    before.send(drop1006);
    before.advance(40_000);
    expect(before.state).toMatchObject({ phase: 'reloading', attempt: 2, deadline: T + 49_000 });
    const stored = throughStorage(before.state);
    expect(stored).toEqual(before.state);

    const after = createFakeShell({ start: T + 53_000, random: () => 0.5, state: stored });
    const actions = after.send({ type: 'timerFired' });
    expect(actions).toEqual([
      { type: 'log', level: 'warn', message: 'Reload attempt 2/6 did not reconnect within 20.0 s; next attempt in 2.0 s' },
      { type: 'wait', untilMs: T + 55_000 },
    ]);
    after.advance(30 * 60_000);
    expect(after.count('reloadTab')).toBe(4); // attempts 3..6
    expect(after.count('notifyFailed')).toBe(1);
    expect(after.state).toEqual(uninterrupted.state);
  });

  it('re-arms the timer when it resumes before the stored deadline', () => {
    const shell = createFakeShell({ start: T });
    shell.send(drop1006);
    shell.advance(2_000);
    const stored = throughStorage(shell.state);
    const decision = decide(stored, { type: 'timerFired' }, T + 5_000, () => 0.5);
    expect(decision.actions).toEqual([{ type: 'wait', untilMs: T + 8_000 }]);
    expect(decision.state).toEqual(stored);
  });

  it('reloads on resume when the grace period ran out while the worker was gone', () => {
    const shell = createFakeShell({ start: T });
    shell.send(drop1006);
    const decision = decide(throughStorage(shell.state), { type: 'timerFired' }, T + 60_000, () => 0.5);
    expect(decision.actions).toContainEqual({ type: 'reloadTab' });
    expect(decision.state).toMatchObject({ phase: 'reloading', attempt: 1, deadline: T + 80_000 });
  });

  it('keeps terminal states across a restart', () => {
    for (const input of [{ type: 'kicked' }, { type: 'draftCompleted' }, { type: 'tabNavigatedAway' }] as const) {
      const shell = createFakeShell({ start: T });
      shell.send(drop1006);
      shell.send(input);
      const decision = decide(throughStorage(shell.state), { type: 'timerFired' }, T + 60_000, () => 0.5);
      expect(decision.actions).toEqual([]);
    }
  });
});
