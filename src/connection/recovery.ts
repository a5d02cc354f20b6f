import type { LogEntry } from '../draft/types';
import { reloadBackoffMs } from './backoff';
import { formatDuration } from './format-duration';
import { updateIncident } from './incident';
import { attemptFailedMessage, gaveUpMessage, MESSAGES, reconnectedMessage, reloadHeldMessage, reloadMessage } from './messages';
import type { ConnectionAction, ConnectionContext, ConnectionState, ConnectionStep, Phase } from './types';

/**
 * The recovery policy's steps: when to wait, when to reload, when to give up.
 *
 * Missed SELECTED frames are never replayed and REST cannot backfill a live draft
 * (protocol.md §0.2, §3.5), so the only cure for a dead feed is a new socket, whose INIT holds
 * every pick so far. The policy first lets ESPN's client reconnect by itself, then reloads the tab
 * with jittered exponential backoff, and finally hands over to the user.
 *
 * One timer at most is pending (`state.deadline`); a `timerFired` before that deadline just re-arms
 * it, so stale or early timers and a worker resumed from storage are all handled by the same path.
 */

/** The recovery fields of a tab with nothing to recover. */
export const NOT_RECOVERING = {
  phase: 'watching',
  attempt: 0,
  deadline: null,
  recoveryStartedAt: null,
  fault: null,
  newSocketOpenedAt: null,
} as const satisfies Partial<ConnectionState>;

/** Phases in which a recovery is under way (grace, a reload in flight, or waiting between reloads). */
export function isRecovering(phase: Phase): boolean {
  return phase === 'grace' || phase === 'reloading' || phase === 'backoff';
}

export function logLine(ctx: ConnectionContext, level: LogEntry['level'], message: string): LogEntry {
  return { at: ctx.now, level, kind: 'recovery', message };
}

export function unchanged(state: ConnectionState): ConnectionStep {
  return { state, actions: [], log: [] };
}

/** Ends a recovery (or a `failed`/`kicked` wait): the feed carries the draft again. */
export function recovered(state: ConnectionState, ctx: ConnectionContext, message?: string): ConnectionStep {
  const elapsed = ctx.now - (state.recoveryStartedAt ?? ctx.now);
  return {
    state: { ...state, ...NOT_RECOVERING },
    actions: [{ type: 'clearNotification' }],
    log: [logLine(ctx, 'info', message ?? reconnectedMessage(elapsed, state.attempt))],
  };
}

/** Reloads the tab as attempt `attempt`; the open incident counts the reload. */
export function startReload(state: ConnectionState, attempt: number, ctx: ConnectionContext, why: string | null): ConnectionStep {
  const deadline = ctx.now + ctx.options.reloadTimeoutMs;
  const open = state.incident;
  const counted = open
    ? { ...updateIncident(state, { reloadAttempts: Math.max(open.reloadAttempts, attempt) }), reloadInFlight: true }
    : state;
  const recentReloads = [...reloadsInWindow(state, ctx), ctx.now].slice(-ctx.options.maxReloadsPerWindow);
  return {
    state: { ...counted, phase: 'reloading', attempt, deadline, newSocketOpenedAt: null, recentReloads },
    actions: [{ type: 'reloadTab' }, { type: 'wait', untilMs: deadline }],
    log: [logLine(ctx, 'info', reloadMessage(attempt, ctx.options.maxAttempts, why))],
  };
}

/** The tab's reloads still inside the rolling window at `ctx.now`. */
function reloadsInWindow(state: ConnectionState, ctx: ConnectionContext): number[] {
  return state.recentReloads.filter((at) => at > ctx.now - ctx.options.reloadWindowMs && at <= ctx.now);
}

/**
 * An automatic reload, unless the tab already had `maxReloadsPerWindow` in the window: then the
 * attempt waits, as a backoff, until the oldest of them leaves it. Whatever the page does, a
 * tab is never reloaded more often than that.
 */
export function reloadWithinLimit(state: ConnectionState, attempt: number, ctx: ConnectionContext, why: string | null): ConnectionStep {
  const recent = reloadsInWindow(state, ctx);
  if (recent.length < ctx.options.maxReloadsPerWindow) return startReload(state, attempt, ctx, why);
  const deadline = recent[recent.length - ctx.options.maxReloadsPerWindow]! + ctx.options.reloadWindowMs;
  return {
    // `backoff` with the attempt not yet made: its timer makes attempt `attempt`.
    state: { ...state, phase: 'backoff', attempt: attempt - 1, deadline, newSocketOpenedAt: null, recentReloads: recent },
    actions: [{ type: 'wait', untilMs: deadline }],
    log: [logLine(ctx, 'warn', reloadHeldMessage(recent.length, ctx.options.reloadWindowMs, deadline - ctx.now))],
  };
}

/** Leaves for a phase where no reload may ever happen; the pending timer becomes stale. */
export function stop(state: ConnectionState, phase: Phase, level: 'info' | 'warn', message: string, ctx: ConnectionContext): ConnectionStep {
  const actions: ConnectionAction[] = state.phase === 'failed' ? [{ type: 'clearNotification' }] : [];
  return { state: { ...state, ...NOT_RECOVERING, phase }, actions, log: [logLine(ctx, level, message)] };
}

/** A new socket during grace or backoff: ESPN's client is reconnecting, so hold any reload until its INIT is due. */
export function holdForNewSocket(state: ConnectionState, ctx: ConnectionContext): ConnectionStep {
  const deadline = Math.max(state.deadline ?? ctx.now, ctx.now + ctx.options.espnSocketInitTimeoutMs);
  return {
    state: { ...state, deadline, newSocketOpenedAt: ctx.now },
    actions: [{ type: 'wait', untilMs: deadline }],
    log: [logLine(ctx, 'info', MESSAGES.espnSocketOpened)],
  };
}

export function onTimerFired(state: ConnectionState, ctx: ConnectionContext): ConnectionStep {
  const { now, options } = ctx;
  if (!isRecovering(state.phase) || state.deadline === null) return unchanged(state);
  // Early or stale timer (or the worker resumed before the deadline): re-arm, decide later.
  if (now < state.deadline) return { state, actions: [{ type: 'wait', untilMs: state.deadline }], log: [] };

  switch (state.phase) {
    case 'grace': {
      if (!options.autoReload) {
        return {
          state: { ...state, phase: 'failed', deadline: null, newSocketOpenedAt: null, reloadInFlight: false },
          actions: [{ type: 'notifyFailed' }],
          log: [logLine(ctx, 'warn', MESSAGES.autoReloadOff)],
        };
      }
      const why =
        state.fault === 'reset'
          ? `ESPN sent no snapshot of the restarted draft within ${formatDuration(now - (state.recoveryStartedAt ?? now))}`
          : state.newSocketOpenedAt !== null
          ? `ESPN's new socket sent no snapshot within ${formatDuration(now - state.newSocketOpenedAt)}`
          : `ESPN did not reconnect within ${formatDuration(options.graceMs)}`;
      return reloadWithinLimit(state, 1, ctx, why);
    }
    case 'backoff':
      return reloadWithinLimit(state, state.attempt + 1, ctx, null);
    default: {
      if (state.attempt >= options.maxAttempts) {
        const gaveUp = updateIncident(state, { gaveUp: true });
        return {
          // The next reload is the user's; the limit's count starts again from there.
          state: { ...gaveUp, phase: 'failed', deadline: null, newSocketOpenedAt: null, reloadInFlight: false, recentReloads: [] },
          actions: [{ type: 'notifyFailed' }],
          log: [logLine(ctx, 'error', gaveUpMessage(state.attempt))],
        };
      }
      const delay = reloadBackoffMs(state.attempt, ctx.random, options);
      const deadline = now + delay;
      return {
        state: { ...state, phase: 'backoff', deadline, newSocketOpenedAt: null },
        actions: [{ type: 'wait', untilMs: deadline }],
        log: [logLine(ctx, 'warn', attemptFailedMessage(state.attempt, options.maxAttempts, options.reloadTimeoutMs, delay))],
      };
    }
  }
}

export function onManualReload(state: ConnectionState, ctx: ConnectionContext): ConnectionStep {
  const { phase } = state;
  if (phase === 'complete') return { state, actions: [], log: [logLine(ctx, 'info', MESSAGES.noReloadComplete)] };
  if (phase === 'navigatedAway') return { state, actions: [], log: [logLine(ctx, 'info', MESSAGES.noReloadGone)] };
  // The user's request starts a fresh count: they saw the failure and want another full try.
  const fresh: ConnectionState = {
    ...state,
    recoveryStartedAt: isRecovering(phase) || phase === 'failed' ? (state.recoveryStartedAt ?? ctx.now) : ctx.now,
    fault: state.fault ?? 'drop',
  };
  const reload = startReload(fresh, 1, ctx, null);
  return {
    state: reload.state,
    actions: [{ type: 'clearNotification' }, ...reload.actions],
    log: [logLine(ctx, 'info', MESSAGES.manualReload)],
  };
}
