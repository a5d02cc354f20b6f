import { describe, expect, it } from 'vitest';
import { addRttSample, EMPTY_HEARTBEAT } from '../../../src/connection/heartbeat';

describe('addRttSample', () => {
  it('starts the average at the first sample and smooths later ones', () => {
    const one = addRttSample(EMPTY_HEARTBEAT, 100, 0.5);
    expect(one).toEqual({ lastRttMs: 100, smoothedRttMs: 100, maxRttMs: 100, samples: 1 });
    const two = addRttSample(one, 200, 0.5);
    expect(two).toEqual({ lastRttMs: 200, smoothedRttMs: 150, maxRttMs: 200, samples: 2 });
    expect(addRttSample(two, 50, 0.5)).toEqual({ lastRttMs: 50, smoothedRttMs: 100, maxRttMs: 200, samples: 3 });
  });

  it('ignores negative and non-finite samples', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(addRttSample(EMPTY_HEARTBEAT, bad, 0.5)).toBe(EMPTY_HEARTBEAT);
  });
});
