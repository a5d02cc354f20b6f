import { describe, expect, it } from 'vitest';
import { DEFAULT, pickOptions, RECOVERY_OPTION_KEYS } from '../../../src/connection/options';
import { recoveryConfigOf } from '../../../src/worker/settings';
import { settingsSchema } from '../../../src/contract/settings';

const DEFAULTS = pickOptions(DEFAULT, RECOVERY_OPTION_KEYS);

describe('recoveryConfigOf: nothing stored', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an empty object', {}],
    ['an empty recovery object', { recovery: {} }],
  ])('returns the documented defaults for %s', (_name, stored) => {
    expect(recoveryConfigOf(stored)).toEqual(DEFAULTS);
  });

  it('the defaults are the documented values', () => {
    expect(recoveryConfigOf(undefined)).toEqual({
      graceMs: 8_000,
      espnSocketInitTimeoutMs: 10_000,
      reloadTimeoutMs: 20_000,
      backoffBaseMs: 2_000,
      backoffMinMs: 1_000,
      backoffCapMs: 30_000,
      maxAttempts: 6,
      autoReload: true,
    });
  });

  it('returns a fresh object each time, never the frozen defaults', () => {
    const a = recoveryConfigOf(undefined);
    const b = recoveryConfigOf(undefined);
    expect(a).not.toBe(DEFAULT);
    expect(a).not.toBe(b);
    a.graceMs = 1;
    expect(recoveryConfigOf(undefined).graceMs).toBe(8_000);
  });
});

describe('recoveryConfigOf: overrides', () => {
  it('applies one override and keeps every other default', () => {
    expect(recoveryConfigOf({ recovery: { graceMs: 3_000 } })).toEqual({ ...DEFAULTS, graceMs: 3_000 });
  });

  it('applies several overrides together', () => {
    const stored = { recovery: { reloadTimeoutMs: 45_000, maxAttempts: 2, backoffBaseMs: 500, espnSocketInitTimeoutMs: 4_000 } };
    expect(recoveryConfigOf(stored)).toEqual({ ...DEFAULTS, reloadTimeoutMs: 45_000, maxAttempts: 2, backoffBaseMs: 500, espnSocketInitTimeoutMs: 4_000 });
  });

  it('accepts every field at once', () => {
    const all = {
      graceMs: 500,
      espnSocketInitTimeoutMs: 1_000,
      reloadTimeoutMs: 2_000,
      backoffBaseMs: 300,
      backoffMinMs: 400,
      backoffCapMs: 1_000,
      maxAttempts: 7,
      autoReload: false,
    };
    expect(recoveryConfigOf({ recovery: all })).toEqual(all);
  });

  it.each([
    ['the shortest grace allowed', { graceMs: 500 }, { graceMs: 500 }],
    ['the 10-minute duration limit', { reloadTimeoutMs: 600_000 }, { reloadTimeoutMs: 600_000 }],
    ['one attempt', { maxAttempts: 1 }, { maxAttempts: 1 }],
    ['20 attempts', { maxAttempts: 20 }, { maxAttempts: 20 }],
  ])('accepts %s', (_name, recovery, expected) => {
    expect(recoveryConfigOf({ recovery })).toEqual({ ...DEFAULTS, ...expected });
  });

  it('ignores unknown fields next to valid ones', () => {
    const config = recoveryConfigOf({ recovery: { graceMs: 5_000, turbo: true }, theme: 'dark' });
    expect(config).toEqual({ ...DEFAULTS, graceMs: 5_000 });
    expect(Object.keys(config)).not.toContain('turbo');
  });
});

describe('recoveryConfigOf: invalid settings fall back to the defaults', () => {
  it.each([
    ['a negative duration', { graceMs: -1 }],
    ['a duration over 10 minutes', { graceMs: 600_001 }],
    ['a fractional duration', { backoffCapMs: 1_500.5 }],
    ['a string duration', { reloadTimeoutMs: '20000' }],
    ['a null duration', { backoffMinMs: null }],
    ['an infinite duration', { graceMs: Number.POSITIVE_INFINITY }],
    ['zero attempts', { maxAttempts: 0 }],
    ['101 attempts', { maxAttempts: 101 }],
    ['fractional attempts', { maxAttempts: 2.5 }],
    ['auto reload as a string', { autoReload: 'no' }],
  ])('ignores %s', (_name, recovery) => {
    expect(recoveryConfigOf({ recovery })).toEqual(DEFAULTS);
  });

  it('drops the valid overrides too when one value is invalid (all or nothing)', () => {
    expect(recoveryConfigOf({ recovery: { graceMs: 3_000, maxAttempts: -5 } })).toEqual(DEFAULTS);
  });

  it.each([
    ['a string', 'fast'],
    ['a number', 42],
    ['an array', [{ recovery: { graceMs: 1 } }]],
    ['a recovery that is not an object', { recovery: 'off' }],
    ['a null recovery', { recovery: null }],
  ])('ignores stored settings that are %s', (_name, stored) => {
    expect(recoveryConfigOf(stored)).toEqual(DEFAULTS);
  });
});

describe('recoveryConfigOf: backoff minimum never above the cap', () => {
  it('clamps a minimum above the default cap to the cap', () => {
    expect(recoveryConfigOf({ recovery: { backoffMinMs: 40_000 } })).toMatchObject({ backoffMinMs: 30_000, backoffCapMs: 30_000 });
  });

  it('clamps the default minimum to a lowered cap', () => {
    expect(recoveryConfigOf({ recovery: { backoffMinMs: 1_500, backoffCapMs: 1_000 } })).toMatchObject({ backoffMinMs: 1_000, backoffCapMs: 1_000 });
  });

  it('clamps when both are set and the minimum is larger', () => {
    expect(recoveryConfigOf({ recovery: { backoffMinMs: 5_000, backoffCapMs: 2_000 } })).toEqual({
      ...DEFAULTS,
      backoffMinMs: 2_000,
      backoffCapMs: 2_000,
    });
  });

  it('leaves an ordered pair alone, including equal values', () => {
    expect(recoveryConfigOf({ recovery: { backoffMinMs: 2_000, backoffCapMs: 9_000 } })).toMatchObject({ backoffMinMs: 2_000, backoffCapMs: 9_000 });
    expect(recoveryConfigOf({ recovery: { backoffMinMs: 9_000, backoffCapMs: 9_000 } })).toMatchObject({ backoffMinMs: 9_000, backoffCapMs: 9_000 });
  });

  it('never raises the cap to meet the minimum', () => {
    expect(recoveryConfigOf({ recovery: { backoffMinMs: 60_000, backoffCapMs: 1_000 } })).toMatchObject({ backoffMinMs: 1_000, backoffCapMs: 1_000 });
  });
});

describe('recoveryConfigOf: next to other settings sections', () => {
  it('reads the recovery overrides when valid silence settings are stored too', () => {
    const stored = { recovery: { graceMs: 3_000 }, silence: { activeBudgetMs: 15_000, pongTimeoutMs: 9_000 } };
    expect(recoveryConfigOf(stored)).toEqual({ ...DEFAULTS, graceMs: 3_000 });
  });

  it('never leaks other sections into the recovery config', () => {
    const config = recoveryConfigOf({ silence: { activeBudgetMs: 15_000 } });
    expect(config).toEqual(DEFAULTS);
    expect(Object.keys(config).sort()).toEqual(Object.keys(DEFAULTS).sort());
  });
});

describe('settingsSchema', () => {
  it('fills in an empty recovery object when none is stored', () => {
    expect(settingsSchema.parse({}).recovery).toEqual({});
  });
});

describe('settings sections are independent', () => {
  it('keeps valid recovery overrides when the silence section is invalid', async () => {
    const { recoveryConfigOf, silenceConfigOf } = await import('../../../src/worker/settings');
    const stored = { recovery: { graceMs: 3000 }, silence: { activeBudgetMs: 500 } };
    expect(recoveryConfigOf(stored).graceMs).toBe(3000);
    expect(silenceConfigOf({ recovery: { graceMs: -1 }, silence: { activeBudgetMs: 15_000 } }).activeBudgetMs).toBe(15_000);
  });
});

describe('recoveryConfigOf: floors against reload storms', () => {
  it.each([
    ['a zero grace', { graceMs: 0 }],
    ['a reload timeout under 2 s', { reloadTimeoutMs: 1_999 }],
    ['a backoff cap under 1 s', { backoffCapMs: 500 }],
    ['100 attempts', { maxAttempts: 100 }],
  ])('ignores %s', (_name, recovery) => {
    expect(recoveryConfigOf({ recovery })).toEqual(DEFAULTS);
  });
});

describe('connectionOptionsOf', () => {
  it('is the one DEFAULT when nothing is stored', async () => {
    const { connectionOptionsOf } = await import('../../../src/worker/settings');
    expect(connectionOptionsOf(undefined)).toEqual(DEFAULT);
    expect(connectionOptionsOf(undefined)).not.toBe(DEFAULT);
  });

  it('lays both sections over DEFAULT and keeps the fields no setting reaches', async () => {
    const { connectionOptionsOf } = await import('../../../src/worker/settings');
    const options = connectionOptionsOf({ recovery: { graceMs: 3_000, maxAttempts: 2 }, silence: { activeBudgetMs: 15_000 } });
    expect(options).toEqual({ ...DEFAULT, graceMs: 3_000, maxAttempts: 2, activeBudgetMs: 15_000 });
  });

  it('keeps the backoff minimum under the cap, as recoveryConfigOf does', async () => {
    const { connectionOptionsOf } = await import('../../../src/worker/settings');
    expect(connectionOptionsOf({ recovery: { backoffMinMs: 5_000, backoffCapMs: 2_000 } })).toMatchObject({ backoffMinMs: 2_000, backoffCapMs: 2_000 });
  });
});
