/**
 * The stall rule's tunable fields and their defaults, on their own so the MAIN-world page hook
 * bundles only these four numbers and not the whole connection `DEFAULT` (options.ts builds its
 * DEFAULT from these). Imports nothing.
 *
 * Cadences the values rely on are listed in options.ts (protocol.md §2.3, §3.1; session A).
 */

/** The silence budgets and PONG timeout (all ms). */
export interface SilenceOptions {
  /** Longest silence tolerated before or during the draft. */
  activeBudgetMs: number;
  /** Longest silence tolerated while the League Manager paused the draft. */
  pausedBudgetMs: number;
  /** Longest silence tolerated after the draft is complete. */
  completeBudgetMs: number;
  /** How long a PING may go unanswered, with nothing else arriving either, before the socket stalls. */
  pongTimeoutMs: number;
}

/** The fields the page hook's stall rule reads. */
export const SILENCE_OPTION_KEYS = ['activeBudgetMs', 'pausedBudgetMs', 'completeBudgetMs', 'pongTimeoutMs'] as const;

/** The documented silence defaults; each value's reason is beside it. */
export const DEFAULT_SILENCE_CONFIG: Readonly<SilenceOptions> = Object.freeze({
  // 11 s: session A's largest inbound gap is 5.03 s, so this tolerates one entirely missed 5 s CLOCK
  // tick plus a second of jitter (and exceeds the 10.01 s largest CLOCK-only gap). Checked every
  // ~1 s, a dead socket is reported ≤ 12 s after its last frame: within one 30 s pick clock.
  activeBudgetMs: 11_000,
  // 45 s: the bare pause CLOCK's cadence is undocumented, so generous; no pick can be missed while
  // paused, so slow detection costs nothing.
  pausedBudgetMs: 45_000,
  // 45 s: two missed 20 s `CLOCK 4` ticks plus margin, since that cadence is sourced, not captured.
  completeBudgetMs: 45_000,
  // 6 s: 30× the slowest PONG in session A (0.194 s), yet sooner than the silence budget when a
  // PING was in flight. Inbound frames after the PING prove the ESPN → page direction (the one
  // picks arrive on) works, so a lost PONG alone never reloads in the middle of a pick.
  pongTimeoutMs: 6_000,
});
