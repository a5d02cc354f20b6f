import { describe, expect, it } from 'vitest';
import { reloadBackoffMs } from '../../../src/connection/backoff';
import { DEFAULT } from '../../../src/connection/options';
import { seededRandom } from './fake-shell';

const config = DEFAULT;
const ALMOST_ONE = 1 - 2 ** -40;
/** The exponential bound min(cap, base × 2^(n−1)) for n failed attempts, with the defaults. */
const BOUNDS = [2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000];

describe('reloadBackoffMs', () => {
  it('keeps every delay within [min, cap] for any draw and any attempt', () => {
    const draws = [0, 1e-9, 0.1, 0.25, 0.5, 0.75, 0.999, ALMOST_ONE];
    for (let attempt = 1; attempt <= 40; attempt++) {
      for (const draw of draws) {
        const delay = reloadBackoffMs(attempt, () => draw, config);
        expect(delay).toBeGreaterThanOrEqual(config.backoffMinMs);
        expect(delay).toBeLessThanOrEqual(config.backoffCapMs);
      }
    }
  });

  it('waits the minimum when the draw is 0', () => {
    for (let attempt = 1; attempt <= 7; attempt++) expect(reloadBackoffMs(attempt, () => 0, config)).toBe(1_000);
  });

  it('reaches the exponential bound as the draw approaches 1', () => {
    BOUNDS.forEach((bound, i) => expect(reloadBackoffMs(i + 1, () => ALMOST_ONE, config)).toBe(bound));
  });

  it('scales the draw across the whole window (full jitter)', () => {
    expect(reloadBackoffMs(3, () => 0.5, config)).toBe(4_000);
    expect(reloadBackoffMs(4, () => 0.25, config)).toBe(4_000);
    expect(reloadBackoffMs(5, () => 0.9, config)).toBe(27_000);
    // Below the minimum, the draw is clamped up.
    expect(reloadBackoffMs(1, () => 0.3, config)).toBe(1_000);
  });

  it('spreads many draws over the whole window, not just its upper half', () => {
    const random = seededRandom(42);
    const delays = Array.from({ length: 2_000 }, () => reloadBackoffMs(4, random, config));
    expect(Math.min(...delays)).toBeLessThan(2_000);
    expect(Math.max(...delays)).toBeGreaterThan(15_000);
    expect(delays.every((d) => d >= 1_000 && d <= 16_000)).toBe(true);
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    expect(mean).toBeGreaterThan(7_000);
    expect(mean).toBeLessThan(9_000);
  });

  it('never yields NaN or out-of-range timers from a broken random source', () => {
    for (const bad of [Number.NaN, -3, 7, Number.POSITIVE_INFINITY]) {
      const delay = reloadBackoffMs(3, () => bad, config);
      expect(Number.isFinite(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(1_000);
      expect(delay).toBeLessThanOrEqual(8_000);
    }
  });

  it('honours a custom configuration', () => {
    const custom = { backoffBaseMs: 500, backoffMinMs: 200, backoffCapMs: 3_000 };
    expect(reloadBackoffMs(1, () => 0, custom)).toBe(200);
    expect(reloadBackoffMs(1, () => ALMOST_ONE, custom)).toBe(500);
    expect(reloadBackoffMs(4, () => ALMOST_ONE, custom)).toBe(3_000);
  });
});
