import type { StallCause } from './silence';
import type { Incident, IncidentCause } from './incident';
import { addRttSample, EMPTY_HEARTBEAT, type HeartbeatStats } from './heartbeat';

/**
 * The health of one draft tab's connection, as a pure state machine fed by signals from the
 * page hook, the tab, and the recovery policy. It decides nothing; it records what happened and
 * how long each step took, so the popup can show it and the export can prove nothing was missed.
 *
 *   connecting ─INIT→ live ─stall→ stalled ─┐
 *                        └─close/error→ dropped ─recoveryStarted→ recovering ─INIT→ live
 *   recovering ─gave up→ failed     any ─LEFT me 2→ kicked     any ─unload→ unloaded
 *   draft complete + socket gone → finished
 */
export type HealthStatus =
  /** A socket is open (or opening); its INIT snapshot has not arrived yet. */
  | 'connecting'
  /** We hold the snapshot and frames flow. */
  | 'live'
  /** The socket is open but ESPN went quiet (silence or unanswered PING). */
  | 'stalled'
  /** The socket closed or errored while the draft was on. */
  | 'dropped'
  /** The recovery policy is waiting for ESPN to reconnect or reloading the tab. */
  | 'recovering'
  /** Automatic recovery ran out of attempts; the user must reload. */
  | 'failed'
  /** ESPN disconnected this tab for a duplicate connection (`LEFT <me> <swid> 2`). */
  | 'kicked'
  /** The draft page is gone: tab closed or navigated away before the draft finished. */
  | 'unloaded'
  /** The draft is complete and its socket is gone: nothing more to watch. */
  | 'finished';

export type HealthSignal =
  | { type: 'socketOpened' }
  /**
   * A draft-socket frame. `at` is its arrival (epoch ms). `isInit` marks the INIT snapshot,
   * the only proof that a new socket carries the whole draft again. `rttMs` = PONG arrival −
   * the ms the page put in its PING.
   */
  | { type: 'frameReceived'; at: number; dir: 'in' | 'out'; isPong?: boolean; rttMs?: number; isInit?: boolean }
  | { type: 'pingSent' }
  | { type: 'stallDetected'; cause: StallCause; silentForMs: number }
  | { type: 'socketClosed'; code: number; reason: string; wasClean: boolean }
  | { type: 'socketError' }
  /** A hole in the socket's frame sequence: the feed is unusable until a new INIT. */
  | { type: 'framesLost' }
  | { type: 'pageUnloaded' }
  | { type: 'kicked' }
  | { type: 'recoveryStarted'; attempt: number }
  | { type: 'recoveryReloading'; attempt: number }
  | { type: 'recoveryGaveUp' }
  | { type: 'draftCompleted' }
  | { type: 'picksCaughtUp'; count: number };

export interface HealthConfig {
  /** Resolved incidents kept, oldest dropped first. Default 50: a bad evening, not a memory leak. */
  maxIncidents: number;
  /** Weight of a new RTT sample in the smoothed RTT. Default 1/8, TCP's SRTT gain (RFC 6298). */
  rttSmoothing: number;
}

export const DEFAULT_HEALTH_CONFIG: Readonly<HealthConfig> = Object.freeze({
  maxIncidents: 50,
  rttSmoothing: 1 / 8,
});

export interface ConnectionHealth {
  status: HealthStatus;
  draftComplete: boolean;
  socketOpen: boolean;
  socketOpenedAt: number | null;
  /** Last frame either way. */
  lastFrameAt: number | null;
  /** Last frame from ESPN: the feed's last sign of life. */
  lastInboundAt: number | null;
  lastPingSentAt: number | null;
  lastPongAt: number | null;
  heartbeat: HeartbeatStats;
  /** The unresolved incident, if any. */
  activeIncident: Incident | null;
  /** A socket opened after the fault began, so only its INIT (not a stray frame) means recovered. */
  newSocketSinceFault: boolean;
  /** Our own recovery reload is unloading the page; its unload is not the user leaving. */
  reloadInFlight: boolean;
  /** Resolved or abandoned incidents, oldest first, at most `maxIncidents`. */
  incidents: Incident[];
  /** Sequence number for the next incident. */
  nextSeq: number;
  /** Connection faults (close, error, silence, pong timeout). Unloads and kicks are not drops. */
  drops: number;
  /** Connection faults that recovered. */
  recoveries: number;
}

export function initialHealth(): ConnectionHealth {
  return {
    status: 'connecting',
    draftComplete: false,
    socketOpen: false,
    socketOpenedAt: null,
    lastFrameAt: null,
    lastInboundAt: null,
    lastPingSentAt: null,
    lastPongAt: null,
    heartbeat: EMPTY_HEARTBEAT,
    activeIncident: null,
    newSocketSinceFault: false,
    reloadInFlight: false,
    incidents: [],
    nextSeq: 1,
    drops: 0,
    recoveries: 0,
  };
}

/** Every incident, oldest first, the unresolved one last. */
export function allIncidents(health: ConnectionHealth): Incident[] {
  return health.activeIncident ? [...health.incidents, health.activeIncident] : health.incidents;
}

function isFault(cause: IncidentCause): boolean {
  return cause.kind !== 'page-unload' && cause.kind !== 'kicked';
}

function openIncident(health: ConnectionHealth, cause: IncidentCause, now: number): ConnectionHealth {
  const lastInbound = health.lastInboundAt;
  const incident: Incident = {
    seq: health.nextSeq,
    cause,
    faultStartedAt: lastInbound,
    detectedAt: now,
    detectionLatencyMs: lastInbound === null ? null : now - lastInbound,
    recoveredAt: null,
    recoveryDurationMs: null,
    outageMs: null,
    reloadAttempts: 0,
    picksCaughtUp: null,
    gaveUp: false,
    outcome: 'open',
  };
  return {
    ...health,
    activeIncident: incident,
    nextSeq: health.nextSeq + 1,
    newSocketSinceFault: false,
    reloadInFlight: false,
    drops: health.drops + (isFault(cause) ? 1 : 0),
  };
}

/** Moves the active incident into the bounded history with its final outcome. */
function closeIncident(
  health: ConnectionHealth,
  outcome: 'recovered' | 'abandoned',
  at: number,
  config: HealthConfig,
): ConnectionHealth {
  const open = health.activeIncident;
  if (!open) return health;
  const closed: Incident =
    outcome === 'recovered'
      ? {
          ...open,
          outcome,
          recoveredAt: at,
          recoveryDurationMs: at - open.detectedAt,
          outageMs: at - (open.faultStartedAt ?? open.detectedAt),
        }
      : { ...open, outcome };
  const incidents = [...health.incidents, closed];
  if (incidents.length > config.maxIncidents) incidents.splice(0, incidents.length - config.maxIncidents);
  return {
    ...health,
    activeIncident: null,
    incidents,
    newSocketSinceFault: false,
    reloadInFlight: false,
    recoveries: health.recoveries + (outcome === 'recovered' && isFault(open.cause) ? 1 : 0),
  };
}

function updateIncident(health: ConnectionHealth, patch: Partial<Incident>): ConnectionHealth {
  return health.activeIncident ? { ...health, activeIncident: { ...health.activeIncident, ...patch } } : health;
}

function onInboundFrame(
  health: ConnectionHealth,
  signal: Extract<HealthSignal, { type: 'frameReceived' }>,
  config: HealthConfig,
): ConnectionHealth {
  let next: ConnectionHealth = { ...health, lastFrameAt: signal.at, lastInboundAt: signal.at };
  if (signal.isPong) {
    next.lastPongAt = signal.at;
    if (signal.rttMs !== undefined) next.heartbeat = addRttSample(next.heartbeat, signal.rttMs, config.rttSmoothing);
  }
  const incident = next.activeIncident;
  if (incident) {
    // A stalled socket that speaks again delivered everything in order (TCP): recovered. A new
    // socket is whole only once its INIT snapshot has arrived.
    const stalledSocketResumed =
      !next.newSocketSinceFault && (incident.cause.kind === 'silence' || incident.cause.kind === 'pong-timeout');
    if (signal.isInit || stalledSocketResumed) {
      next = closeIncident(next, 'recovered', signal.at, config);
      next.status = 'live';
    }
    return next;
  }
  if (signal.isInit && (next.status === 'connecting' || next.status === 'finished')) next.status = 'live';
  return next;
}

/** Applies one signal. Pure: returns a new object, never mutates `health`. */
export function reduceHealth(
  health: ConnectionHealth,
  signal: HealthSignal,
  now: number,
  config: HealthConfig = DEFAULT_HEALTH_CONFIG,
): ConnectionHealth {
  switch (signal.type) {
    case 'socketOpened': {
      const next: ConnectionHealth = {
        ...health,
        socketOpen: true,
        socketOpenedAt: now,
        // Heartbeat timestamps belong to a socket; the new one starts clean.
        lastPingSentAt: null,
        lastPongAt: null,
      };
      if (next.activeIncident) return { ...next, status: 'recovering', newSocketSinceFault: true, reloadInFlight: false };
      return next.status === 'live' ? next : { ...next, status: 'connecting' };
    }

    case 'frameReceived':
      if (signal.dir === 'out') return { ...health, lastFrameAt: signal.at };
      return onInboundFrame(health, signal, config);

    case 'pingSent':
      return { ...health, lastPingSentAt: now };

    case 'stallDetected': {
      // One incident at a time; after the draft nothing more can be missed, so a quiet socket is no fault.
      if (health.activeIncident || health.draftComplete) return health;
      if (health.status !== 'live' && health.status !== 'connecting') return health;
      const cause: IncidentCause =
        signal.cause === 'silence'
          ? { kind: 'silence', silentForMs: signal.silentForMs }
          : { kind: 'pong-timeout', silentForMs: signal.silentForMs };
      return { ...openIncident(health, cause, now), status: 'stalled' };
    }

    case 'socketClosed': {
      const closed: ConnectionHealth = { ...health, socketOpen: false };
      if (closed.draftComplete) {
        return { ...closeIncident(closed, 'abandoned', now, config), status: 'finished' };
      }
      const cause: IncidentCause = {
        kind: 'close',
        code: signal.code,
        reason: signal.reason,
        wasClean: signal.wasClean,
      };
      if (closed.activeIncident) {
        // The browser fires `error` then `close`; the close code says more, so it replaces the bare error.
        const upgraded = closed.activeIncident.cause.kind === 'error' ? updateIncident(closed, { cause }) : closed;
        return upgraded.status === 'stalled' ? { ...upgraded, status: 'dropped' } : upgraded;
      }
      if (closed.status !== 'live' && closed.status !== 'connecting') return closed;
      return { ...openIncident(closed, cause, now), status: 'dropped' };
    }

    case 'framesLost': {
      if (health.activeIncident || health.draftComplete) return health;
      if (health.status !== 'live' && health.status !== 'connecting') return health;
      return { ...openIncident(health, { kind: 'frames-lost' }, now), status: 'stalled' };
    }

    case 'socketError': {
      if (health.activeIncident || health.draftComplete) return health;
      if (health.status !== 'live' && health.status !== 'connecting') return health;
      return { ...openIncident(health, { kind: 'error' }, now), status: 'dropped' };
    }

    case 'pageUnloaded': {
      // Our own reload unloads the page on purpose; the incident it is fixing stays open.
      if (health.reloadInFlight) return { ...health, socketOpen: false };
      const gone: ConnectionHealth = { ...health, socketOpen: false };
      if (gone.draftComplete) return { ...closeIncident(gone, 'abandoned', now, config), status: 'finished' };
      if (gone.status === 'unloaded') return gone;
      // Picks made while the tab is away are missed until it returns: that gap is an incident too.
      const abandoned = closeIncident(gone, 'abandoned', now, config);
      return { ...openIncident(abandoned, { kind: 'page-unload' }, now), status: 'unloaded' };
    }

    case 'kicked': {
      if (health.status === 'kicked') return health;
      const abandoned = closeIncident(health, 'abandoned', now, config);
      return { ...openIncident(abandoned, { kind: 'kicked' }, now), status: 'kicked' };
    }

    case 'recoveryStarted': {
      const incident = health.activeIncident;
      if (!incident || !isFault(incident.cause)) return health;
      const withAttempts = updateIncident(health, {
        reloadAttempts: Math.max(incident.reloadAttempts, signal.attempt),
      });
      return health.status === 'stalled' || health.status === 'dropped'
        ? { ...withAttempts, status: 'recovering' }
        : withAttempts;
    }

    case 'recoveryReloading': {
      const incident = health.activeIncident;
      if (!incident) return health;
      return {
        ...updateIncident(health, { reloadAttempts: Math.max(incident.reloadAttempts, signal.attempt) }),
        status: 'recovering',
        reloadInFlight: true,
      };
    }

    case 'recoveryGaveUp':
      if (!health.activeIncident) return health;
      return { ...updateIncident(health, { gaveUp: true }), status: 'failed', reloadInFlight: false };

    case 'draftCompleted': {
      const next: ConnectionHealth = { ...health, draftComplete: true };
      if (next.socketOpen) return next;
      return { ...closeIncident(next, 'abandoned', now, config), status: 'finished' };
    }

    case 'picksCaughtUp': {
      const open = health.activeIncident;
      if (open) return updateIncident(health, { picksCaughtUp: (open.picksCaughtUp ?? 0) + signal.count });
      // INIT both ends the incident and yields the catch-up count, so it lands on the one just recovered.
      const last = health.incidents[health.incidents.length - 1];
      if (!last || last.outcome !== 'recovered' || last.picksCaughtUp !== null) return health;
      const incidents = [...health.incidents];
      incidents[incidents.length - 1] = { ...last, picksCaughtUp: signal.count };
      return { ...health, incidents };
    }
  }
}
