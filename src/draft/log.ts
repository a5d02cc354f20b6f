import type { LogEntry, LogLevel } from './types';

/**
 * The `kind` values the reducer writes. They are stable identifiers for
 * filtering and tests; the human-readable part is `message`.
 */
export type DraftLogKind =
  | 'snapshot'
  | 'snapshot_rejected'
  | 'caught_up'
  | 'pick_corrected'
  | 'pick_removed'
  | 'pick_ignored'
  | 'pick_mismatch'
  | 'clock_mismatch'
  | 'draft_type'
  | 'status'
  | 'undo'
  | 'reset'
  | 'connection'
  | 'espn_error'
  | 'malformed_frame'
  | 'unknown_frame'
  | 'internal'
  | 'desync'
  // The frame rules dropped an item from the draft page (socket-rules.ts), or a confirmed board refused a frame (sealed-board.ts).
  | 'frame_refused'
  // Confirming the pick log against ESPN's REST board after the draft (apply-api-picks.ts, src/lookups/final-board.ts).
  | 'api_reconcile'
  | 'api_pick_corrected'
  | 'api_pick_rejected'
  | 'api_pick_unconfirmed'
  | 'api_unavailable';

export function logEntry(at: number, level: LogLevel, kind: DraftLogKind, message: string): LogEntry {
  return { at, level, kind, message };
}
