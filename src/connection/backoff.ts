import type { Options } from './options';

/**
 * Wait before the next reload, after `failedAttempts` reloads did not bring the draft back.
 *
 * Full jitter (delay = random × bound, bound = min(cap, base × 2^(failedAttempts − 1))): many
 * extension users lose ESPN at the same moment when ESPN hiccups, and spreading their reloads
 * over the whole window keeps them from returning in synchronized waves. The result is clamped
 * to [min, cap] so a zero draw still waits a moment and nothing waits past one pick clock.
 *
 * @param failedAttempts reloads made so far in this recovery (≥ 1)
 * @param random         returns a number in [0, 1); injected so tests are deterministic
 */
export function reloadBackoffMs(
  failedAttempts: number,
  random: () => number,
  config: Pick<Options, 'backoffBaseMs' | 'backoffMinMs' | 'backoffCapMs'>,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const bound = Math.min(config.backoffCapMs, config.backoffBaseMs * 2 ** exponent);
  const draw = random();
  // A broken random source must not produce NaN or negative timers.
  const unit = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1) : 0;
  return Math.min(config.backoffCapMs, Math.max(config.backoffMinMs, Math.round(unit * bound)));
}
