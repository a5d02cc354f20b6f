/**
 * Heartbeat round-trip statistics (PING → PONG), for the popup's connection quality line.
 * The page puts its own send time in `PING PING%20<ms>` and ESPN echoes it in the PONG, so the
 * caller computes rtt = PONG arrival − echoed ms on one clock, with no bookkeeping of its own.
 */
export interface HeartbeatStats {
  lastRttMs: number | null;
  /** Exponentially smoothed RTT, so one slow PONG does not swing the display. */
  smoothedRttMs: number | null;
  maxRttMs: number | null;
  samples: number;
}

export const EMPTY_HEARTBEAT: Readonly<HeartbeatStats> = Object.freeze({
  lastRttMs: null,
  smoothedRttMs: null,
  maxRttMs: null,
  samples: 0,
});

/**
 * Folds one RTT sample in. Negative or non-finite samples (a PONG echoing a PING from before a
 * clock change, or a garbled echo) are ignored rather than poisoning the average.
 * @param smoothing weight of the new sample in the moving average, in (0, 1]
 */
export function addRttSample(stats: HeartbeatStats, rttMs: number, smoothing: number): HeartbeatStats {
  if (!Number.isFinite(rttMs) || rttMs < 0) return stats;
  const smoothed = stats.smoothedRttMs === null ? rttMs : stats.smoothedRttMs + smoothing * (rttMs - stats.smoothedRttMs);
  return {
    lastRttMs: rttMs,
    smoothedRttMs: smoothed,
    maxRttMs: stats.maxRttMs === null ? rttMs : Math.max(stats.maxRttMs, rttMs),
    samples: stats.samples + 1,
  };
}
