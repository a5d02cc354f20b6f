import { formatDuration, plural } from './format-duration';

/**
 * What interrupted the draft feed. Close codes and reasons come from the browser's CloseEvent;
 * ESPN drops a kicked socket without a close frame, so `kicked` is reported from its
 * `LEFT <me> <swid> 2` frame instead.
 */
export type IncidentCause =
  | { kind: 'close'; code: number; reason: string; wasClean: boolean }
  | { kind: 'error' }
  /** The socket stayed open but frames from it never reached the worker. */
  | { kind: 'frames-lost' }
  | { kind: 'silence'; silentForMs: number }
  | { kind: 'pong-timeout'; silentForMs: number }
  /** The worker's watchdog: the tab, live until then, stopped sending batches (relay or hook gone, tab frozen). */
  | { kind: 'batches-stopped'; silentForMs: number }
  | { kind: 'page-unload' }
  | { kind: 'kicked' };

/**
 * How the incident ended.
 * - `open`: still unresolved.
 * - `recovered`: a socket delivers the draft again.
 * - `abandoned`: watching stopped before it recovered (the tab left the draft room, ESPN kicked
 *   it, or the draft finished meanwhile); a later return opens a fresh incident instead.
 */
export type IncidentOutcome = 'open' | 'recovered' | 'abandoned';

/** One interruption of the draft feed, with the timings that show how well we coped. */
export interface Incident {
  /** 1-based, in order of detection within this tab. */
  seq: number;
  cause: IncidentCause;
  /** Arrival of the last inbound frame before the fault (the feed was fine until then); null if none. */
  faultStartedAt: number | null;
  /** When we noticed. */
  detectedAt: number;
  /** detectedAt − last inbound frame: how long the feed was dead before we knew. Null without a frame. */
  detectionLatencyMs: number | null;
  /** When a socket delivered the draft again (INIT on a new socket, or any frame on a stalled one). */
  recoveredAt: number | null;
  /** recoveredAt − detectedAt: how long recovery took once we knew. */
  recoveryDurationMs: number | null;
  /** recoveredAt − faultStartedAt: the whole gap in the feed, as the user lived it. */
  outageMs: number | null;
  /** Tab reloads the recovery policy made for this incident (0 when ESPN reconnected by itself). */
  reloadAttempts: number;
  /** Picks made during the outage and restored from the new socket's INIT; null until known. */
  picksCaughtUp: number | null;
  /** The recovery policy ran out of attempts at least once during this incident. */
  gaveUp: boolean;
  outcome: IncidentOutcome;
}

/** An incident counts as a connection fault unless the tab went away or ESPN kicked it. */
export function isFault(cause: IncidentCause): boolean {
  return cause.kind !== 'page-unload' && cause.kind !== 'kicked';
}

/** The part of the connection state that records incidents; they open and close only here. */
export interface IncidentBook {
  /** The unresolved incident, if any. */
  incident: Incident | null;
  /** Resolved or abandoned incidents, oldest first, at most `maxIncidents`. */
  incidents: Incident[];
  nextSeq: number;
  drops: number;
  recoveries: number;
}

/**
 * Opens an incident detected at `at`; the feed was fine until `lastInboundAt` (null: no frame yet).
 * The caller has closed any earlier one.
 */
export function openIncident<B extends IncidentBook>(book: B, cause: IncidentCause, at: number, lastInboundAt: number | null): B {
  const incident: Incident = {
    seq: book.nextSeq,
    cause,
    faultStartedAt: lastInboundAt,
    detectedAt: at,
    detectionLatencyMs: lastInboundAt === null ? null : at - lastInboundAt,
    recoveredAt: null,
    recoveryDurationMs: null,
    outageMs: null,
    reloadAttempts: 0,
    picksCaughtUp: null,
    gaveUp: false,
    outcome: 'open',
  };
  return { ...book, incident, nextSeq: book.nextSeq + 1, drops: book.drops + (isFault(cause) ? 1 : 0) };
}

/** Moves the open incident (if any) into the bounded history with its final outcome. */
export function closeIncident<B extends IncidentBook>(book: B, outcome: 'recovered' | 'abandoned', at: number, maxIncidents: number): B {
  const open = book.incident;
  if (!open) return book;
  const closed: Incident =
    outcome === 'recovered'
      ? { ...open, outcome, recoveredAt: at, recoveryDurationMs: at - open.detectedAt, outageMs: at - (open.faultStartedAt ?? open.detectedAt) }
      : { ...open, outcome };
  const incidents = [...book.incidents, closed];
  if (incidents.length > maxIncidents) incidents.splice(0, incidents.length - maxIncidents);
  return {
    ...book,
    incident: null,
    incidents,
    recoveries: book.recoveries + (outcome === 'recovered' && isFault(open.cause) ? 1 : 0),
  };
}

/** Amends the open incident (no-op without one). */
export function updateIncident<B extends IncidentBook>(book: B, patch: Partial<Incident>): B {
  return book.incident ? { ...book, incident: { ...book.incident, ...patch } } : book;
}

/**
 * Records picks an INIT restored. INIT both ends the incident and yields the count, so without an
 * open incident the count lands on the one just recovered, once.
 */
export function addPicksCaughtUp<B extends IncidentBook>(book: B, count: number): B {
  const open = book.incident;
  if (open) return updateIncident(book, { picksCaughtUp: (open.picksCaughtUp ?? 0) + count });
  const last = book.incidents[book.incidents.length - 1];
  if (!last || last.outcome !== 'recovered' || last.picksCaughtUp !== null) return book;
  const incidents = [...book.incidents];
  incidents[incidents.length - 1] = { ...last, picksCaughtUp: count };
  return { ...book, incidents };
}

/** Every incident, oldest first, the unresolved one last. */
export function allIncidents(book: Pick<IncidentBook, 'incident' | 'incidents'>): Incident[] {
  return book.incident ? [...book.incidents, book.incident] : book.incidents;
}

/** Plain-words name of a WebSocket close code (RFC 6455 §7.4.1), for the ones a draft tab meets. */
function closeCodeMeaning(code: number): string | null {
  switch (code) {
    case 1000:
      return 'normal close';
    case 1001:
      return 'page or server going away';
    case 1006:
      return 'connection lost without a close frame';
    case 1008:
      return 'refused by policy';
    case 1011:
      return 'server error';
    case 1012:
      return 'server restarting';
    case 1013:
      return 'server overloaded';
    default:
      return null;
  }
}

/** What happened, as a short sentence fragment. */
export function describeCause(cause: IncidentCause): string {
  switch (cause.kind) {
    case 'close': {
      const meaning = closeCodeMeaning(cause.code);
      const reason = cause.reason.trim() ? `, "${cause.reason.trim()}"` : '';
      return `WebSocket closed (${cause.code}${meaning ? `: ${meaning}` : ''}${reason})`;
    }
    case 'error':
      return 'WebSocket error';
    case 'frames-lost':
      return 'Frames from the draft socket were lost on their way to the extension';
    case 'silence':
      return `No data from ESPN for ${formatDuration(cause.silentForMs)}`;
    case 'pong-timeout':
      return `ESPN stopped answering heartbeats (silent for ${formatDuration(cause.silentForMs)})`;
    case 'batches-stopped':
      return `Nothing reached the extension from the draft tab for ${formatDuration(cause.silentForMs)}`;
    case 'page-unload':
      return 'Draft tab was closed or left the draft room';
    case 'kicked':
      return 'ESPN disconnected this tab because the draft was opened elsewhere (duplicate connection)';
  }
}

/**
 * One incident in plain words, e.g.
 * "WebSocket closed (1006: connection lost without a close frame). Noticed 0.3 s after the
 *  last frame. Back after 4.1 s (1 reload); 2 picks caught up."
 */
export function describeIncident(incident: Incident): string {
  // Unloads and kicks are reported the moment they happen; a "detection delay" means nothing there.
  const fault = isFault(incident.cause);
  const parts = [`${describeCause(incident.cause)}.`];
  if (fault && incident.detectionLatencyMs !== null) {
    parts.push(`Noticed ${formatDuration(incident.detectionLatencyMs)} after the last frame.`);
  }
  const reloads = incident.reloadAttempts > 0 ? ` (${plural(incident.reloadAttempts, 'reload')})` : '';
  if (incident.outcome === 'recovered' && incident.recoveryDurationMs !== null) {
    const how = reloads || (fault ? ' (ESPN reconnected by itself)' : '');
    const caught =
      incident.picksCaughtUp === null ? '' : `; ${plural(incident.picksCaughtUp, 'pick')} caught up`;
    parts.push(`Back after ${formatDuration(incident.recoveryDurationMs)}${how}${caught}.`);
  } else if (incident.outcome === 'abandoned') {
    parts.push(`Watching stopped before it recovered${reloads}.`);
  } else if (incident.gaveUp) {
    parts.push(`Automatic recovery gave up${reloads}; the tab needs a manual reload.`);
  } else if (fault) {
    parts.push(`Still recovering${reloads}.`);
  } else {
    parts.push('Not watching until the draft room is open again.');
  }
  return parts.join(' ');
}
