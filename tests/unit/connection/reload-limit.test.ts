import { describe, expect, it } from 'vitest';
import { DEFAULT, type Options } from '../../../src/connection/options';
import { parseConnectionState } from '../../../src/connection/persisted-state';
import { createFakeShell, seededRandom, type FakeShell } from './fake-shell';

const T = 1_756_600_000_000;
const drop1006 = { type: 'socketClosed', code: 1006, reason: '', wasClean: false } as const;

/** Most reloads inside any rolling window of `windowMs`. */
function mostReloadsInAnyWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (const start of times) most = Math.max(most, times.filter((t) => t >= start && t < start + windowMs).length);
  return most;
}

/** A hostile page: after every reload its socket opens, delivers INIT, and dies again at once. */
function breakAfterEveryInit(shell: FakeShell, forMs: number): void {
  const end = shell.now + forMs;
  let seen = 0;
  shell.send(drop1006);
  while (shell.now < end) {
    shell.advance(500);
    const reloads = shell.count('reloadTab');
    if (reloads > seen) {
      seen = reloads;
      shell.send({ type: 'pageUnloaded' });
      shell.advance(300);
      shell.send({ type: 'socketOpened' });
      shell.send({ type: 'frameReceived', isInit: true });
      shell.send(drop1006);
    }
  }
}

describe('reload rate limit', () => {
  it('is 3 reloads per rolling minute by default', () => {
    expect(DEFAULT.maxReloadsPerWindow).toBe(3);
    expect(DEFAULT.reloadWindowMs).toBe(60_000);
  });

  it('never lets a page that breaks its socket after every INIT reload the tab more than 3 times a minute', () => {
    const shell = createFakeShell({ start: T });
    breakAfterEveryInit(shell, 10 * 60_000);
    const times = shell.reloadTimes();
    // Without the limit this is a reload every ~8.8 s (grace + load): ~68 in 10 min.
    expect(times.length).toBeGreaterThanOrEqual(28);
    expect(mostReloadsInAnyWindow(times, 60_000)).toBe(3);
    expect(shell.logs().find((line) => line.startsWith('Not reloading yet'))).toBe(
      'Not reloading yet: the draft tab was already reloaded 3 times in the last 1 min 00 s; next try in 35.1 s',
    );
  });

  it('holds the 4th reload until the 1st leaves the window, then makes it as the attempt it was', () => {
    const shell = createFakeShell({ start: T });
    breakAfterEveryInit(shell, 40_000);
    const [first] = shell.reloadTimes();
    expect(shell.reloadTimes()).toHaveLength(3);
    expect(shell.state).toMatchObject({ phase: 'backoff', attempt: 0, deadline: first! + 60_000 });
    shell.advance(first! + 60_000 - shell.now - 1);
    expect(shell.reloadTimes()).toHaveLength(3);
    shell.advance(1);
    expect(shell.reloadTimes()).toEqual([expect.any(Number), expect.any(Number), expect.any(Number), first! + 60_000]);
    expect(shell.logs().at(-1)).toBe('Reloading draft tab, attempt 1/6');
  });

  it('does not change the ordinary policy: its reloads never reach the limit', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const shell = createFakeShell({ start: T, random: seededRandom(seed) });
      shell.send(drop1006);
      shell.advance(30 * 60_000);
      expect(shell.count('reloadTab')).toBe(DEFAULT.maxAttempts);
      expect(shell.logs().some((line) => line.startsWith('Not reloading yet'))).toBe(false);
    }
  });

  it('holds a policy tuned to reload faster than the limit', () => {
    const fast: Options = { ...DEFAULT, graceMs: 1_000, reloadTimeoutMs: 2_000, backoffMinMs: 1_000, backoffBaseMs: 1_000, backoffCapMs: 1_000 };
    const shell = createFakeShell({ start: T, config: fast });
    shell.send(drop1006);
    shell.advance(10 * 60_000);
    expect(shell.count('reloadTab')).toBe(fast.maxAttempts);
    expect(mostReloadsInAnyWindow(shell.reloadTimes(), 60_000)).toBe(3);
    expect(shell.state.phase).toBe('failed');
  });

  it('does not limit the user\'s own "Reload now", but counts it', () => {
    const shell = createFakeShell({ start: T });
    for (let i = 0; i < 5; i++) {
      shell.send({ type: 'manualReloadRequested' });
      shell.advance(1_000);
    }
    expect(shell.count('reloadTab')).toBe(5);
    expect(shell.state.recentReloads).toHaveLength(3);
  });

  it('keeps its count across a worker restart (stored with the state), and reads an older state as no reloads', () => {
    const shell = createFakeShell({ start: T });
    breakAfterEveryInit(shell, 40_000);
    const stored = parseConnectionState(JSON.parse(JSON.stringify(shell.state)));
    expect(stored?.recentReloads).toEqual(shell.reloadTimes());
    const { recentReloads: _recentReloads, ...older } = JSON.parse(JSON.stringify(shell.state)) as Record<string, unknown>;
    expect(parseConnectionState(older)?.recentReloads).toEqual([]);
  });
});
