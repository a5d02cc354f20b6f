import type { DraftPageContext } from '../contract/draft-page-url';
import { gameCodeOfGameId, gameCodeOfSportPath } from '../protocol/espn-ids';
import type { DraftEvent } from '../protocol/events';
import { parseDraftSocketUrl } from '../protocol/socket-url';
import type { DraftKey } from './types';

/**
 * Which hook items may reach a tab's draft. The page hook already watches only the tab's own draft
 * socket and only the browser's own events; the worker checks again, because nothing from the page
 * world is trusted (SECURITY.md, "Frame rules in the worker"). Pure: the worker only wires.
 */

/** What the rules remember about one socket of a tab (stored in the tab session). */
export interface SocketRecord {
  draftId: string;
  /** The last frame applied, by the hook's per-socket sequence number. */
  lastSeq: number;
  openedAt: number;
  closedAt: number | null;
  /** The socket delivered its INIT, or a frame ESPN only sends after it: no INIT is accepted from it any more. */
  snapshotClosed?: boolean;
  /** Why this socket's items are dropped; set once, when the first of them was refused and logged. */
  refused?: string;
}

/**
 * ESPN sends INIT once per connection, as one of its first frames, before anything about the draft
 * itself (protocol.md §3.5): once a frame of these kinds arrived, no INIT belongs to the socket.
 */
const DRAFT_EVENTS: ReadonlySet<DraftEvent['type']> = new Set([
  'init', 'clock', 'state', 'selecting', 'selected', 'undone', 'nomination', 'bid', 'bidAck', 'passed', 'sold',
]);

export type OpenVerdict = { admit: true; key: DraftKey } | { admit: false; reason: string };

/**
 * A socket may feed the tab's draft only if its URL is ESPN's draft socket for the page's own game
 * and league; the season, which the socket URL does not carry, comes from the page.
 */
export function judgeSocketOpen(url: string, page: DraftPageContext): OpenVerdict {
  const ids = parseDraftSocketUrl(url);
  if (ids === null) return { admit: false, reason: 'its URL is not a draft socket' };
  const game = gameCodeOfGameId(ids.gameId);
  const pageGame = gameCodeOfSportPath(page.sport);
  if (game === null || game !== pageGame) return { admit: false, reason: `it is for game ${ids.gameId}, not this page's ${page.sport} draft` };
  if (String(ids.leagueId) !== page.leagueId) return { admit: false, reason: `it is for league ${ids.leagueId}, not this page's league ${page.leagueId}` };
  return { admit: true, key: { game, leagueId: page.leagueId, seasonId: page.seasonId } };
}

/** A refused socket's record: kept (within the per-tab cap) so its later items are dropped without another log line. */
export function refusedSocket(draftId: string, at: number, reason: string): SocketRecord {
  return { draftId, lastSeq: 0, openedAt: at, closedAt: null, refused: reason };
}

export type FrameVerdict =
  /** Apply the frame; store `record` for its socket. */
  | { apply: true; record: SocketRecord }
  /** Drop it. `log`: what to tell the user (null: a silent redelivery or a refused socket's later frame). `record`: store it when present. */
  | { apply: false; log: string | null; record?: SocketRecord };

/**
 * One inbound or outbound frame of socket `record` (undefined: never seen to open). Frames of a socket
 * never seen to open are dropped (the first one logged); a frame not newer than the last applied is a
 * redelivery; an INIT after the socket's opening frames is logged and ignored, since ESPN sends one
 * per connection.
 */
export function judgeFrame(record: SocketRecord | undefined, seq: number, event: DraftEvent, at: number, fallbackDraftId: string): FrameVerdict {
  if (record === undefined) {
    const reason = 'its socket was never seen to open';
    return { apply: false, log: `Dropped a frame from the draft page: ${reason}.`, record: refusedSocket(fallbackDraftId, at, reason) };
  }
  if (record.refused !== undefined || seq <= record.lastSeq) return { apply: false, log: null };
  if (event.type === 'init' && record.snapshotClosed === true) {
    return {
      apply: false,
      log: 'Ignored an INIT that came after the draft socket had already spoken about the draft: ESPN sends one per connection, among its first frames.',
      record: { ...record, lastSeq: seq },
    };
  }
  // A commissioner reset throws the snapshot away: the restarted draft's INIT may come on this socket.
  const snapshotClosed = event.type === 'reset' ? false : record.snapshotClosed === true || DRAFT_EVENTS.has(event.type);
  const next: SocketRecord = { ...record, lastSeq: seq };
  if (snapshotClosed) next.snapshotClosed = true;
  else delete next.snapshotClosed;
  return { apply: true, record: next };
}

/** A non-frame item (close, error, stall) of a socket: only a socket that opened and was admitted speaks. */
export function admitsLifecycle(record: SocketRecord | undefined): boolean {
  return record !== undefined && record.refused === undefined;
}

/** Sockets remembered per tab, the refused ones included; the active socket is kept beyond it. */
export const MAX_TRACKED_SOCKETS = 32;

/** The newest MAX_TRACKED_SOCKETS sockets by opening time, plus the active one however old it is. */
export function capSockets<T extends SocketRecord>(sockets: Record<string, T>, activeId: string | null): Record<string, T> {
  const ids = Object.keys(sockets);
  if (ids.length <= MAX_TRACKED_SOCKETS) return sockets;
  const keep = ids.sort((a, b) => sockets[b]!.openedAt - sockets[a]!.openedAt).slice(0, MAX_TRACKED_SOCKETS);
  if (activeId !== null && sockets[activeId] !== undefined && !keep.includes(activeId)) keep.push(activeId);
  return Object.fromEntries(keep.map((id) => [id, sockets[id]!]));
}
