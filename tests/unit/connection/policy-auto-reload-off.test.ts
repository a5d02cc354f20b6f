import { describe, expect, it } from 'vitest';
import { DEFAULT } from '../../../src/connection/options';
import { createFakeShell } from './fake-shell';

const T = 1_756_600_000_000;
const drop1006 = { type: 'socketClosed', code: 1006, reason: '', wasClean: false } as const;

describe('automatic reload switched off', () => {
  it('still gives ESPN its grace period, then notifies instead of reloading', () => {
    const shell = createFakeShell({ start: T, config: { ...DEFAULT, autoReload: false } });
    shell.send(drop1006);
    shell.advance(DEFAULT.graceMs + 60_000);
    expect(shell.reloadTimes()).toEqual([]);
    expect(shell.count('notifyFailed')).toBe(1);
    expect(shell.state.phase).toBe('failed');
    expect(shell.logs()).toContain('Automatic reload is off in the options; reload the draft tab to recover');
  });

  it('lets ESPN heal the drop by itself during grace', () => {
    const shell = createFakeShell({ start: T, config: { ...DEFAULT, autoReload: false } });
    shell.send(drop1006);
    shell.advance(2_000);
    shell.send({ type: 'socketOpened' });
    shell.send({ type: 'frameReceived', isInit: true });
    shell.advance(DEFAULT.graceMs * 2);
    expect(shell.count('notifyFailed')).toBe(0);
    expect(shell.state.phase).toBe('watching');
  });

  it('reloads when the user asks, even with automatic reload off', () => {
    const shell = createFakeShell({ start: T, config: { ...DEFAULT, autoReload: false } });
    shell.send(drop1006);
    shell.advance(DEFAULT.graceMs);
    shell.send({ type: 'manualReloadRequested' });
    expect(shell.reloadTimes()).toHaveLength(1);
  });
});
