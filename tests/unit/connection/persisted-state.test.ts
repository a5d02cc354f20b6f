import { describe, expect, it } from 'vitest';
import { initialRecoveryState } from '../../../src/recovery/policy';
import { parseRecoveryState } from '../../../src/recovery/persisted-state';

const valid = {
  phase: 'backoff',
  attempt: 3,
  deadline: 1_756_600_055_000,
  recoveryStartedAt: 1_756_600_000_000,
  fault: 'stall',
  socketOpenedAt: null,
};

describe('parseRecoveryState', () => {
  it('accepts a stored state and the initial one', () => {
    expect(parseRecoveryState(valid)).toEqual(valid);
    expect(parseRecoveryState(JSON.parse(JSON.stringify(initialRecoveryState())))).toEqual(initialRecoveryState());
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'grace'],
    ['an unknown phase', { ...valid, phase: 'panicking' }],
    ['a negative attempt', { ...valid, attempt: -1 }],
    ['a fractional attempt', { ...valid, attempt: 1.5 }],
    ['a missing field', { phase: 'grace', attempt: 0, deadline: 1 }],
    ['a string deadline', { ...valid, deadline: '1756600055000' }],
    ['an unknown fault', { ...valid, fault: 'gremlins' }],
  ])('rejects %s', (_label, stored) => {
    expect(parseRecoveryState(stored)).toBeNull();
  });
});
