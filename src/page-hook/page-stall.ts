import { DEFAULT_SILENCE_CONFIG, detectStall, SILENCE_OPTION_KEYS, type SilenceConfig, type Stall } from '../connection/silence';
import type { SocketActivity } from './socket-hook';

const MIN_BUDGET_MS = 1_000;
const MAX_BUDGET_MS = 10 * 60_000;

/**
 * The page's stall rule with the user's thresholds. Settings arrive from the
 * isolated relay as a JSON string; anything out of range is ignored, since the
 * page world cannot be trusted and a bad budget would mean reload storms.
 */
export function createPageStallDetector() {
  let config: SilenceConfig = { ...DEFAULT_SILENCE_CONFIG };
  return {
    detect(activity: SocketActivity, now: number): Stall | null {
      return detectStall(now, activity.lastInboundAt, activity.lastPingSentAt, activity.lastPongAt, activity.openedAt, activity.phase, config);
    },
    configure(json: unknown): void {
      let value: unknown;
      try {
        value = typeof json === 'string' ? JSON.parse(json) : null;
      } catch {
        return;
      }
      if (typeof value !== 'object' || value === null) return;
      const next = { ...config };
      for (const key of SILENCE_OPTION_KEYS) {
        const ms = (value as Record<string, unknown>)[key];
        if (typeof ms === 'number' && Number.isFinite(ms) && ms >= MIN_BUDGET_MS && ms <= MAX_BUDGET_MS) next[key] = ms;
      }
      config = next;
    },
    get config(): Readonly<SilenceConfig> {
      return config;
    },
  };
}
