import type { StallCause } from '../health/silence';

/**
 * Where the recovery of one draft tab stands.
 * - `watching`: healthy; nothing to do.
 * - `grace`: the feed dropped or stalled; ESPN's own client gets a chance to reconnect.
 * - `reloading`: we reloaded the tab and wait for a new socket + INIT.
 * - `backoff`: a reload did not help; waiting (jittered) before the next one.
 * - `failed`: attempts exhausted; the user was notified and must act.
 * - `kicked`: ESPN moved the draft to another tab/device (`LEFT <me> <swid> 2`); reloading would
 *   kick that session in turn, so we wait for the user.
 * - `draftComplete`, `navigatedAway`, `tabClosed`: nothing left to protect; never reload.
 */
export type RecoveryPhase =
  | 'watching'
  | 'grace'
  | 'reloading'
  | 'backoff'
  | 'failed'
  | 'kicked'
  | 'draftComplete'
  | 'navigatedAway'
  | 'tabClosed';

/** Whether the feed broke (socket gone) or went quiet (socket still open and may speak again). */
export type FaultKind = 'drop' | 'stall';

/**
 * The policy's whole memory. Plain JSON (numbers, strings, null) so the worker can persist it to
 * IndexedDB and resume after the browser kills it.
 */
export interface RecoveryState {
  phase: RecoveryPhase;
  /** Reloads made in the current recovery; during `reloading` it is the attempt in flight. */
  attempt: number;
  /** When the pending wait ends (epoch ms); the shell sends `timerFired` at or after it. */
  deadline: number | null;
  /** When the fault being recovered was detected; the "Reconnected after …" clock starts here. */
  recoveryStartedAt: number | null;
  fault: FaultKind | null;
  /** When a new socket opened during this recovery (waiting for its INIT), or null. */
  socketOpenedAt: number | null;
}

/** How a drop showed itself, for the log line. */
/** `frames-lost`: the socket is open but its stream has a hole (a lost relay batch); only a new INIT fills it. */
export type DropCause = { kind: 'close'; code: number } | { kind: 'error' } | { kind: 'frames-lost' };

export type RecoveryInput =
  | { type: 'dropDetected'; cause: DropCause }
  | { type: 'stallDetected'; cause: StallCause; silentForMs: number }
  /** The stalled socket delivered frames again: nothing was lost (TCP keeps order). */
  | { type: 'framesResumed' }
  | { type: 'socketOpened' }
  | { type: 'initReceived' }
  | { type: 'timerFired' }
  | { type: 'tabNavigatedAway' }
  | { type: 'tabClosed' }
  | { type: 'draftCompleted' }
  | { type: 'kicked' }
  | { type: 'manualReloadRequested' };

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What the shell must do. Data only: the policy never touches a timer, a tab or a notification. */
export type RecoveryAction =
  /** (Re)arm the single recovery timer for `untilMs` (epoch ms), replacing any earlier one. */
  | { type: 'wait'; untilMs: number }
  | { type: 'reloadTab' }
  /** Show "Draft Watch lost the draft" with a "Reload now" button (→ manualReloadRequested). */
  | { type: 'notifyFailed' }
  | { type: 'clearNotification' }
  | { type: 'log'; level: LogLevel; message: string };

export interface RecoveryDecision {
  state: RecoveryState;
  actions: RecoveryAction[];
}
