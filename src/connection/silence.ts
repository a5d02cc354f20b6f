/**
 * The stall rule: is the draft socket still alive, judged only by when frames arrived?
 *
 * The MAIN-world page hook calls `detectStall` about once a second and on every frame, so it
 * stays tiny: plain numbers in, `null` (the common case, no allocation) or a small verdict out.
 * It imports only silence-defaults.ts (which imports nothing), because it is bundled into the page script.
 *
 * All inputs are absolute epoch-ms timestamps from one clock, and the rule only compares
 * differences. Hidden tabs throttle timers, so the rule must never count its own calls
 * ("three checks without a frame"): one late check sees the whole silence at once.
 *
 * The cadences the budgets rely on, and each default's reason, are in options.ts and silence-defaults.ts.
 */

import { DEFAULT_SILENCE_CONFIG, SILENCE_OPTION_KEYS, type SilenceOptions } from './silence-defaults';

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

/** The option fields the page hook may set (and must check: the page world is not trusted). */
export { SILENCE_OPTION_KEYS };

/** The silence budgets and PONG timeout; see silence-defaults.ts for each value's reason. */
export type SilenceConfig = SilenceOptions;

/** The stall rule's defaults (also the silence fields of the connection DEFAULT in options.ts). */
export { DEFAULT_SILENCE_CONFIG };

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
