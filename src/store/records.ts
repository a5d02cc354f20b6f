import type { DraftState, LogEntry, ProtocolDrift } from '../draft/types';
import type { SocketRecord } from '../draft/socket-rules';
import type { PlayerInfo } from '../contract/draft-view';
import { initialConnection } from '../connection/reducer';
import { parseConnectionState } from '../connection/persisted-state';
import type { ConnectionState } from '../connection/types';

/** What IndexedDB holds per draft. The events list is capped so a long session cannot grow without bound. */
export interface DraftRecord {
  id: string;
  state: DraftState;
  events: LogEntry[];
  lastActiveAt: number;
  /** Protocol drift seen while following this draft (src/draft/drift.ts). Records written before it was counted read as emptyDrift(). */
  drift: ProtocolDrift;
  /** The league's name from ESPN's settings view (src/lookups/league-name.ts); absent until read, null when there is none to read. */
  leagueName?: string | null;
}

export const MAX_EVENTS_PER_DRAFT = 2000;

export function appendEvents(events: LogEntry[], added: LogEntry[]): LogEntry[] {
  if (added.length === 0) return events;
  const all = events.concat(added);
  return all.length > MAX_EVENTS_PER_DRAFT ? all.slice(all.length - MAX_EVENTS_PER_DRAFT) : all;
}

/** Per-socket progress, so a batch delivered twice is applied once, and what the frame rules remember (src/draft/socket-rules.ts). */
export type SocketProgress = SocketRecord;

/** What the worker knows about one browser tab showing a draft room. */
export interface TabSession {
  tabId: number;
  draftId: string | null;
  sockets: Record<string, SocketProgress>;
  activeSocketId: string | null;
  /** Health, incidents and recovery of the tab's draft connection, as one state. */
  connection: ConnectionState;
  updatedAt: number;
}

/** A tab session as IndexedDB may hold it: written by this release, an older one, or damaged. */
export type StoredTabSession = Omit<TabSession, 'connection'> & { connection?: unknown; health?: unknown; recovery?: unknown };

/**
 * A tab session as read back from IndexedDB. The connection state drives reloads, so a stored
 * value that no longer fits (an older release's separate `health` + `recovery`, a damaged record)
 * restarts from "watching" rather than acting on garbage.
 */
export function restoreTabSession(stored: StoredTabSession): TabSession {
  // An older release's `health` and `recovery` are left behind; only `connection` is read.
  const { tabId, draftId, sockets, activeSocketId, updatedAt, connection } = stored;
  return { tabId, draftId, sockets, activeSocketId, updatedAt, connection: parseConnectionState(connection) ?? initialConnection() };
}

export function newTabSession(tabId: number, now: number): TabSession {
  return {
    tabId,
    draftId: null,
    sockets: {},
    activeSocketId: null,
    connection: initialConnection(),
    updatedAt: now,
  };
}

export interface PlayerRow extends PlayerInfo {
  /** `${game}:${seasonId}:${playerId}` */
  key: string;
}

export function playerKey(game: string, seasonId: number, playerId: number): string {
  return `${game}:${seasonId}:${playerId}`;
}

/** Whether a season's player pool is cached, or when it may be asked for again. */
export interface PoolStatus {
  fetchedAt: number | null;
  /** Epoch ms before which no new request goes out (0 once fetched). */
  retryAt: number;
}

export type FinalBoardOutcome = 'confirmed' | 'private' | 'not-found' | 'gave-up' | 'no-draft';

/** Progress of the one-time check of a finished draft against ESPN's final board. */
export interface FinalBoardProgress {
  /** Attempts claimed so far, including one that may still be running. */
  attempts: number;
  /** Epoch ms before which no new attempt starts. */
  nextAttemptAt: number;
  done: boolean;
  outcome?: FinalBoardOutcome;
}
