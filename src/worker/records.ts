import type { DraftKey, DraftState, LogEntry } from '../draft/types';
import { initialHealth, type ConnectionHealth } from '../health/connection-health';
import { initialRecoveryState } from '../recovery/policy';
import type { RecoveryState } from '../recovery/recovery-types';
import { parseRecoveryState } from '../recovery/persisted-state';

/** What IndexedDB holds per draft. The events list is capped so a long session cannot grow without bound. */
export interface DraftRecord {
  id: string;
  state: DraftState;
  events: LogEntry[];
  lastActiveAt: number;
}

export const MAX_EVENTS_PER_DRAFT = 2000;

export function draftIdOf(key: DraftKey): string {
  return `${key.game}:${key.leagueId}:${key.seasonId}`;
}

export function appendEvents(events: LogEntry[], added: LogEntry[]): LogEntry[] {
  if (added.length === 0) return events;
  const all = events.concat(added);
  return all.length > MAX_EVENTS_PER_DRAFT ? all.slice(all.length - MAX_EVENTS_PER_DRAFT) : all;
}

/** Per-socket progress, so a batch delivered twice is applied once. */
export interface SocketProgress {
  draftId: string;
  lastSeq: number;
  openedAt: number;
  closedAt: number | null;
}

/** What the worker knows about one browser tab showing a draft room. */
export interface TabSession {
  tabId: number;
  draftId: string | null;
  sockets: Record<string, SocketProgress>;
  activeSocketId: string | null;
  health: ConnectionHealth;
  recovery: RecoveryState;
  updatedAt: number;
}

/**
 * A tab session as read back from IndexedDB. The recovery state drives reloads, so a stored
 * value that no longer fits (an older version, a damaged record) restarts from "watching"
 * rather than acting on garbage.
 */
export function restoreTabSession(stored: TabSession): TabSession {
  return { ...stored, recovery: parseRecoveryState(stored.recovery) ?? initialRecoveryState() };
}

export function newTabSession(tabId: number, now: number): TabSession {
  return {
    tabId,
    draftId: null,
    sockets: {},
    activeSocketId: null,
    health: initialHealth(),
    recovery: initialRecoveryState(),
    updatedAt: now,
  };
}
