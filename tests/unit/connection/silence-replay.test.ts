import { describe, expect, it } from 'vitest';
import { DEFAULT_SILENCE_CONFIG } from '../../../src/connection/silence';
import { heartbeatMs, loadSessionA } from './session-a-capture';
import { largestInboundGap, replayStallRule } from './stall-replay';

/** The real ESPN capture, replayed with its real timings: the rule must never cry wolf on it. */
const capture = loadSessionA();
const { frames, t0 } = capture;
const lastFrameAt = frames[frames.length - 1]!.at;

describe('stall rule on the real session A capture', () => {
  it('loads the whole capture (197 frames over ~337 s)', () => {
    expect(frames).toHaveLength(197);
    expect(lastFrameAt - t0).toBe(336_695);
  });

  it.each([0, 250, 500, 750, 999])('raises no false alarm, checked every 1 s (offset %i ms) and at every frame', (offset) => {
    const stalls = replayStallRule(frames, { socketOpenedAt: t0, tickOffsetMs: offset });
    expect(stalls).toEqual([]);
  });

  it('raises no false alarm when checked every 100 ms either', () => {
    expect(replayStallRule(frames, { socketOpenedAt: t0, tickMs: 100 })).toEqual([]);
  });

  it('has a silence budget at least twice the largest inbound gap (one whole missed CLOCK tick)', () => {
    const gap = largestInboundGap(frames);
    expect(gap.ms).toBe(5_030); // t 126.513 → 131.543, between two CLOCK 6 ticks
    expect(DEFAULT_SILENCE_CONFIG.activeBudgetMs).toBeGreaterThanOrEqual(2 * gap.ms);
  });

  it('has a silence budget above the largest CLOCK-only gap, in case no other frame fills it', () => {
    const clockGap = largestInboundGap(frames, (f) => f.data.startsWith('CLOCK'));
    expect(clockGap.ms).toBe(10_010); // t 321.679 → 331.689, a skipped tick around a snake turn
    expect(DEFAULT_SILENCE_CONFIG.activeBudgetMs).toBeGreaterThan(clockGap.ms);
  });

  it('has a PONG timeout far above every real PING → PONG round trip', () => {
    const pingAt = new Map<number, number>();
    const rtts: number[] = [];
    for (const f of frames) {
      const stamp = heartbeatMs(f.data);
      if (stamp === null) continue;
      if (f.dir === 'out') pingAt.set(stamp, f.at);
      else rtts.push(f.at - pingAt.get(stamp)!);
    }
    expect(rtts).toHaveLength(23);
    expect(Math.max(...rtts)).toBe(194);
    expect(DEFAULT_SILENCE_CONFIG.pongTimeoutMs).toBeGreaterThanOrEqual(10 * Math.max(...rtts));
  });

  it('would raise false alarms with a budget under the real gaps, so the replay can fail', () => {
    const tooTight = { ...DEFAULT_SILENCE_CONFIG, activeBudgetMs: 5_000 };
    const stalls = replayStallRule(frames, { socketOpenedAt: t0, config: tooTight });
    expect(stalls.length).toBeGreaterThan(0);
  });

  it('detects the silence after the capture ends within 12 s of its last frame', () => {
    for (const offset of [0, 333, 999]) {
      const stalls = replayStallRule(frames, { socketOpenedAt: t0, tickOffsetMs: offset, until: lastFrameAt + 30_000 });
      expect(stalls.length).toBeGreaterThan(0);
      const first = stalls[0]!;
      expect(first.cause).toBe('silence');
      expect(first.at - lastFrameAt).toBeGreaterThan(DEFAULT_SILENCE_CONFIG.activeBudgetMs);
      expect(first.at - lastFrameAt).toBeLessThanOrEqual(12_000);
      expect(first.silentForMs).toBe(first.at - lastFrameAt);
    }
  });

  it('detects a cut in the middle of the live draft within 12 s (every prefix ending at a pick)', () => {
    const picks = frames.map((f, i) => [f, i] as const).filter(([f]) => f.data.startsWith('SELECTED'));
    expect(picks).toHaveLength(22);
    for (const [pick, index] of picks) {
      const prefix = frames.slice(0, index + 1);
      const stalls = replayStallRule(prefix, { socketOpenedAt: t0, tickOffsetMs: 500, until: pick.at + 20_000 });
      expect(stalls[0]!.at - pick.at).toBeLessThanOrEqual(12_000);
    }
  });
});
