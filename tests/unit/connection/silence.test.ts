import { describe, expect, it } from 'vitest';
import { DEFAULT_SILENCE_CONFIG, detectStall } from '../../../src/connection/silence';
import type { CapturedFrame } from './session-a-capture';
import { replayStallRule } from './stall-replay';

const OPEN = 1_756_600_000_000;
const pingFrame = (at: number): CapturedFrame => ({ at, dir: 'out', data: `PING PING%20${at}\n` });
const pongFrame = (at: number, pingAt: number): CapturedFrame => ({ at, dir: 'in', data: `PONG PING%20${pingAt}\n` });
const clock = (at: number): CapturedFrame => ({ at, dir: 'in', data: 'CLOCK 6 25000 3\n' });

/** A healthy live draft as ESPN runs it: CLOCK every 5 s, PING every 15 s answered in 120 ms. */
function liveDraft(from: number, to: number, opts: { pongs?: boolean; clockEveryMs?: number } = {}): CapturedFrame[] {
  const frames: CapturedFrame[] = [];
  for (let t = from; t <= to; t += opts.clockEveryMs ?? 5_000) frames.push(clock(t));
  for (let t = from + 600; t <= to; t += 15_000) {
    frames.push(pingFrame(t));
    if (opts.pongs !== false && t + 120 <= to) frames.push(pongFrame(t + 120, t));
  }
  return frames.sort((a, b) => a.at - b.at);
}

describe('detectStall: single checks', () => {
  it('is quiet right after a frame', () => {
    expect(detectStall(OPEN + 10_000, OPEN + 9_000, null, null, OPEN, 'active')).toBeNull();
  });

  it('allows exactly the budget and flags one millisecond more', () => {
    const last = OPEN + 1_000;
    expect(detectStall(last + 11_000, last, null, null, OPEN, 'active')).toBeNull();
    expect(detectStall(last + 11_001, last, null, null, OPEN, 'active')).toEqual({ cause: 'silence', silentForMs: 11_001 });
  });

  it('counts silence from the socket opening when no frame arrived yet', () => {
    expect(detectStall(OPEN + 11_000, null, null, null, OPEN, 'active')).toBeNull();
    expect(detectStall(OPEN + 11_500, null, null, null, OPEN, 'active')).toEqual({ cause: 'silence', silentForMs: 11_500 });
  });

  it('ignores a last frame from an earlier socket', () => {
    // Last frame 60 s ago was on the previous socket; the new one opened 2 s ago.
    expect(detectStall(OPEN + 2_000, OPEN - 58_000, null, null, OPEN, 'active')).toBeNull();
  });

  it('reports a whole silence at once when a throttled check runs late', () => {
    const last = OPEN + 5_000;
    expect(detectStall(last + 60_000, last, null, null, OPEN, 'active')).toEqual({ cause: 'silence', silentForMs: 60_000 });
  });

  it('does not flag anything when the clock steps backwards', () => {
    expect(detectStall(OPEN + 1_000, OPEN + 9_000, OPEN + 8_000, null, OPEN, 'active')).toBeNull();
  });

  it('lengthens the budget after the draft and while paused', () => {
    const last = OPEN + 1_000;
    for (const phase of ['paused', 'complete'] as const) {
      expect(detectStall(last + 30_000, last, null, null, OPEN, phase)).toBeNull();
      expect(detectStall(last + 45_000, last, null, null, OPEN, phase)).toBeNull();
      expect(detectStall(last + 45_001, last, null, null, OPEN, phase)?.cause).toBe('silence');
    }
  });

  it('uses the configured budgets', () => {
    const config = { activeBudgetMs: 3_000, pausedBudgetMs: 4_000, completeBudgetMs: 5_000, pongTimeoutMs: 1_000 };
    expect(detectStall(OPEN + 3_001, OPEN, null, null, OPEN, 'active', config)?.cause).toBe('silence');
    expect(detectStall(OPEN + 3_001, OPEN, null, null, OPEN, 'paused', config)).toBeNull();
    expect(detectStall(OPEN + 4_001, OPEN, null, null, OPEN, 'paused', config)?.cause).toBe('silence');
    expect(detectStall(OPEN + 5_001, OPEN, null, null, OPEN, 'complete', config)?.cause).toBe('silence');
    expect(detectStall(OPEN + 2_001, OPEN, OPEN + 1_000, null, OPEN, 'complete', config)?.cause).toBe('pong-timeout');
  });
});

describe('detectStall: unanswered PING', () => {
  const last = OPEN + 10_000;
  const ping = last + 1_000;

  it('flags a PING with no PONG and nothing else back after the timeout', () => {
    expect(detectStall(ping + 6_000, last, ping, null, OPEN, 'active')).toBeNull();
    expect(detectStall(ping + 6_001, last, ping, null, OPEN, 'active')).toEqual({ cause: 'pong-timeout', silentForMs: 7_001 });
  });

  it('flags it even when an older PING was answered', () => {
    expect(detectStall(ping + 6_500, last, ping, ping - 15_000, OPEN, 'active')?.cause).toBe('pong-timeout');
  });

  it('is satisfied by the PONG', () => {
    expect(detectStall(ping + 6_500, ping + 120, ping, ping + 120, OPEN, 'active')).toBeNull();
  });

  it('does not reload over a lost PONG while ESPN keeps sending other frames', () => {
    expect(detectStall(ping + 9_000, ping + 4_000, ping, null, OPEN, 'active')).toBeNull();
  });

  it('ignores a PING sent on an earlier socket', () => {
    expect(detectStall(OPEN + 7_000, null, OPEN - 500, null, OPEN, 'active')).toBeNull();
  });

  it('prefers "silence" once the silence budget itself is exceeded', () => {
    expect(detectStall(last + 11_500, last, ping, null, OPEN, 'active')?.cause).toBe('silence');
  });

  it('catches a dead socket after the draft long before the 45 s budget', () => {
    expect(detectStall(ping + 6_001, last, ping, null, OPEN, 'complete')).toEqual({ cause: 'pong-timeout', silentForMs: 7_001 });
  });
});

describe('detectStall: simulated drafts, checked every second', () => {
  it('raises no alarm over 10 minutes of a healthy live draft', () => {
    const frames = liveDraft(OPEN + 200, OPEN + 600_000);
    expect(replayStallRule(frames, { socketOpenedAt: OPEN })).toEqual([]);
  });

  it('raises no alarm after the draft with CLOCK 4 every 20 s and heartbeats', () => {
    const frames = liveDraft(OPEN + 200, OPEN + 600_000, { clockEveryMs: 20_000 });
    expect(replayStallRule(frames, { socketOpenedAt: OPEN, phaseAt: () => 'complete' })).toEqual([]);
  });

  it('would raise one after the draft if the caller forgot to pass the phase', () => {
    const frames = liveDraft(OPEN + 200, OPEN + 600_000, { clockEveryMs: 20_000 });
    const stalls = replayStallRule(frames, { socketOpenedAt: OPEN });
    expect(stalls.length).toBeGreaterThan(0);
    expect(stalls.every((s) => s.cause === 'silence')).toBe(true);
  });

  it.each([0, 137, 500, 999])('detects silence ≤ 12 s after the last frame (tick offset %i ms)', (offset) => {
    const frames = liveDraft(OPEN + 200, OPEN + 62_000);
    const lastFrame = frames[frames.length - 1]!.at;
    const stalls = replayStallRule(frames, { socketOpenedAt: OPEN, tickOffsetMs: offset, until: lastFrame + 30_000 });
    expect(stalls[0]!.at - lastFrame).toBeGreaterThan(0);
    expect(stalls[0]!.at - lastFrame).toBeLessThanOrEqual(12_000);
  });

  it('detects a lost PONG (dead socket right after a PING) ≤ 12 s after the last frame', () => {
    // Traffic stops at 60.2 s; the PING at 60.6 s goes out but nothing ever comes back.
    const frames = liveDraft(OPEN + 200, OPEN + 60_200).concat(pingFrame(OPEN + 60_600));
    const lastInbound = OPEN + 60_200;
    const stalls = replayStallRule(frames, { socketOpenedAt: OPEN, until: lastInbound + 30_000 });
    expect(stalls[0]!.cause).toBe('pong-timeout');
    expect(stalls[0]!.at - lastInbound).toBeLessThanOrEqual(12_000);
    expect(stalls[0]!.at - (OPEN + 60_600)).toBeGreaterThan(6_000);
  });

  it('detects a socket that never says anything ≤ 12 s after it opened', () => {
    const stalls = replayStallRule([], { socketOpenedAt: OPEN, until: OPEN + 30_000 });
    expect(stalls[0]!.at - OPEN).toBeLessThanOrEqual(12_000);
    expect(stalls[0]!.cause).toBe('silence');
  });

  it('keeps its documented defaults', () => {
    expect(DEFAULT_SILENCE_CONFIG).toEqual({
      activeBudgetMs: 11_000,
      pausedBudgetMs: 45_000,
      completeBudgetMs: 45_000,
      pongTimeoutMs: 6_000,
    });
    expect(Object.isFrozen(DEFAULT_SILENCE_CONFIG)).toBe(true);
  });
});
