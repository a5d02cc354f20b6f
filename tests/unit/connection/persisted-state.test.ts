import { describe, expect, it } from 'vitest';
import { initialConnection } from '../../../src/connection/reducer';
import { parseConnectionState } from '../../../src/connection/persisted-state';
import { createFakeShell } from './fake-shell';

const T = 1_756_600_000_000;

/** A real state mid-recovery (backoff after a failed reload, with an open incident), as stored JSON. */
function storedBackoff(): Record<string, unknown> {
  const shell = createFakeShell({ start: T });
  shell.send({ type: 'socketOpened' });
  shell.send({ type: 'frameReceived', isInit: true });
  shell.send({ type: 'stallDetected', cause: 'silence', silentForMs: 11_200 });
  shell.advance(8_000 + 20_000 + 500);
  expect(shell.state.phase).toBe('backoff');
  return JSON.parse(JSON.stringify(shell.state)) as Record<string, unknown>;
}

describe('parseConnectionState', () => {
  it('accepts a stored state and the initial one', () => {
    const valid = storedBackoff();
    expect(parseConnectionState(valid)).toEqual(valid);
    expect(parseConnectionState(JSON.parse(JSON.stringify(initialConnection())))).toEqual(initialConnection());
  });

  it('reads a state stored before the watchdog as unarmed, with the active quiet phase', () => {
    const { lastBatchAt: _lastBatchAt, quietPhase: _quietPhase, ...older } = storedBackoff();
    expect(older).not.toHaveProperty('lastBatchAt');
    expect(parseConnectionState(older)).toEqual({ ...older, lastBatchAt: null, quietPhase: 'active' });
  });

  it('refuses an unknown quiet phase', () => {
    expect(parseConnectionState({ ...storedBackoff(), quietPhase: 'asleep' })).toBeNull();
  });

  it.each([
    ['nothing', () => undefined],
    ['a string', () => 'grace'],
    ['an unknown phase', () => ({ ...storedBackoff(), phase: 'panicking' })],
    ['a negative attempt', () => ({ ...storedBackoff(), attempt: -1 })],
    ['a fractional attempt', () => ({ ...storedBackoff(), attempt: 1.5 })],
    ['a missing field', () => ({ phase: 'grace', attempt: 0, deadline: 1 })],
    ['a string deadline', () => ({ ...storedBackoff(), deadline: '1756600055000' })],
    ['an unknown fault', () => ({ ...storedBackoff(), fault: 'gremlins' })],
    ['an incident with an unknown cause', () => ({ ...storedBackoff(), incident: { ...(storedBackoff().incident as object), cause: { kind: 'gremlins' } } })],
    ['a damaged socket record', () => ({ ...storedBackoff(), socket: { open: 'yes' } })],
    // Before the connection reducer, a session stored its recovery state on its own, like this.
    [
      'an older release’s recovery state',
      () => ({ phase: 'backoff', attempt: 3, deadline: T + 55_000, recoveryStartedAt: T, fault: 'stall', socketOpenedAt: null }),
    ],
  ])('rejects %s', (_label, stored) => {
    expect(parseConnectionState(stored())).toBeNull();
  });
});
