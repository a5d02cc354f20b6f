import { describe, expect, it } from 'vitest';
import { newTabSession, restoreTabSession, type StoredTabSession } from '../../../src/store/records';
import { initialConnection } from '../../../src/connection/reducer';

describe('restoreTabSession', () => {
  it('keeps a stored connection state that is valid', () => {
    const session = newTabSession(7, 1_000);
    const recovering = {
      ...session,
      connection: { ...session.connection, phase: 'grace' as const, deadline: 9_000, recoveryStartedAt: 1_000, fault: 'drop' as const },
    };
    expect(restoreTabSession(recovering)).toEqual(recovering);
  });

  it('starts over from watching when the stored connection state is damaged, so no reload acts on it', () => {
    const session = newTabSession(7, 1_000);
    const damaged = { ...session, connection: { phase: 'reloading', attempt: 'x', deadline: -5 } as never };
    expect(restoreTabSession(damaged).connection).toEqual(initialConnection());
    expect(restoreTabSession(damaged).tabId).toBe(7);
  });

  it('reads a session stored by an older release (separate health and recovery) as a fresh watching one', () => {
    const old: StoredTabSession = {
      tabId: 7,
      draftId: 'ffl:1:2025',
      sockets: {},
      activeSocketId: null,
      updatedAt: 1_000,
      health: { status: 'recovering', draftComplete: false, socketOpen: false, drops: 1 },
      recovery: { phase: 'reloading', attempt: 2, deadline: 9_000, recoveryStartedAt: 1_000, fault: 'drop', socketOpenedAt: null },
    };
    const restored = restoreTabSession(old);
    expect(restored.connection).toEqual(initialConnection());
    expect(restored.connection.phase).toBe('watching');
    expect(restored).toMatchObject({ tabId: 7, draftId: 'ffl:1:2025' });
    expect(Object.keys(restored)).not.toContain('health');
    expect(Object.keys(restored)).not.toContain('recovery');
  });
});
