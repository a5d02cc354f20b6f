import { describe, expect, it } from 'vitest';
import { dropMessage } from '../../../src/connection/messages';
import { initialConnection } from '../../../src/connection/reducer';
import { DEFAULT } from '../../../src/connection/options';
import { createFakeShell, decide, recoveryOf } from './fake-shell';

const T = 1_756_600_000_000;
const drop1006 = { type: 'socketClosed', code: 1006, reason: '', wasClean: false } as const;

describe('grace period after a drop or stall', () => {
  it('logs the drop and waits the grace period before doing anything', () => {
    const decision = decide(initialConnection(), drop1006, T, () => 0.5);
    expect(decision.actions).toEqual([
      { type: 'log', level: 'warn', message: 'WebSocket closed (1006); waiting for ESPN to reconnect' },
      { type: 'wait', untilMs: T + 8_000 },
    ]);
    expect(recoveryOf(decision.state)).toEqual({
      phase: 'grace',
      attempt: 0,
      deadline: T + 8_000,
      recoveryStartedAt: T,
      fault: 'drop',
      newSocketOpenedAt: null,
    });
  });

  it('describes errors and stalls in plain words', () => {
    // The browser fires `error` then `close`: the error is recorded, the close starts the recovery.
    expect(dropMessage({ kind: 'error' })).toBe('WebSocket error; waiting for ESPN to reconnect');
    const error = decide(initialConnection(), { type: 'socketError' }, T, () => 0.5);
    expect(error.actions).toEqual([]);
    expect(error.state.incident?.cause).toEqual({ kind: 'error' });
    const stall = decide(initialConnection(), { type: 'stallDetected', cause: 'silence', silentForMs: 11_400 }, T, () => 0.5);
    expect(stall.actions[0]).toEqual({ type: 'log', level: 'warn', message: 'No data from ESPN for 11.4 s; waiting for ESPN to reconnect' });
    expect(stall.state.fault).toBe('stall');
    const pong = decide(initialConnection(), { type: 'stallDetected', cause: 'pong-timeout', silentForMs: 7_000 }, T, () => 0.5);
    expect(pong.actions[0]).toMatchObject({ message: 'ESPN stopped answering heartbeats (silent for 7.0 s); waiting for ESPN to reconnect' });
  });

  it('does not reload when ESPN reconnects inside the grace period', () => {
    const shell = createFakeShell({ start: T });
    shell.send(drop1006);
    shell.advance(3_000);
    shell.send({ type: 'socketOpened' });
    shell.advance(220);
    const actions = shell.send({ type: 'frameReceived', isInit: true });
    expect(actions).toEqual([
      { type: 'log', level: 'info', message: 'Reconnected after 3.2 s' },
      { type: 'clearNotification' },
    ]);
    expect(recoveryOf(shell.state)).toEqual(recoveryOf(initialConnection()));
    shell.advance(10 * 60_000); // the stale grace timer fires into a healthy state
    expect(shell.count('reloadTab')).toBe(0);
  });

  it('reloads exactly at the end of the grace period when ESPN does not reconnect', () => {
    const shell = createFakeShell({ start: T });
    shell.send(drop1006);
    shell.advance(7_999);
    expect(shell.count('reloadTab')).toBe(0);
    shell.advance(1);
    expect(shell.reloadTimes()).toEqual([T + 8_000]);
    expect(shell.logs()).toContain('Reloading draft tab, attempt 1/6 (ESPN did not reconnect within 8.0 s)');
    expect(shell.state).toMatchObject({ phase: 'reloading', attempt: 1, deadline: T + 28_000 });
  });

  it('holds the reload while a socket ESPN just opened may still deliver INIT', () => {
    const shell = createFakeShell({ start: T });
    shell.send(drop1006);
    shell.advance(6_000);
    expect(shell.send({ type: 'socketOpened' })).toEqual([
      { type: 'log', level: 'info', message: 'ESPN opened a new draft socket; waiting for its snapshot' },
      { type: 'wait', untilMs: T + 16_000 },
    ]);
    shell.advance(9_999);
    expect(shell.count('reloadTab')).toBe(0);
    shell.advance(1);
    expect(shell.reloadTimes()).toEqual([T + 16_000]);
    expect(shell.logs()).toContain("Reloading draft tab, attempt 1/6 (ESPN's new socket sent no snapshot within 10.0 s)");
  });

  it('never shortens the grace period when a socket opens early', () => {
    const config = { ...DEFAULT, graceMs: 20_000 };
    const shell = createFakeShell({ start: T, config });
    shell.send(drop1006);
    shell.advance(1_000);
    shell.send({ type: 'socketOpened' });
    expect(shell.state.deadline).toBe(T + 20_000);
    shell.advance(19_000);
    expect(shell.reloadTimes()).toEqual([T + 20_000]);
  });

  it('ends a stall without reloading when the same socket speaks again', () => {
    const shell = createFakeShell({ start: T });
    shell.send({ type: 'stallDetected', cause: 'silence', silentForMs: 11_200 });
    shell.advance(2_500);
    expect(shell.send({ type: 'frameReceived' })).toEqual([
      { type: 'log', level: 'info', message: "ESPN's connection came back by itself after 2.5 s" },
      { type: 'clearNotification' },
    ]);
    shell.advance(60_000);
    expect(shell.count('reloadTab')).toBe(0);
  });

  it('does not take stray frames as recovery after a drop or after a reload', () => {
    const dropped = createFakeShell({ start: T });
    dropped.send(drop1006);
    expect(dropped.send({ type: 'frameReceived' })).toEqual([]);
    expect(dropped.state.phase).toBe('grace');

    const reloaded = createFakeShell({ start: T });
    reloaded.send({ type: 'stallDetected', cause: 'silence', silentForMs: 11_200 });
    reloaded.advance(8_000);
    expect(reloaded.send({ type: 'frameReceived' })).toEqual([]);
    expect(reloaded.state.phase).toBe('reloading');
  });

  it('re-arms instead of acting when a timer fires early', () => {
    const first = decide(initialConnection(), drop1006, T, () => 0.5);
    const early = decide(first.state, { type: 'timerFired' }, T + 5_000, () => 0.5);
    expect(early.actions).toEqual([{ type: 'wait', untilMs: T + 8_000 }]);
    expect(early.state).toEqual(first.state);
  });

  it('ignores timers, sockets and INIT while healthy', () => {
    const healthy = initialConnection();
    for (const input of [{ type: 'timerFired' }, { type: 'socketOpened' }, { type: 'frameReceived', isInit: true }, { type: 'frameReceived' }] as const) {
      const decision = decide(healthy, input, T, () => 0.5);
      expect(decision.actions).toEqual([]);
      expect(recoveryOf(decision.state)).toEqual(recoveryOf(healthy));
      expect(decision.state.incident).toBeNull();
    }
  });
});
