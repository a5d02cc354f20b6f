/** Every timing and limit of the recovery policy. All durations in ms. */
export interface RecoveryConfig {
  /**
   * After a drop or stall, how long ESPN's own client gets to open a new draft socket before we
   * reload the tab. Default 8 000 ms. ESPN's reconnect timing is undocumented; 8 s lets a quick
   * automatic reconnect win (a reload costs the user the page state), while detection (≤ 12 s
   * after the last frame) + grace still reloads within ~20 s: inside one 30 s pick clock.
   */
  graceMs: number;
  /**
   * When ESPN's client opens a new socket on its own (during the grace or a backoff wait), how long
   * that socket gets to deliver INIT before we stop trusting it. Default 10 000 ms; INIT is the
   * 2nd frame and arrived 0.22 s after open in session A, so 10 s is generous.
   */
  espnSocketInitTimeoutMs: number;
  /**
   * After a reload, how long the page gets to load, open a socket and receive INIT before the
   * attempt counts as failed. Default 20 000 ms: the draft page pulls > 1 MB (draftInit, scripts)
   * before it opens the socket; 20 s covers a slow connection without stretching a dead one.
   */
  reloadTimeoutMs: number;
  /** Backoff bound after the first failed reload; it doubles per failed attempt. Default 2 000 ms. */
  backoffBaseMs: number;
  /** Shortest wait between reloads, so a zero random draw never hammers ESPN. Default 1 000 ms. */
  backoffMinMs: number;
  /**
   * Longest wait between reloads. Default 30 000 ms: one pick clock; waiting longer would let
   * whole rounds pass with the user unable to pick.
   */
  backoffCapMs: number;
  /**
   * Reloads before giving up and asking the user. Default 6: with the defaults above that is at
   * most ~3 minutes of trying (6 × 20 s timeouts + ≤ 60 s of backoff + grace); past that the
   * outage is not something a reload fixes (network down, ESPN down, logged out).
   */
  maxAttempts: number;
}

export const DEFAULT_RECOVERY_CONFIG: Readonly<RecoveryConfig> = Object.freeze({
  graceMs: 8_000,
  espnSocketInitTimeoutMs: 10_000,
  reloadTimeoutMs: 20_000,
  backoffBaseMs: 2_000,
  backoffMinMs: 1_000,
  backoffCapMs: 30_000,
  maxAttempts: 6,
});
