import { describe, expect, it } from 'vitest';
import { DEFAULT, RECOVERY_OPTION_KEYS, SILENCE_OPTION_KEYS } from '../../../src/connection/options';
import { DEFAULT_SILENCE_CONFIG } from '../../../src/connection/silence';

describe('Options DEFAULT', () => {
  it('holds every threshold of the connection wing, with the documented values', () => {
    expect(DEFAULT).toEqual({
      activeBudgetMs: 11_000,
      pausedBudgetMs: 45_000,
      completeBudgetMs: 45_000,
      pongTimeoutMs: 6_000,
      graceMs: 8_000,
      espnSocketInitTimeoutMs: 10_000,
      reloadTimeoutMs: 20_000,
      backoffBaseMs: 2_000,
      backoffMinMs: 1_000,
      backoffCapMs: 30_000,
      maxAttempts: 6,
      maxReloadsPerWindow: 3,
      reloadWindowMs: 60_000,
      watchdogMarginMs: 4_000,
      autoReload: true,
      maxIncidents: 50,
      rttSmoothing: 1 / 8,
    });
    expect(Object.isFrozen(DEFAULT)).toBe(true);
  });

  it('gives the page hook exactly the silence fields, taken from the one DEFAULT', () => {
    expect(Object.keys(DEFAULT_SILENCE_CONFIG).sort()).toEqual([...SILENCE_OPTION_KEYS].sort());
    for (const key of SILENCE_OPTION_KEYS) expect(DEFAULT_SILENCE_CONFIG[key]).toBe(DEFAULT[key]);
  });

  it('names each field in at most one user-tunable section', () => {
    const tunable = [...SILENCE_OPTION_KEYS, ...RECOVERY_OPTION_KEYS];
    expect(new Set(tunable).size).toBe(tunable.length);
    for (const key of tunable) expect(DEFAULT).toHaveProperty(key);
  });
});
