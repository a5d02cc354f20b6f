import { describe, expect, it } from 'vitest';
import { createPageStallDetector } from '../../../src/page-hook/page-stall';
import { DEFAULT_SILENCE_CONFIG } from '../../../src/connection/silence';
import type { SocketActivity } from '../../../src/page-hook/socket-hook';

const quietSince = (at: number): SocketActivity => ({ openedAt: 0, lastInboundAt: at, lastPingSentAt: null, lastPongAt: null, phase: 'active' });

describe('createPageStallDetector', () => {
  it('starts with the documented defaults', () => {
    const detector = createPageStallDetector();
    expect(detector.config).toEqual(DEFAULT_SILENCE_CONFIG);
    expect(detector.detect(quietSince(1000), 1000 + DEFAULT_SILENCE_CONFIG.activeBudgetMs)).toBeNull();
    expect(detector.detect(quietSince(1000), 1001 + DEFAULT_SILENCE_CONFIG.activeBudgetMs)).toMatchObject({ cause: 'silence' });
  });

  it("applies the user's thresholds from the relay", () => {
    const detector = createPageStallDetector();
    detector.configure({ activeBudgetMs: 4000, pongTimeoutMs: 2000 });
    expect(detector.config).toMatchObject({ activeBudgetMs: 4000, pongTimeoutMs: 2000, pausedBudgetMs: DEFAULT_SILENCE_CONFIG.pausedBudgetMs });
    expect(detector.detect(quietSince(1000), 5001)).toMatchObject({ cause: 'silence', silentForMs: 4001 });
  });

  it('ignores what does not fit: not an object, wrong types, out-of-range budgets', () => {
    const detector = createPageStallDetector();
    for (const detail of [null, 42, '{', '"x"', { activeBudgetMs: 10 }, { activeBudgetMs: '4000' }, { activeBudgetMs: Infinity }, { activeBudgetMs: NaN }, { pongTimeoutMs: 24 * 3600_000 }]) {
      detector.configure(detail);
    }
    expect(detector.config).toEqual(DEFAULT_SILENCE_CONFIG);
  });

  it('reads only own values: a budget on Object.prototype (page pollution) is not a setting', () => {
    const detector = createPageStallDetector();
    const polluted = Object.create({ activeBudgetMs: 600_000 }) as Record<string, unknown>;
    polluted.pongTimeoutMs = 3000;
    detector.configure(polluted);
    expect(detector.config).toEqual({ ...DEFAULT_SILENCE_CONFIG, pongTimeoutMs: 3000 });
  });
});
