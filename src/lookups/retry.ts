/**
 * The one retry schedule of every ESPN lookup. No lookup keeps a timer: each is driven by the hook
 * batches that keep arriving from the draft tab, so "retry after N ms" means "on the first batch
 * at least N ms later". These functions only decide; the time is always given.
 */

export interface RetrySchedule {
  /** How long one request may take before it counts as failed. */
  timeoutMs: number;
  /** Attempts before giving up for good; Infinity keeps asking. */
  maxAttempts: number;
  /** The wait after failed attempt n is delaysMs[n - 1]; the last entry repeats. */
  delaysMs: readonly number[];
}

export interface LookupOptions {
  /**
   * The season's player pool. Names are a nicety that never blocks a pick, so a failure is asked
   * again once a minute for as long as the draft runs. The pool is large: 20 s to answer.
   */
  players: RetrySchedule;
  /** The league's team names, asked as soon as a draft has its INIT; three tries per worker life. */
  teamNames: RetrySchedule;
  /**
   * The league's name, for the popup's header and chooser; like the team names, three tries per
   * worker life. A mock league (HTTP 404) is never asked again: its id stays its name.
   */
  leagueName: RetrySchedule;
  /**
   * The one check of a finished draft against ESPN's final board. ESPN's board can lag the socket
   * by a few seconds, hence the short first delays; after four attempts the socket's picks stand.
   */
  finalBoard: RetrySchedule;
  /**
   * A claimed attempt that is recorded before its request goes out holds off the next one for
   * timeoutMs + leaseMarginMs, so a worker killed mid-request neither loops nor stalls.
   */
  leaseMarginMs: number;
}

export const DEFAULT_LOOKUP_OPTIONS: LookupOptions = {
  players: { timeoutMs: 20_000, maxAttempts: Infinity, delaysMs: [60_000] },
  teamNames: { timeoutMs: 15_000, maxAttempts: 3, delaysMs: [0] },
  leagueName: { timeoutMs: 15_000, maxAttempts: 3, delaysMs: [0] },
  finalBoard: { timeoutMs: 15_000, maxAttempts: 4, delaysMs: [3_000, 10_000, 30_000] },
  leaseMarginMs: 5_000,
};

/** Whether another attempt may start after `attempts` have been made. */
export function hasAttemptsLeft(schedule: RetrySchedule, attempts: number): boolean {
  return attempts < schedule.maxAttempts;
}

/** How long to wait after `failedAttempts` attempts (counted from 1) have failed. */
export function retryDelayMs(schedule: RetrySchedule, failedAttempts: number): number {
  const { delaysMs } = schedule;
  const index = Math.min(Math.max(failedAttempts, 1), delaysMs.length) - 1;
  return delaysMs[index] ?? 0;
}

/** How long a claimed attempt holds off the next one. */
export function leaseMs(schedule: RetrySchedule, options: Pick<LookupOptions, 'leaseMarginMs'> = DEFAULT_LOOKUP_OPTIONS): number {
  return schedule.timeoutMs + options.leaseMarginMs;
}
