import { detectStall, DEFAULT_SILENCE_CONFIG, type SilenceConfig, type SilencePhase, type Stall } from '../../../src/connection/silence';
import { heartbeatMs, type CapturedFrame } from './session-a-capture';

/**
 * Plays frames through the stall rule the way the page hook will: a check every `tickMs` of
 * simulated time (starting `tickOffsetMs` after the socket opened), plus a check at every frame
 * both just before it lands (the longest silence the rule can ever see) and just after.
 */
export interface ReplayOptions {
  socketOpenedAt: number;
  /** Keep checking (with no more frames) until this time. Defaults to the last frame. */
  until?: number;
  tickMs?: number;
  tickOffsetMs?: number;
  phaseAt?: (now: number) => SilencePhase;
  config?: SilenceConfig;
}

export interface StallReport extends Stall {
  at: number;
}

export function replayStallRule(frames: readonly CapturedFrame[], options: ReplayOptions): StallReport[] {
  const tickMs = options.tickMs ?? 1000;
  const phaseAt = options.phaseAt ?? (() => 'active' as const);
  const config = options.config ?? DEFAULT_SILENCE_CONFIG;
  const until = options.until ?? frames[frames.length - 1]?.at ?? options.socketOpenedAt;

  let lastInboundAt: number | null = null;
  let lastPingSentAt: number | null = null;
  let lastPongAt: number | null = null;
  const stalls: StallReport[] = [];

  const check = (now: number) => {
    const stall = detectStall(now, lastInboundAt, lastPingSentAt, lastPongAt, options.socketOpenedAt, phaseAt(now), config);
    if (stall) stalls.push({ at: now, ...stall });
  };
  const apply = (frame: CapturedFrame) => {
    const isHeartbeat = heartbeatMs(frame.data) !== null;
    if (frame.dir === 'out') {
      // The page stamps its PING with its own clock; that stamp is what the hook records.
      if (isHeartbeat) lastPingSentAt = heartbeatMs(frame.data);
      return;
    }
    lastInboundAt = frame.at;
    if (isHeartbeat) lastPongAt = frame.at;
  };

  let next = 0;
  for (let tick = options.socketOpenedAt + (options.tickOffsetMs ?? 0); tick <= until; tick += tickMs) {
    while (next < frames.length && frames[next]!.at <= tick) {
      check(frames[next]!.at);
      apply(frames[next]!);
      check(frames[next]!.at);
      next++;
    }
    check(tick);
  }
  for (; next < frames.length; next++) {
    check(frames[next]!.at);
    apply(frames[next]!);
    check(frames[next]!.at);
  }
  return stalls;
}

/** Largest gap between consecutive inbound frames, in ms, with where it happened. */
export function largestInboundGap(frames: readonly CapturedFrame[], filter: (f: CapturedFrame) => boolean = () => true) {
  let previous: number | null = null;
  let gap = { ms: 0, from: 0, to: 0 };
  for (const frame of frames) {
    if (frame.dir !== 'in' || !filter(frame)) continue;
    if (previous !== null && frame.at - previous > gap.ms) gap = { ms: frame.at - previous, from: previous, to: frame.at };
    previous = frame.at;
  }
  return gap;
}
