import { describe, expect, it } from 'vitest';
import { initialConnection } from '../../../src/connection/reducer';
import { feedInputs } from '../../../src/connection/feed-inputs';
import { DEFAULT } from '../../../src/connection/options';
import { createFakeShell, recoveryOf } from './fake-shell';

const T = 1_756_600_000_000;

/** A tab whose socket delivered its INIT and is being watched. */
function syncedShell() {
  const shell = createFakeShell({ start: T });
  shell.send({ type: 'socketOpened' });
  shell.advance(220);
  shell.send({ type: 'frameReceived', isInit: true });
  shell.advance(60_000);
  return shell;
}

describe('a commissioner reset (RESET): the snapshot is gone until the next INIT', () => {
  it('the RESET frame becomes a snapshotReset input on the live socket', () => {
    const entries = [{ item: { k: 'frame' as const, sid: 's1', dir: 'in' as const, at: T }, event: { type: 'reset' as const } }];
    expect(feedInputs(entries, 's1')).toEqual([
      { type: 'frameReceived', at: T },
      { type: 'snapshotReset', at: T },
    ]);
  });

  it('a new INIT on the same socket within the INIT wait ends the wait without a reload', () => {
    const shell = syncedShell();
    const actions = shell.send({ type: 'snapshotReset' });
    expect(actions).toEqual([
      { type: 'log', level: 'warn', message: "ESPN reset the draft; waiting for the restarted draft's snapshot" },
      { type: 'wait', untilMs: T + 60_220 + DEFAULT.espnSocketInitTimeoutMs },
    ]);
    expect(shell.state.socket.synced).toBe(false);
    expect(shell.state.incident).toBeNull();
    shell.advance(2_000);
    expect(shell.send({ type: 'frameReceived', isInit: true })).toEqual([
      { type: 'log', level: 'info', message: "ESPN sent the restarted draft's snapshot after 2.0 s" },
      { type: 'clearNotification' },
    ]);
    expect(recoveryOf(shell.state)).toEqual(recoveryOf(initialConnection()));
    shell.advance(10 * 60_000);
    expect(shell.count('reloadTab')).toBe(0);
  });

  it('other frames on the socket do not end the wait; with no INIT in time, the tab is reloaded', () => {
    const shell = syncedShell();
    shell.send({ type: 'snapshotReset' });
    shell.advance(4_000);
    shell.send({ type: 'frameReceived' });
    shell.advance(DEFAULT.espnSocketInitTimeoutMs - 4_001);
    expect(shell.count('reloadTab')).toBe(0);
    shell.advance(1);
    expect(shell.count('reloadTab')).toBe(1);
    expect(shell.state.phase).toBe('reloading');
  });

  it('during a recovery already under way, a RESET changes nothing: that recovery waits for an INIT anyway', () => {
    const shell = syncedShell();
    shell.send({ type: 'socketClosed', code: 1006, reason: '', wasClean: false });
    const before = shell.state;
    expect(shell.send({ type: 'snapshotReset' })).toEqual([]);
    expect(recoveryOf(shell.state)).toEqual(recoveryOf(before));
  });
});
