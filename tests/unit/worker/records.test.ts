import { describe, expect, it } from 'vitest';
import { newTabSession, restoreTabSession } from '../../../src/worker/records';
import { initialRecoveryState } from '../../../src/recovery/policy';

describe('restoreTabSession', () => {
  it('keeps a stored recovery state that is valid', () => {
    const session = newTabSession(7, 1_000);
    const recovering = { ...session, recovery: { ...session.recovery, phase: 'grace' as const, deadline: 9_000, recoveryStartedAt: 1_000, fault: 'drop' as const } };
    expect(restoreTabSession(recovering)).toEqual(recovering);
  });

  it('starts over from watching when the stored recovery state is damaged, so no reload acts on it', () => {
    const session = newTabSession(7, 1_000);
    const damaged = { ...session, recovery: { phase: 'reloading', attempt: 'x', deadline: -5 } as never };
    expect(restoreTabSession(damaged).recovery).toEqual(initialRecoveryState());
    expect(restoreTabSession(damaged).tabId).toBe(7);
  });
});
