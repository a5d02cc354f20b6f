import { describe, expect, it } from 'vitest';
import { silenceConfigOf } from '../../../src/worker/settings';
import { DEFAULT_SILENCE_CONFIG } from '../../../src/connection/silence';

describe('silenceConfigOf', () => {
  it('falls back to the documented defaults', () => {
    expect(silenceConfigOf(undefined)).toEqual(DEFAULT_SILENCE_CONFIG);
    expect(silenceConfigOf({ recovery: { graceMs: 1 } })).toEqual(DEFAULT_SILENCE_CONFIG);
  });

  it('takes valid overrides and rejects a stored value that is out of range', () => {
    expect(silenceConfigOf({ silence: { activeBudgetMs: 15_000 } })).toEqual({ ...DEFAULT_SILENCE_CONFIG, activeBudgetMs: 15_000 });
    expect(silenceConfigOf({ silence: { activeBudgetMs: 10 } })).toEqual(DEFAULT_SILENCE_CONFIG);
  });
});
