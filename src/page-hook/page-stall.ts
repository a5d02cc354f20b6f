import { DEFAULT_SILENCE_CONFIG, detectStall, SILENCE_OPTION_KEYS, type SilenceConfig, type Stall } from '../connection/silence';
import { hasOwn, numberIsFinite } from './intrinsics';
import type { SocketActivity } from './socket-hook';

/** Documented bounds (SECURITY.md): tighter would mean reload storms, looser a stall that is never seen. */
export const MIN_BUDGET_MS = 1_000;
export const MAX_BUDGET_MS = 10 * 60_000;

/**
 * The page's stall rule with the user's thresholds. Settings arrive from the worker through the
 * relay over the private port, as a structured-clone object. Only own, finite, in-range numbers
 * count (checked with captured built-ins, so values the page put on Object.prototype are never
 * read); anything else keeps the current value.
 */
export function createPageStallDetector() {
  let config: SilenceConfig = { ...DEFAULT_SILENCE_CONFIG };
  return {
    detect: (activity: SocketActivity, now: number): Stall | null =>
      detectStall(now, activity.lastInboundAt, activity.lastPingSentAt, activity.lastPongAt, activity.openedAt, activity.phase, config),
    configure(value: unknown): void {
      if (typeof value !== 'object' || value === null) return;
      // Spread of our own object (not the page's value): it copies own data properties only.
      const next: SilenceConfig = { ...config };
      // By index: no array iterator, which a page script could replace.
      for (let i = 0; i < SILENCE_OPTION_KEYS.length; i += 1) {
        const key = SILENCE_OPTION_KEYS[i]!;
        if (!hasOwn(value, key)) continue;
        const ms = (value as Record<string, unknown>)[key];
        if (typeof ms === 'number' && numberIsFinite(ms) && ms >= MIN_BUDGET_MS && ms <= MAX_BUDGET_MS) next[key] = ms;
      }
      config = next;
    },
    get config(): Readonly<SilenceConfig> {
      return config;
    },
  };
}
