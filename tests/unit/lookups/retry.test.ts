import { describe, expect, it } from 'vitest';
import { DEFAULT_LOOKUP_OPTIONS, hasAttemptsLeft, leaseMs, retryDelayMs, type RetrySchedule } from '../../../src/lookups/retry';

const schedule: RetrySchedule = { timeoutMs: 15_000, maxAttempts: 4, delaysMs: [3_000, 10_000, 30_000] };

describe('the retry schedule', () => {
  it.each([
    [1, 3_000],
    [2, 10_000],
    [3, 30_000],
    [4, 30_000],
    [9, 30_000],
    [0, 3_000],
  ])('after %i failed attempts waits %i ms (the last delay repeats)', (failed, delay) => {
    expect(retryDelayMs(schedule, failed)).toBe(delay);
  });

  it('counts attempts up to the limit, and forever when there is none', () => {
    expect([0, 1, 3, 4, 5].map((n) => hasAttemptsLeft(schedule, n))).toEqual([true, true, true, false, false]);
    expect(hasAttemptsLeft(DEFAULT_LOOKUP_OPTIONS.players, 1_000_000)).toBe(true);
  });

  it('holds a claimed attempt for its timeout plus the margin', () => {
    expect(leaseMs(schedule, { leaseMarginMs: 5_000 })).toBe(20_000);
    expect(leaseMs(schedule, { leaseMarginMs: 0 })).toBe(15_000);
  });

  it('defaults: the values each lookup used before they shared one schedule', () => {
    expect(DEFAULT_LOOKUP_OPTIONS).toEqual({
      players: { timeoutMs: 20_000, maxAttempts: Infinity, delaysMs: [60_000] },
      teamNames: { timeoutMs: 15_000, maxAttempts: 3, delaysMs: [0] },
      leagueName: { timeoutMs: 15_000, maxAttempts: 3, delaysMs: [0] },
      finalBoard: { timeoutMs: 15_000, maxAttempts: 4, delaysMs: [3_000, 10_000, 30_000] },
      leaseMarginMs: 5_000,
    });
  });
});
