/**
 * The stall rule: is the draft socket still alive, judged only by when frames arrived?
 *
 * The MAIN-world page hook calls `detectStall` about once a second and on every frame, so it
 * stays tiny: plain numbers in, `null` (the common case, no allocation) or a small verdict out.
 * It imports nothing, because it is bundled into the page script.
 *
 * All inputs are absolute epoch-ms timestamps from one clock, and the rule only compares
 * differences. Hidden tabs throttle timers, so the rule must never count its own calls
 * ("three checks without a frame"): one late check sees the whole silence at once.
 *
 * Cadences it relies on (protocol.md §2.3, §3.1; measured in fixtures/session-a.jsonl):
 * - ESPN sends CLOCK every ~5 s before and during the draft. Every inbound gap in session A is
 *   ≤ 5.03 s. CLOCK frames alone skip a tick at draft start and before a snake turn: the
 *   largest CLOCK-to-CLOCK gap is 10.01 s (t 321.679 → 331.689), other frames filled it.
 * - After the draft (STATE 2) ESPN sends only `CLOCK 4`, every 20 s [sourced, not captured].
 * - The page PINGs every 14.0–15.4 s and the PONG comes back in 0.10–0.19 s.
 */

/** Why the socket was declared stalled. */
export type StallCause = 'silence' | 'pong-timeout';

/** The verdict when the socket is stalled. */
export interface Stall {
  cause: StallCause;
  /** How long nothing has arrived from ESPN (now − last inbound frame, or − socket open). */
  silentForMs: number;
}

/**
 * Where the draft is, which sets how long ESPN may legitimately stay quiet.
 * - `active`: before the draft and while picks are being made (CLOCK 0 / CLOCK 6 every ~5 s).
 * - `paused`: the League Manager paused the draft (bare CLOCK frames, cadence unknown).
 * - `complete`: after STATE 2 (CLOCK 4 every ~20 s).
 */
export type SilencePhase = 'active' | 'paused' | 'complete';

export interface SilenceConfig {
  /**
   * Longest silence tolerated before or during the draft. Default 11 000 ms.
   * Session A's largest inbound gap is 5.03 s, so 11 s tolerates one entirely missed 5 s CLOCK
   * tick plus a second of jitter (and exceeds the 10.01 s largest CLOCK-only gap). Checked
   * every ~1 s, a dead socket is reported at most 12 s after its last frame: within one
   * 30 s pick clock, with time left to recover before the next pick.
   */
  activeBudgetMs: number;
  /**
   * Longest silence tolerated while the draft is paused. Default 45 000 ms.
   * The cadence of the bare pause CLOCK is undocumented, so this is deliberately generous;
   * no pick can be missed while paused, so slow detection costs nothing.
   */
  pausedBudgetMs: number;
  /**
   * Longest silence tolerated after the draft is complete. Default 45 000 ms:
   * two missed 20 s `CLOCK 4` ticks plus margin, since that cadence is sourced, not captured.
   */
  completeBudgetMs: number;
  /**
   * How long a PING may go unanswered, with nothing else arriving either, before the socket
   * is declared stalled. Default 6 000 ms: 30× the slowest PONG in session A (0.194 s), yet
   * it catches a dead socket sooner than the silence budget when a PING was in flight.
   * Inbound frames after the PING prove the ESPN → page direction (the one picks arrive
   * on) still works, so a lost PONG alone never triggers a reload in the middle of a pick.
   */
  pongTimeoutMs: number;
}

/** Defaults, justified field by field above. */
export const DEFAULT_SILENCE_CONFIG: Readonly<SilenceConfig> = Object.freeze({
  activeBudgetMs: 11_000,
  pausedBudgetMs: 45_000,
  completeBudgetMs: 45_000,
  pongTimeoutMs: 6_000,
});

/**
 * Decides whether the draft socket has stalled.
 *
 * @param now            current time, epoch ms
 * @param lastInboundAt  arrival of the last frame from ESPN on this socket, or null if none yet
 * @param lastPingSentAt when the page last sent PING on this socket, or null
 * @param lastPongAt     arrival of the last PONG on this socket, or null
 * @param socketOpenedAt when this socket opened; silence before the first frame counts from here
 * @param phase          draft phase; sets the silence budget
 * @returns null while healthy, otherwise the cause and how long ESPN has been silent
 */
export function detectStall(
  now: number,
  lastInboundAt: number | null,
  lastPingSentAt: number | null,
  lastPongAt: number | null,
  socketOpenedAt: number,
  phase: SilencePhase,
  config: SilenceConfig = DEFAULT_SILENCE_CONFIG,
): Stall | null {
  // A timestamp from an earlier socket says nothing about this one.
  const heardAt = lastInboundAt !== null && lastInboundAt > socketOpenedAt ? lastInboundAt : socketOpenedAt;
  const silentForMs = now - heardAt;

  const budget =
    phase === 'active' ? config.activeBudgetMs : phase === 'paused' ? config.pausedBudgetMs : config.completeBudgetMs;
  if (silentForMs > budget) return { cause: 'silence', silentForMs };

  // A PING counts only if it belongs to this socket, got no PONG, and nothing at all came back since.
  if (
    lastPingSentAt !== null &&
    lastPingSentAt >= socketOpenedAt &&
    (lastPongAt === null || lastPongAt < lastPingSentAt) &&
    heardAt <= lastPingSentAt &&
    now - lastPingSentAt > config.pongTimeoutMs
  ) {
    return { cause: 'pong-timeout', silentForMs };
  }
  return null;
}
