import { describe, expect, it } from 'vitest';
import { DEFAULT } from '../../../src/connection/options';
import type { Phase } from '../../../src/connection/types';
import { createFakeShell, type FakeShell, type ShellInput } from './fake-shell';

const T = 1_756_600_000_000;
const drop1006: ShellInput = { type: 'socketClosed', code: 1006, reason: '', wasClean: false };

/** Everything that could possibly provoke a reload, thrown at a shell over 30 simulated minutes. */
function provoke(shell: FakeShell) {
  const inputs: ShellInput[] = [
    drop1006,
    { type: 'stallDetected', cause: 'silence', silentForMs: 12_000 },
    { type: 'socketError' },
    { type: 'timerFired' },
    { type: 'socketOpened' },
    { type: 'frameReceived' },
  ];
  for (let i = 0; i < 60; i++) {
    shell.send(inputs[i % inputs.length]!);
    shell.advance(30_000);
  }
}

/** Brings a shell to each stage of a recovery, so the stop signals are tried in all of them. */
const STAGES: Record<string, (shell: FakeShell) => void> = {
  healthy: () => {},
  'in the grace period': (shell) => {
    shell.send(drop1006);
    shell.advance(3_000);
  },
  'with a reload in flight': (shell) => {
    shell.send(drop1006);
    shell.advance(DEFAULT.graceMs + 1_000);
  },
  'between reloads': (shell) => {
    shell.send(drop1006);
    shell.advance(DEFAULT.graceMs + DEFAULT.reloadTimeoutMs + 1);
  },
  'after giving up': (shell) => {
    shell.send(drop1006);
    shell.advance(30 * 60_000);
  },
};

const STOPS: [ShellInput, Phase][] = [
  [{ type: 'kicked' }, 'kicked'],
  [{ type: 'draftCompleted' }, 'complete'],
  [{ type: 'tabNavigatedAway' }, 'navigatedAway'],
  [{ type: 'tabClosed' }, 'tabClosed'],
];

describe('never reload after kick, draft end, navigation or tab close', () => {
  for (const [stop, phase] of STOPS) {
    for (const [stage, reach] of Object.entries(STAGES)) {
      it(`${stop.type} ${stage}: no reload, ever`, () => {
        const shell = createFakeShell({ start: T });
        reach(shell);
        const reloadsBefore = shell.count('reloadTab');
        const notificationsBefore = shell.count('notifyFailed');
        shell.send(stop);
        expect(shell.state.phase).toBe(phase);
        expect(shell.state.deadline).toBeNull();
        provoke(shell);
        expect(shell.count('reloadTab')).toBe(reloadsBefore);
        expect(shell.count('notifyFailed')).toBe(notificationsBefore);
        expect(shell.state.phase).toBe(phase);
      });
    }
  }
});

describe('kicked for a duplicate connection', () => {
  it('explains why it does not reload', () => {
    const shell = createFakeShell({ start: T });
    expect(shell.send({ type: 'kicked' })).toEqual([
      {
        type: 'log',
        level: 'warn',
        message:
          'ESPN disconnected this tab because the draft was opened in another tab or device; not reloading, since that would disconnect the other one',
      },
    ]);
  });

  it('stays put until the user acts: reconnecting in ESPN’s dialog brings it back', () => {
    const shell = createFakeShell({ start: T });
    shell.send({ type: 'kicked' });
    shell.advance(45_000);
    shell.send({ type: 'socketOpened' });
    shell.send({ type: 'frameReceived', isInit: true });
    expect(shell.state.phase).toBe('watching');
    expect(shell.count('reloadTab')).toBe(0);
  });

  it('reloads when the user asks for it', () => {
    const shell = createFakeShell({ start: T });
    shell.send({ type: 'kicked' });
    shell.send({ type: 'manualReloadRequested' });
    expect(shell.count('reloadTab')).toBe(1);
    expect(shell.state).toMatchObject({ phase: 'reloading', attempt: 1 });
  });

  it('clears the failure notification when a kick follows giving up', () => {
    const shell = createFakeShell({ start: T });
    shell.send(drop1006);
    shell.advance(30 * 60_000);
    expect(shell.send({ type: 'kicked' })).toContainEqual({ type: 'clearNotification' });
  });
});

describe('draft complete, navigated away, tab closed', () => {
  it('refuses a manual reload after the draft is complete', () => {
    const shell = createFakeShell({ start: T });
    shell.send({ type: 'draftCompleted' });
    expect(shell.send({ type: 'manualReloadRequested' })).toEqual([
      { type: 'log', level: 'info', message: 'The draft is complete; not reloading' },
    ]);
    expect(shell.count('reloadTab')).toBe(0);
  });

  it('refuses a manual reload once the tab left the draft room', () => {
    const shell = createFakeShell({ start: T });
    shell.send({ type: 'tabNavigatedAway' });
    shell.send({ type: 'manualReloadRequested' });
    expect(shell.count('reloadTab')).toBe(0);
    expect(shell.logs()).toContain('The draft tab is no longer in the draft room; not reloading');
  });

  it('resumes watching when the tab comes back to the draft room', () => {
    const shell = createFakeShell({ start: T });
    shell.send({ type: 'tabNavigatedAway' });
    shell.send({ type: 'frameReceived', isInit: true });
    expect(shell.state.phase).toBe('watching');
    shell.send(drop1006);
    shell.advance(DEFAULT.graceMs);
    expect(shell.count('reloadTab')).toBe(1);
  });

  it('ignores everything after the tab closed, including manual reloads and completion', () => {
    const shell = createFakeShell({ start: T });
    shell.send({ type: 'tabClosed' });
    for (const input of [{ type: 'manualReloadRequested' }, { type: 'frameReceived', isInit: true }, { type: 'draftCompleted' }, { type: 'kicked' }] as const) {
      expect(shell.send(input)).toEqual([]);
    }
    expect(shell.state.phase).toBe('tabClosed');
  });

  it('logs why recovery stopped', () => {
    const shell = createFakeShell({ start: T });
    shell.send(drop1006);
    expect(shell.send({ type: 'draftCompleted' })).toEqual([{ type: 'log', level: 'info', message: 'Draft complete; no more reloads' }]);
  });
});
