import { addRttSample, EMPTY_HEARTBEAT } from './heartbeat';
import { addPicksCaughtUp, closeIncident, openIncident, updateIncident, type IncidentCause } from './incident';
import { batchesStoppedMessage, dropMessage, MESSAGES, stallMessage } from './messages';
import {
  holdForNewSocket,
  isRecovering,
  logLine,
  NOT_RECOVERING,
  onManualReload,
  onTimerFired,
  recovered,
  stop,
  unchanged,
} from './recovery';
import type { ConnectionContext, ConnectionInput, ConnectionState, ConnectionStep, DropCause, FaultKind } from './types';
import { wasLive, watchdogDueAt } from './watchdog';

/**
 * The connection of one draft tab as one pure reducer: what the page reports (sockets, frames,
 * stalls, unloads), what the tab does (navigates, closes), the recovery timer and the user's
 * "Reload draft tab" all go through `reduceConnection`, which records health and incidents and decides
 * the recovery in the same step, so the two can never disagree.
 *
 * Pure: time and randomness come in `ctx`; effects come back as data (`actions`), and the lines
 * for the draft's event log as `log`.
 */

export function initialConnection(): ConnectionState {
  return {
    ...NOT_RECOVERING,
    recentReloads: [],
    reloadInFlight: false,
    socket: { open: false, openedAt: null, synced: false, lastFrameAt: null, lastInboundAt: null, lastPingSentAt: null, lastPongAt: null },
    lastBatchAt: null,
    quietPhase: 'active',
    heartbeat: EMPTY_HEARTBEAT,
    incident: null,
    incidents: [],
    nextSeq: 1,
    drops: 0,
    recoveries: 0,
  };
}

/** Opens an incident at `at`, closing none: callers close (abandon) an earlier one first. */
function open(state: ConnectionState, cause: IncidentCause, at: number): ConnectionState {
  const opened = openIncident(state, cause, at, state.socket.lastInboundAt);
  return { ...opened, reloadInFlight: false, socket: { ...opened.socket, synced: false } };
}

function close(state: ConnectionState, outcome: 'recovered' | 'abandoned', at: number, ctx: ConnectionContext): ConnectionState {
  if (!state.incident) return state;
  return { ...closeIncident(state, outcome, at, ctx.options.maxIncidents), reloadInFlight: false };
}

/** Applies one input. Pure: returns new objects, never mutates `state`. */
export function reduceConnection(state: ConnectionState, input: ConnectionInput, ctx: ConnectionContext): ConnectionStep {
  // A closed tab is final.
  if (state.phase === 'tabClosed') return unchanged(state);
  switch (input.type) {
    case 'socketOpened':
      return onSocketOpened(state, input.at, ctx);
    case 'frameSent': {
      const socket = { ...state.socket, lastFrameAt: input.at, lastPingSentAt: input.isPing ? input.at : state.socket.lastPingSentAt };
      return unchanged({ ...state, socket });
    }
    case 'frameReceived':
      return onFrameReceived(state, input, ctx);
    case 'snapshotReset':
      return onSnapshotReset(state, ctx);
    case 'framesLost':
      return onFault(state, { kind: 'frames-lost' }, input.at, ctx, 'drop', dropMessage({ kind: 'frames-lost' }));
    case 'socketError':
      // The browser fires `error` then `close`; the close starts the recovery, with its code.
      return onFault(state, { kind: 'error' }, input.at, ctx, null, '');
    case 'socketClosed':
      return onSocketClosed(state, input, ctx);
    case 'stallDetected': {
      const cause: IncidentCause = { kind: input.cause, silentForMs: input.silentForMs };
      return onFault(state, cause, input.at, ctx, 'stall', stallMessage(input.cause, input.silentForMs));
    }
    case 'pageUnloaded':
      return unchanged(onPageUnloaded(state, input.at, ctx));
    case 'kicked': {
      if (state.phase === 'kicked' || state.phase === 'navigatedAway' || state.phase === 'complete') return unchanged(state);
      const kicked = open(close(state, 'abandoned', input.at, ctx), { kind: 'kicked' }, input.at);
      return stop(kicked, 'kicked', 'warn', MESSAGES.kicked, ctx);
    }
    case 'draftCompleted': {
      if (state.phase === 'complete') return unchanged(state);
      // With the socket gone nothing more can arrive; with it open, its close ends the story.
      const done = state.socket.open ? state : close(state, 'abandoned', input.at, ctx);
      return stop(done, 'complete', 'info', MESSAGES.draftComplete, ctx);
    }
    case 'batchReceived':
      return onBatchReceived(state, input, ctx);
    case 'timerFired':
      return state.phase === 'watching' ? onWatchdogFired(state, ctx) : onTimerFired(state, ctx);
    case 'tabNavigatedAway':
      if (state.phase === 'navigatedAway' || state.phase === 'complete') return unchanged(state);
      return stop(state, 'navigatedAway', 'info', MESSAGES.navigatedAway, ctx);
    case 'tabClosed':
      return stop(state, 'tabClosed', 'info', MESSAGES.tabClosed, ctx);
    case 'manualReloadRequested':
      return onManualReload(state, ctx);
  }
}

/** Folds several inputs, in order, into one step. */
export function reduceConnectionAll(state: ConnectionState, inputs: readonly ConnectionInput[], ctx: ConnectionContext): ConnectionStep {
  const out: ConnectionStep = { state, actions: [], log: [] };
  for (const input of inputs) {
    const step = reduceConnection(out.state, input, ctx);
    out.state = step.state;
    out.actions.push(...step.actions);
    out.log.push(...step.log);
  }
  return out;
}

function onSocketOpened(state: ConnectionState, at: number, ctx: ConnectionContext): ConnectionStep {
  // Heartbeat times belong to a socket; the new one starts clean and is not synced until its INIT.
  const socket = { ...state.socket, open: true, openedAt: at, synced: false, lastPingSentAt: null, lastPongAt: null };
  const next: ConnectionState = { ...state, socket, reloadInFlight: false };
  if (state.phase === 'grace' || state.phase === 'backoff') return holdForNewSocket(next, ctx);
  // During a reload the per-attempt timeout already covers socket + INIT; just note the socket.
  if (state.phase === 'reloading' || state.phase === 'failed' || state.phase === 'kicked') {
    return unchanged({ ...next, newSocketOpenedAt: ctx.now });
  }
  return unchanged(next);
}

function onFrameReceived(
  state: ConnectionState,
  input: Extract<ConnectionInput, { type: 'frameReceived' }>,
  ctx: ConnectionContext,
): ConnectionStep {
  const { at } = input;
  const socket = {
    ...state.socket,
    lastFrameAt: at,
    lastInboundAt: at,
    lastPongAt: input.isPong ? at : state.socket.lastPongAt,
  };
  const heartbeat =
    input.isPong && input.rttMs !== undefined ? addRttSample(state.heartbeat, input.rttMs, ctx.options.rttSmoothing) : state.heartbeat;
  const heard: ConnectionState = { ...state, socket, heartbeat };

  if (input.isInit) {
    // Only an INIT proves a socket carries the whole draft again.
    const whole = close({ ...heard, socket: { ...socket, synced: true } }, 'recovered', at, ctx);
    const afterReset = state.phase === 'grace' && state.fault === 'reset';
    const step =
      isRecovering(state.phase) || state.phase === 'failed' || state.phase === 'kicked'
        ? recovered(whole, ctx, afterReset ? MESSAGES.resetSnapshot(ctx.now - (state.recoveryStartedAt ?? ctx.now)) : undefined)
        : state.phase === 'navigatedAway'
          ? { state: { ...whole, ...NOT_RECOVERING }, actions: [], log: [logLine(ctx, 'info', MESSAGES.backInRoom)] }
          : unchanged(whole);
    return input.caughtUp === undefined ? step : { ...step, state: addPicksCaughtUp(step.state, input.caughtUp) };
  }
  // A stalled socket that speaks again delivered everything in order (TCP): recovered. Only the
  // very socket that stalled can resume; after a new socket or a reload it needs an INIT.
  if (state.phase === 'grace' && state.fault === 'stall' && state.newSocketOpenedAt === null) {
    const whole = close({ ...heard, socket: { ...socket, synced: true } }, 'recovered', at, ctx);
    const elapsed = ctx.now - (state.recoveryStartedAt ?? ctx.now);
    const tabWasSilent = state.incident?.cause.kind === 'batches-stopped';
    return recovered(whole, ctx, tabWasSilent ? MESSAGES.tabResumed(elapsed) : MESSAGES.resumed(elapsed));
  }
  return unchanged(heard);
}

/**
 * A batch arrived: the tab and its relay are alive. While a live feed is watched, the watchdog's
 * deadline is armed, or brought forward when the draft's phase shortened the budget; otherwise
 * the pending deadline re-arms itself from `lastBatchAt` when it fires (watchdog.ts).
 */
function onBatchReceived(
  state: ConnectionState,
  input: Extract<ConnectionInput, { type: 'batchReceived' }>,
  ctx: ConnectionContext,
): ConnectionStep {
  const heard: ConnectionState = { ...state, lastBatchAt: ctx.now, quietPhase: input.quiet ?? state.quietPhase };
  if (heard.phase !== 'watching') return unchanged(heard);
  const due = watchdogDueAt(heard, ctx.options);
  if (due === null) return unchanged({ ...heard, deadline: null });
  if (!wasLive(heard) || (heard.deadline !== null && heard.deadline <= due)) return unchanged(heard);
  return { state: { ...heard, deadline: due }, actions: [{ type: 'wait', untilMs: due }], log: [] };
}

/** The watchdog's timer: re-arms while batches keep coming, and declares a stall once they stopped. */
function onWatchdogFired(state: ConnectionState, ctx: ConnectionContext): ConnectionStep {
  const due = watchdogDueAt(state, ctx.options);
  if (state.deadline === null || due === null) return unchanged({ ...state, deadline: null });
  if (ctx.now < due) return { state: { ...state, deadline: due }, actions: [{ type: 'wait', untilMs: due }], log: [] };
  const silentForMs = ctx.now - (state.lastBatchAt ?? ctx.now);
  const cause: IncidentCause = { kind: 'batches-stopped', silentForMs };
  return onFault({ ...state, deadline: null }, cause, ctx.now, ctx, 'stall', batchesStoppedMessage(silentForMs));
}

/**
 * A fault on the live socket. One incident and one recovery at a time; after the draft nothing
 * more can be missed, and a tab that left the draft room is not watched, so neither is a fault.
 * `fault` null: record it, but let the close that follows start the recovery.
 */
function onFault(
  state: ConnectionState,
  cause: IncidentCause,
  at: number,
  ctx: ConnectionContext,
  fault: FaultKind | null,
  message: string,
): ConnectionStep {
  if (state.phase === 'complete' || state.phase === 'navigatedAway') return unchanged(state);
  const recorded = state.incident || state.phase === 'kicked' ? state : open(state, cause, at);
  if (fault === null || state.phase !== 'watching') return unchanged(recorded);
  const deadline = ctx.now + ctx.options.graceMs;
  return {
    state: { ...recorded, phase: 'grace', attempt: 0, deadline, recoveryStartedAt: ctx.now, fault, newSocketOpenedAt: null },
    actions: [{ type: 'wait', untilMs: deadline }],
    log: [logLine(ctx, 'warn', message)],
  };
}

/**
 * A commissioner reset threw the snapshot away. The socket still works, so this is no outage (no
 * incident): ESPN gets the INIT wait for a new socket (espnSocketInitTimeoutMs) to send the
 * restarted draft's INIT, on this socket or on the one its reloaded page opens; the grace timer
 * reloads the tab if none comes. A recovery already under way waits for an INIT anyway.
 */
function onSnapshotReset(state: ConnectionState, ctx: ConnectionContext): ConnectionStep {
  if (state.phase !== 'watching') return unchanged(state);
  const deadline = ctx.now + ctx.options.espnSocketInitTimeoutMs;
  return {
    state: { ...state, socket: { ...state.socket, synced: false }, phase: 'grace', attempt: 0, deadline, recoveryStartedAt: ctx.now, fault: 'reset', newSocketOpenedAt: null },
    actions: [{ type: 'wait', untilMs: deadline }],
    log: [logLine(ctx, 'warn', MESSAGES.resetWaiting)],
  };
}

function onSocketClosed(
  state: ConnectionState,
  input: Extract<ConnectionInput, { type: 'socketClosed' }>,
  ctx: ConnectionContext,
): ConnectionStep {
  const closed: ConnectionState = { ...state, socket: { ...state.socket, open: false, synced: false } };
  if (state.phase === 'complete') return unchanged(close(closed, 'abandoned', input.at, ctx));
  const cause: IncidentCause = { kind: 'close', code: input.code, reason: input.reason, wasClean: input.wasClean };
  // The close code says more than the bare error before it, so it replaces that cause.
  const described = closed.incident?.cause.kind === 'error' ? updateIncident(closed, { cause }) : closed;
  const drop: DropCause = { kind: 'close', code: input.code };
  return onFault(described, cause, input.at, ctx, 'drop', dropMessage(drop));
}

function onPageUnloaded(state: ConnectionState, at: number, ctx: ConnectionContext): ConnectionState {
  const gone: ConnectionState = { ...state, socket: { ...state.socket, open: false, synced: false } };
  // Our own reload unloads the page on purpose; the incident it is fixing stays open.
  if (state.reloadInFlight) return gone;
  if (state.phase === 'complete') return close(gone, 'abandoned', at, ctx);
  if (state.incident?.cause.kind === 'page-unload' && !state.socket.open) return gone;
  // Picks made while the tab is away are missed until it returns: that gap is an incident too.
  return open(close(gone, 'abandoned', at, ctx), { kind: 'page-unload' }, at);
}
