import { describe, expect, it } from 'vitest';
import { DEFAULT } from '../../../src/connection/options';

import { createFakeShell, seededRandom, type ShellInput } from './fake-shell';

const T = 1_756_600_000_000;
const drop1006: ShellInput = { type: 'socketClosed', code: 1006, reason: '', wasClean: false };
const { graceMs, reloadTimeoutMs, backoffMinMs, backoffCapMs, backoffBaseMs, maxAttempts } = DEFAULT;

/** Drops the feed and never lets it come back; returns the shell once recovery has given up. */
function neverRecovers(random: () => number) {
  const shell = createFakeShell({ start: T, random });
  shell.send(drop1006);
  shell.advance(30 * 60_000);
  return shell;
}

describe('reloading the tab', () => {
  it('counts the reloaded page’s INIT as recovered', () => {
    const shell = createFakeShell({ start: T });
    shell.send(drop1006);
    shell.advance(graceMs + 4_000);
    shell.send({ type: 'socketOpened' });
    shell.advance(300);
    expect(shell.send({ type: 'frameReceived', isInit: true })).toEqual([
      { type: 'log', level: 'info', message: 'Reconnected after 12.3 s (1 reload)' },
      { type: 'clearNotification' },
    ]);
    expect(shell.state.phase).toBe('watching');
    shell.advance(10 * 60_000);
    expect(shell.count('reloadTab')).toBe(1);
  });

  it('waits the per-attempt timeout for socket + INIT, even when the socket opens early', () => {
    const shell = createFakeShell({ start: T });
    shell.send(drop1006);
    shell.advance(graceMs + 2_000);
    shell.send({ type: 'socketOpened' }); // socket up, but INIT never comes
    shell.advance(reloadTimeoutMs - 2_001);
    expect(shell.count('reloadTab')).toBe(1);
    expect(shell.state.phase).toBe('reloading');
    shell.advance(1);
    expect(shell.state.phase).toBe('backoff');
    expect(shell.logs()).toContain('Reload attempt 1/6 did not reconnect within 20.0 s; next attempt in 1.0 s');
  });

  it('backs off between reloads along the documented schedule (random = 0.5)', () => {
    const shell = neverRecovers(() => 0.5);
    // grace, then per failed attempt n: timeout + max(min, 0.5 × min(cap, base × 2^(n−1)))
    expect(shell.reloadTimes().map((t) => t - T)).toEqual([8_000, 29_000, 51_000, 75_000, 103_000, 138_000]);
    expect(shell.logs()).toContain('Reloading draft tab, attempt 2/6');
    expect(shell.logs()).toContain('Reloading draft tab, attempt 6/6');
  });

  it('keeps every wait between reloads within [min, bound] over many random schedules', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const times = neverRecovers(seededRandom(seed)).reloadTimes();
      expect(times).toHaveLength(maxAttempts);
      expect(times[0]).toBe(T + graceMs);
      for (let n = 1; n < times.length; n++) {
        const backoff = times[n]! - times[n - 1]! - reloadTimeoutMs;
        const bound = Math.min(backoffCapMs, backoffBaseMs * 2 ** (n - 1));
        expect(backoff).toBeGreaterThanOrEqual(backoffMinMs);
        expect(backoff).toBeLessThanOrEqual(Math.max(backoffMinMs, bound));
      }
    }
  });

  it('uses the minimum wait for a zero draw and the full bound for a draw near 1', () => {
    const gaps = (random: () => number) => {
      const times = neverRecovers(random).reloadTimes();
      return times.slice(1).map((t, i) => t - times[i]! - reloadTimeoutMs);
    };
    expect(gaps(() => 0)).toEqual([1_000, 1_000, 1_000, 1_000, 1_000]);
    expect(gaps(() => 1 - 2 ** -40)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000]);
  });
});

describe('attempt limit', () => {
  it('gives up after the last attempt, notifies once and reloads no more', () => {
    const shell = neverRecovers(() => 0.5);
    expect(shell.count('reloadTab')).toBe(6);
    expect(shell.count('notifyFailed')).toBe(1);
    expect(shell.state).toMatchObject({ phase: 'failed', attempt: 6, deadline: null });
    const giveUp = shell.history.find((h) => h.action.type === 'notifyFailed')!;
    expect(giveUp.at - T).toBe(138_000 + reloadTimeoutMs);
    expect(shell.logs()).toContain('Gave up after 6 reloads; the draft tab needs a manual reload');
  });

  it('respects a configured limit', () => {
    const shell = createFakeShell({ start: T, config: { ...DEFAULT, maxAttempts: 2 } });
    shell.send(drop1006);
    shell.advance(10 * 60_000);
    expect(shell.count('reloadTab')).toBe(2);
    expect(shell.state.phase).toBe('failed');
    expect(shell.logs()).toContain('Reloading draft tab, attempt 2/2');
  });

  it('absorbs further drops while failed', () => {
    const shell = neverRecovers(() => 0.5);
    shell.send(drop1006);
    shell.send({ type: 'stallDetected', cause: 'silence', silentForMs: 12_000 });
    shell.advance(10 * 60_000);
    expect(shell.count('reloadTab')).toBe(6);
  });

  it('recovers from failed if the draft comes back anyway, clearing the notification', () => {
    const shell = neverRecovers(() => 0.5);
    shell.send({ type: 'socketOpened' });
    const actions = shell.send({ type: 'frameReceived', isInit: true });
    expect(actions).toContainEqual({ type: 'clearNotification' });
    expect(shell.state.phase).toBe('watching');
  });
});

describe('manual reload', () => {
  it('reloads at once from failed and starts a fresh count of attempts', () => {
    const shell = neverRecovers(() => 0.5);
    const requestedAt = shell.now;
    expect(shell.send({ type: 'manualReloadRequested' })).toEqual([
      { type: 'log', level: 'info', message: 'Reloading draft tab at your request' },
      { type: 'clearNotification' },
      { type: 'reloadTab' },
      { type: 'wait', untilMs: requestedAt + reloadTimeoutMs },
    ]);
    expect(shell.state).toMatchObject({ phase: 'reloading', attempt: 1 });
    shell.advance(30 * 60_000);
    // One manual reload, then attempts 2..6 again, then failed again.
    expect(shell.reloadTimes().filter((t) => t >= requestedAt)).toHaveLength(6);
    expect(shell.count('notifyFailed')).toBe(2);
  });

  it('resets the count in the middle of a backoff too', () => {
    const shell = createFakeShell({ start: T });
    shell.send(drop1006);
    shell.advance(52_000); // reloads at 8 s, 29 s, 51 s: attempt 3 in flight
    expect(shell.state.attempt).toBe(3);
    shell.send({ type: 'manualReloadRequested' });
    expect(shell.state.attempt).toBe(1);
    expect(shell.reloadTimes().at(-1)).toBe(T + 52_000);
  });

  it('measures the reconnect time from the original fault', () => {
    const shell = createFakeShell({ start: T });
    shell.send(drop1006);
    shell.advance(158_000);
    expect(shell.state.phase).toBe('failed');
    shell.advance(2_000);
    shell.send({ type: 'manualReloadRequested' });
    shell.advance(3_000);
    shell.send({ type: 'socketOpened' });
    const [log] = shell.send({ type: 'frameReceived', isInit: true });
    expect(log).toEqual({ type: 'log', level: 'info', message: 'Reconnected after 2 min 43 s (1 reload)' });
  });
});

describe('one recovery at a time', () => {
  it('makes exactly one reload per schedule however many drops and stalls arrive', () => {
    const single = neverRecovers(() => 0.5).reloadTimes();

    const noisy = createFakeShell({ start: T, random: () => 0.5 });
    noisy.send(drop1006);
    for (let i = 0; i < 300; i++) {
      noisy.advance(500);
      noisy.send(i % 2 ? drop1006 : { type: 'stallDetected', cause: 'pong-timeout', silentForMs: 7_000 });
      noisy.send({ type: 'socketError' });
    }
    noisy.advance(30 * 60_000);
    expect(noisy.reloadTimes()).toEqual(single);
    // Only the first drop was logged; the rest were absorbed silently.
    expect(noisy.logs().filter((m) => m.includes('waiting for ESPN to reconnect'))).toHaveLength(1);
  });

  it('starts a new recovery for a drop after the previous one succeeded', () => {
    const shell = createFakeShell({ start: T });
    shell.send(drop1006);
    shell.advance(1_000);
    shell.send({ type: 'socketOpened' });
    shell.send({ type: 'frameReceived', isInit: true });
    shell.advance(60_000);
    shell.send(drop1006);
    expect(shell.state).toMatchObject({ phase: 'grace', attempt: 0, recoveryStartedAt: T + 61_000 });
    shell.advance(graceMs);
    expect(shell.reloadTimes()).toEqual([T + 61_000 + graceMs]);
  });
});
