import { reloadBackoffMs } from './backoff';
import { DEFAULT_RECOVERY_CONFIG, type RecoveryConfig } from './recovery-config';
import {
  attemptFailedMessage,
  dropMessage,
  gaveUpMessage,
  MESSAGES,
  reconnectedMessage,
  reloadMessage,
  stallMessage,
} from './recovery-messages';
import type { RecoveryAction, RecoveryDecision, RecoveryInput, RecoveryPhase, RecoveryState } from './recovery-types';
import { formatDuration } from '../health/format-duration';

/**
 * The recovery policy for one draft tab: when to wait, when to reload, when to give up.
 *
 * Missed SELECTED frames are never replayed and REST cannot backfill a live draft
 * (protocol.md §0.2, §3.5), so the only cure for a dead feed is a new socket, whose INIT holds
 * every pick so far. The policy first lets ESPN's client reconnect by itself, then reloads the tab
 * with jittered exponential backoff, and finally hands over to the user.
 *
 * Pure: time and randomness are parameters; effects come back as data. One timer at most is
 * pending (`state.deadline`); a `timerFired` before that deadline just re-arms it, so stale or
 * early timers and a worker resumed from storage are all handled by the same path.
 */

export function initialRecoveryState(): RecoveryState {
  return { phase: 'watching', attempt: 0, deadline: null, recoveryStartedAt: null, fault: null, socketOpenedAt: null };
}

/** Phases in which a recovery is under way (grace, a reload in flight, or waiting between reloads). */
function isRecovering(phase: RecoveryPhase): boolean {
  return phase === 'grace' || phase === 'reloading' || phase === 'backoff';
}

function log(level: 'debug' | 'info' | 'warn' | 'error', message: string): RecoveryAction {
  return { type: 'log', level, message };
}

/** Ends a recovery (or a `failed`/`kicked` wait) because the new socket delivered its INIT. */
function recovered(state: RecoveryState, now: number, message?: string): RecoveryDecision {
  const elapsed = now - (state.recoveryStartedAt ?? now);
  return {
    state: initialRecoveryState(),
    actions: [log('info', message ?? reconnectedMessage(elapsed, state.attempt)), { type: 'clearNotification' }],
  };
}

function startReload(state: RecoveryState, attempt: number, now: number, config: RecoveryConfig, why: string | null): RecoveryDecision {
  const deadline = now + config.reloadTimeoutMs;
  return {
    state: { ...state, phase: 'reloading', attempt, deadline, socketOpenedAt: null },
    actions: [
      log('info', reloadMessage(attempt, config.maxAttempts, why)),
      { type: 'reloadTab' },
      { type: 'wait', untilMs: deadline },
    ],
  };
}

/** Leaves for a phase where no reload may ever happen; the pending timer becomes stale. */
function stop(state: RecoveryState, phase: RecoveryPhase, level: 'info' | 'warn', message: string): RecoveryDecision {
  return {
    state: { ...initialRecoveryState(), phase },
    actions: [log(level, message), ...(state.phase === 'failed' ? [{ type: 'clearNotification' } as const] : [])],
  };
}

/** A new socket during grace or backoff: ESPN's client is reconnecting, so hold any reload until its INIT is due. */
function onSocketOpenedWhileWaiting(state: RecoveryState, now: number, config: RecoveryConfig): RecoveryDecision {
  const deadline = Math.max(state.deadline ?? now, now + config.espnSocketInitTimeoutMs);
  return {
    state: { ...state, deadline, socketOpenedAt: now },
    actions: [log('info', MESSAGES.espnSocketOpened), { type: 'wait', untilMs: deadline }],
  };
}

function onTimerFired(state: RecoveryState, now: number, random: () => number, config: RecoveryConfig): RecoveryDecision {
  if (!isRecovering(state.phase) || state.deadline === null) return { state, actions: [] };
  // Early or stale timer (or the worker resumed before the deadline): re-arm, decide later.
  if (now < state.deadline) return { state, actions: [{ type: 'wait', untilMs: state.deadline }] };

  switch (state.phase) {
    case 'grace': {
      const why =
        state.socketOpenedAt !== null
          ? `ESPN's new socket sent no snapshot within ${formatDuration(now - state.socketOpenedAt)}`
          : `ESPN did not reconnect within ${formatDuration(config.graceMs)}`;
      return startReload(state, 1, now, config, why);
    }
    case 'backoff':
      return startReload(state, state.attempt + 1, now, config, null);
    case 'reloading': {
      if (state.attempt >= config.maxAttempts) {
        return {
          state: { ...state, phase: 'failed', deadline: null, socketOpenedAt: null },
          actions: [log('error', gaveUpMessage(state.attempt)), { type: 'notifyFailed' }],
        };
      }
      const delay = reloadBackoffMs(state.attempt, random, config);
      const deadline = now + delay;
      return {
        state: { ...state, phase: 'backoff', deadline, socketOpenedAt: null },
        actions: [
          log('warn', attemptFailedMessage(state.attempt, config.maxAttempts, config.reloadTimeoutMs, delay)),
          { type: 'wait', untilMs: deadline },
        ],
      };
    }
    default:
      return { state, actions: [] };
  }
}

/**
 * Decides what to do about one input.
 *
 * @param now    epoch ms
 * @param random returns a number in [0, 1); used only for backoff jitter
 */
export function decideRecovery(
  state: RecoveryState,
  input: RecoveryInput,
  now: number,
  random: () => number,
  config: RecoveryConfig = DEFAULT_RECOVERY_CONFIG,
): RecoveryDecision {
  const none: RecoveryDecision = { state, actions: [] };
  const { phase } = state;

  // A closed tab is final; a finished draft has nothing left to miss.
  if (phase === 'tabClosed') return none;
  if (input.type === 'tabClosed') return stop(state, 'tabClosed', 'info', MESSAGES.tabClosed);
  if (phase === 'draftComplete') {
    return input.type === 'manualReloadRequested'
      ? { state, actions: [log('info', MESSAGES.noReloadComplete)] }
      : none;
  }
  if (input.type === 'draftCompleted') return stop(state, 'draftComplete', 'info', MESSAGES.draftComplete);

  switch (input.type) {
    case 'dropDetected':
    case 'stallDetected': {
      // One recovery at a time; and after a kick, a give-up or a navigation only the user restarts it.
      if (phase !== 'watching') return none;
      const deadline = now + config.graceMs;
      const message = input.type === 'dropDetected' ? dropMessage(input.cause) : stallMessage(input.cause, input.silentForMs);
      return {
        state: {
          phase: 'grace',
          attempt: 0,
          deadline,
          recoveryStartedAt: now,
          fault: input.type === 'dropDetected' ? 'drop' : 'stall',
          socketOpenedAt: null,
        },
        actions: [log('warn', message), { type: 'wait', untilMs: deadline }],
      };
    }

    case 'framesResumed':
      // Only the very socket that stalled can resume; after any reload it is gone.
      if (phase === 'grace' && state.fault === 'stall' && state.socketOpenedAt === null) {
        return recovered(state, now, MESSAGES.resumed(now - (state.recoveryStartedAt ?? now)));
      }
      return none;

    case 'socketOpened':
      if (phase === 'grace' || phase === 'backoff') return onSocketOpenedWhileWaiting(state, now, config);
      if (phase === 'reloading' || phase === 'failed' || phase === 'kicked') {
        // The per-attempt timeout already covers socket + INIT; just note the progress.
        return {
          state: { ...state, socketOpenedAt: now },
          actions: phase === 'reloading' ? [log('debug', MESSAGES.reloadedSocketOpened)] : [],
        };
      }
      return none;

    case 'initReceived':
      if (isRecovering(phase) || phase === 'failed' || phase === 'kicked') return recovered(state, now);
      if (phase === 'navigatedAway') return { state: initialRecoveryState(), actions: [log('info', MESSAGES.backInRoom)] };
      return none;

    case 'timerFired':
      return onTimerFired(state, now, random, config);

    case 'tabNavigatedAway':
      if (phase === 'navigatedAway') return none;
      return stop(state, 'navigatedAway', 'info', MESSAGES.navigatedAway);

    case 'kicked':
      if (phase === 'kicked' || phase === 'navigatedAway') return none;
      return stop(state, 'kicked', 'warn', MESSAGES.kicked);

    case 'manualReloadRequested': {
      if (phase === 'navigatedAway') return { state, actions: [log('info', MESSAGES.noReloadGone)] };
      // The user's request starts a fresh count: they saw the failure and want another full try.
      const fresh: RecoveryState = {
        ...state,
        recoveryStartedAt: isRecovering(phase) || phase === 'failed' ? (state.recoveryStartedAt ?? now) : now,
        fault: state.fault ?? 'drop',
      };
      const decision = startReload(fresh, 1, now, config, null);
      return {
        state: decision.state,
        actions: [log('info', MESSAGES.manualReload), { type: 'clearNotification' }, ...decision.actions.slice(1)],
      };
    }
  }
}
