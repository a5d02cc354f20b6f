import type { LogEntry } from '../draft/types';
import type { HeartbeatStats } from './heartbeat';
import type { IncidentBook } from './incident';
import type { Options } from './options';
import type { SilencePhase, StallCause } from './silence';

/**
 * Where the watch over one draft tab stands: the one story that health and recovery used to tell
 * twice. What the popup shows ("Live", "Stalled", …) is derived from the whole state by
 * `displayStatus` (status.ts), never stored.
 * - `watching`: nothing to do; faults are noticed and start a recovery.
 * - `grace`: the feed dropped or stalled; ESPN's own client gets a chance to reconnect.
 * - `reloading`: we reloaded the tab and wait for a new socket + INIT.
 * - `backoff`: a reload did not help; waiting (jittered) before the next one.
 * - `failed`: attempts exhausted; the user was notified and must act.
 * - `kicked`: ESPN moved the draft to another tab/device (`LEFT <me> <swid> 2`); reloading would
 *   kick that session in turn, so we wait for the user.
 * - `complete`: the draft is over; nothing can be missed, so nothing is ever reloaded.
 * - `navigatedAway`: the tab left the draft room; watching resumes if it comes back.
 * - `tabClosed`: final.
 */
export type Phase =
  | 'watching'
  | 'grace'
  | 'reloading'
  | 'backoff'
  | 'failed'
  | 'kicked'
  | 'complete'
  | 'navigatedAway'
  | 'tabClosed';

/**
 * Whether the feed broke (socket gone, or its stream has a hole), went quiet (socket open and may
 * speak again), or lost its snapshot to a commissioner reset (the socket works; its next INIT is due).
 */
export type FaultKind = 'drop' | 'stall' | 'reset';

/** What the tab's draft socket has done lately, as seen through its frames. */
export interface SocketActivity {
  open: boolean;
  openedAt: number | null;
  /** The feed carries the whole draft: this socket delivered INIT (or a stalled socket spoke again). */
  synced: boolean;
  /** Last frame either way. */
  lastFrameAt: number | null;
  /** Last frame from ESPN: the feed's last sign of life. */
  lastInboundAt: number | null;
  lastPingSentAt: number | null;
  lastPongAt: number | null;
}

/**
 * The connection's whole memory for one tab. Plain JSON (numbers, strings, booleans, null) so the
 * worker can persist it in IndexedDB and resume after the browser kills it.
 */
export interface ConnectionState extends IncidentBook {
  phase: Phase;
  /** Reloads made in the current recovery; during `reloading` it is the attempt in flight. */
  attempt: number;
  /** When the pending wait ends (epoch ms); the shell sends `timerFired` at or after it. */
  deadline: number | null;
  /** When the fault being recovered was detected; the "Reconnected after …" clock starts here. */
  recoveryStartedAt: number | null;
  fault: FaultKind | null;
  /** When a new socket opened during this recovery (its INIT still due), or null. */
  newSocketOpenedAt: number | null;
  /** When this tab was reloaded within the last reload window (worker clock), oldest first; for the rate limit. */
  recentReloads: number[];
  /** Our own recovery reload is unloading the page; its unload is not the user leaving. */
  reloadInFlight: boolean;
  socket: SocketActivity;
  /** When the worker last received a batch from this tab (worker clock): the watchdog's reference. */
  lastBatchAt: number | null;
  /** Where the draft stood in the last batch that said so; sets how long the tab may stay quiet. */
  quietPhase: SilencePhase;
  heartbeat: HeartbeatStats;
}

/** How a drop showed itself, for the log line. */
export type DropCause = { kind: 'close'; code: number } | { kind: 'error' } | { kind: 'frames-lost' };

/**
 * Everything that can happen to a tab's connection. Inputs from the page carry `at`, the page's
 * time of the event (incident timings use it); decisions use `ctx.now`.
 */
export type ConnectionInput =
  | { type: 'socketOpened'; at: number }
  /** A frame we sent; `isPing` for the page's heartbeat. */
  | { type: 'frameSent'; at: number; isPing: boolean }
  /**
   * A frame from ESPN. `isInit` marks the INIT snapshot, the only proof that a new socket carries
   * the whole draft again; `caughtUp` is how many picks it added. `rttMs` = PONG arrival − the
   * ms the page put in its PING.
   */
  | { type: 'frameReceived'; at: number; isInit?: boolean; caughtUp?: number; isPong?: boolean; rttMs?: number }
  /** A hole in the socket's frame sequence: the feed is unusable until a new INIT. */
  | { type: 'framesLost'; at: number }
  /**
   * ESPN reset the draft (RESET): nothing can be placed until a new INIT. ESPN's page either
   * reloads or gets a new INIT on the same socket; if neither comes in time, we reload.
   */
  | { type: 'snapshotReset'; at: number }
  | { type: 'socketClosed'; at: number; code: number; reason: string; wasClean: boolean }
  | { type: 'socketError'; at: number }
  | { type: 'stallDetected'; at: number; cause: StallCause; silentForMs: number }
  | { type: 'pageUnloaded'; at: number }
  /** ESPN disconnected this tab for a duplicate connection (`LEFT <me> <swid> 2`). */
  | { type: 'kicked'; at: number }
  | { type: 'draftCompleted'; at: number }
  /**
   * The end of every batch from the tab (after its items' inputs): the tab and its relay are alive.
   * `quiet` is the draft's silence phase after the batch, or null when the batch did not say.
   */
  | { type: 'batchReceived'; quiet: SilencePhase | null }
  | { type: 'timerFired' }
  | { type: 'tabNavigatedAway' }
  | { type: 'tabClosed' }
  | { type: 'manualReloadRequested' };

/** What the shell must do. Data only: the reducer never touches a timer, a tab or a notification. */
export type ConnectionAction =
  /** (Re)arm the single recovery timer for `untilMs` (epoch ms), replacing any earlier one. */
  | { type: 'wait'; untilMs: number }
  | { type: 'reloadTab' }
  /** Show "Draft Watch lost the draft" with a "Reload now" button (→ manualReloadRequested). */
  | { type: 'notifyFailed' }
  | { type: 'clearNotification' };

export interface ConnectionContext {
  /** The worker's clock, epoch ms. */
  now: number;
  /** A number in [0, 1); used only for backoff jitter. */
  random: () => number;
  options: Readonly<Options>;
}

export interface ConnectionStep {
  state: ConnectionState;
  actions: ConnectionAction[];
  /** Lines for the draft's event log (kind `recovery`, stamped `ctx.now`), in plain words. */
  log: LogEntry[];
}
