/**
 * Every threshold of the connection wing: the stall rule (run in the page), the recovery policy and
 * the health bookkeeping (run in the worker). All durations in ms.
 *
 * The stall rule's four fields live in silence-defaults.ts (the MAIN-world page hook bundles only
 * those); this file adds the worker's fields around them.
 * Settings (src/worker/settings.ts) override single fields; anything not set is `DEFAULT`.
 *
 * Cadences the values rely on (protocol.md §2.3, §3.1; measured in fixtures/session-a.jsonl):
 * - ESPN sends CLOCK every ~5 s before and during the draft. Every inbound gap in session A is
 *   ≤ 5.03 s. CLOCK frames alone skip a tick at draft start and before a snake turn: the largest
 *   CLOCK-to-CLOCK gap is 10.01 s (t 321.679 → 331.689); other frames filled it.
 * - After the draft (STATE 2) ESPN sends only `CLOCK 4`, every 20 s [sourced, not captured].
 * - The page PINGs every 14.0–15.4 s and the PONG comes back in 0.10–0.19 s.
 * - INIT is the 2nd frame of a socket and arrived 0.22 s after open; a pick clock is 30 s.
 */
import { DEFAULT_SILENCE_CONFIG, SILENCE_OPTION_KEYS, type SilenceOptions } from './silence-defaults';

export interface Options extends SilenceOptions {
  // The stall rule's four fields (silence.ts) come from SilenceOptions (silence-defaults.ts).

  // ── The recovery policy (reducer.ts) ───────────────────────────────────────────────────────
  /** After a drop or stall, how long ESPN's own client gets to open a new socket before we reload. */
  graceMs: number;
  /** How long a socket ESPN's client opened on its own (during grace or backoff) gets to deliver INIT. */
  espnSocketInitTimeoutMs: number;
  /** After a reload, how long the page gets to load, open a socket and deliver INIT. */
  reloadTimeoutMs: number;
  /** Backoff bound after the first failed reload; it doubles per failed attempt. */
  backoffBaseMs: number;
  /** Shortest wait between reloads. */
  backoffMinMs: number;
  /** Longest wait between reloads. */
  backoffCapMs: number;
  /** Reloads before giving up and asking the user. */
  maxAttempts: number;
  /** Most automatic reloads of one tab within any `reloadWindowMs`, whatever the page does. */
  maxReloadsPerWindow: number;
  /** The rolling window of `maxReloadsPerWindow`. */
  reloadWindowMs: number;

  // ── The watchdog (watchdog.ts) ─────────────────────────────────────────────────────────────
  /**
   * Added to the phase's silence budget before the worker declares a live tab's batches stopped:
   * the page hook must get to report ESPN's own silence first.
   */
  watchdogMarginMs: number;
  /** Whether recovery may reload the tab at all; off, a fault that ESPN does not heal asks the user instead. */
  autoReload: boolean;

  // ── Health bookkeeping (incident.ts, heartbeat.ts) ─────────────────────────────────────────
  /** Resolved incidents kept, oldest dropped first. */
  maxIncidents: number;
  /** Weight of a new RTT sample in the smoothed RTT, in (0, 1]. */
  rttSmoothing: number;
}

/** The documented defaults; each value's reason is beside it. */
export const DEFAULT: Readonly<Options> = Object.freeze({
  // The stall rule's four values; their reasons are in silence-defaults.ts.
  ...DEFAULT_SILENCE_CONFIG,

  // 8 s: ESPN's reconnect timing is undocumented; 8 s lets a quick automatic reconnect win (a
  // reload costs the user the page state), while detection (≤ 12 s) + grace still reloads within
  // ~20 s of the last frame: inside one 30 s pick clock.
  graceMs: 8_000,
  // 10 s: INIT arrived 0.22 s after open in session A, so 10 s is generous.
  espnSocketInitTimeoutMs: 10_000,
  // 20 s: the draft page pulls > 1 MB (draftInit, scripts) before it opens the socket; 20 s covers
  // a slow connection without stretching a dead one.
  reloadTimeoutMs: 20_000,
  // 2 s, doubling: the first retry comes quickly, later ones spread out.
  backoffBaseMs: 2_000,
  // 1 s: a zero random draw never hammers ESPN.
  backoffMinMs: 1_000,
  // 30 s: one pick clock; waiting longer would let whole rounds pass with the user unable to pick.
  backoffCapMs: 30_000,
  // 6: with the values above at most ~3 minutes of trying (6 × 20 s timeouts + ≤ 60 s backoff +
  // grace); past that the outage is not something a reload fixes (network down, ESPN down, logged out).
  maxAttempts: 6,
  // 3 per rolling 60 s: the policy above never needs more (its 1st and 4th reloads are > 60 s
  // apart: 8 s grace + 20 s timeouts + backoff), but a page that breaks its socket right after
  // each INIT would otherwise have the tab reloaded every ~9 s, endlessly. Past the limit the
  // reload waits (as a backoff) until the oldest one leaves the window. The user's own "Reload
  // now" is not limited, only counted.
  maxReloadsPerWindow: 3,
  reloadWindowMs: 60_000,

  // 4 s: the hook checks for silence every 1 s and flushes a batch 50 ms later, and a hidden tab's
  // timers may run up to 1 s late; 4 s covers both twice, so when ESPN is the one silent the
  // hook's stall report always arrives first. A dead relay is noticed ≤ 15 s after its last batch.
  watchdogMarginMs: 4_000,
  // On: a reload is what brings a dead draft room back while the drafter is looking elsewhere.
  autoReload: true,

  // 50: a bad evening's worth of incidents, not a memory leak.
  maxIncidents: 50,
  // 1/8: TCP's SRTT gain (RFC 6298), so one slow PONG does not swing the display.
  rttSmoothing: 1 / 8,
});

/** The fields the page hook's stall rule reads. */
export { SILENCE_OPTION_KEYS, type SilenceOptions };

/** The fields the user may tune for recovery (Settings' `recovery` section). */
export const RECOVERY_OPTION_KEYS = [
  'graceMs',
  'espnSocketInitTimeoutMs',
  'reloadTimeoutMs',
  'backoffBaseMs',
  'backoffMinMs',
  'backoffCapMs',
  'maxAttempts',
  'autoReload',
] as const;
export type RecoveryOptions = Pick<Options, (typeof RECOVERY_OPTION_KEYS)[number]>;

/** The named fields of `options`, in a fresh object (never the frozen DEFAULT itself). */
export function pickOptions<K extends keyof Options>(options: Readonly<Options>, keys: readonly K[]): Pick<Options, K> {
  const picked = {} as Pick<Options, K>;
  for (const key of keys) picked[key] = options[key];
  return picked;
}
