import type { DraftKey } from '../draft/types';
import { sportPathOfGameCode } from '../protocol/espn-ids';

export type ExportKind = 'pick-log' | 'event-log' | 'bug-report-capture';

export interface ExportNameInput {
  key: DraftKey;
  kind: ExportKind;
  ext: 'json' | 'csv' | 'jsonl';
  /** Epoch ms of the export; the date in the name is the user's local date of this instant. */
  exportedAt: number;
  /** Minutes east of UTC (−420 for California in summer); 0 names the UTC date. */
  utcOffsetMinutes?: number;
  /** Set for an archived draft (the picks before a commissioner reset), so it never overwrites the live draft's file. */
  archivedAt?: number;
}

/**
 * A download name that says what and which draft it is, and when it was taken, e.g.
 * `draft-pick-log_football_league-123456789_season-2025_2025-08-31.csv`, or
 * `…_2025-08-31_reset-20250831T023132Z.csv` for the picks archived by a reset. Underscores
 * separate the fields; parts are reduced to safe characters because they end up in a file system path.
 */
export function exportFileName(input: ExportNameInput): string {
  const { key } = input;
  const sport = sportPathOfGameCode(key.game) ?? key.game;
  const date = localDate(input.exportedAt, input.utcOffsetMinutes ?? 0);
  const reset = input.archivedAt === undefined ? '' : `_reset-${resetStamp(input.archivedAt)}`;
  return `draft-${input.kind}_${safe(sport)}_league-${safe(key.leagueId)}_season-${safe(String(key.seasonId))}_${date}${reset}.${input.ext}`;
}

/** The pick log's name. */
export function pickLogFileName(
  key: DraftKey,
  ext: 'json' | 'csv',
  when: { exportedAt: number; utcOffsetMinutes?: number; archivedAt?: number },
): string {
  return exportFileName({ key, kind: 'pick-log', ext, ...when });
}

function localDate(epochMs: number, utcOffsetMinutes: number): string {
  const shifted = new Date(epochMs + utcOffsetMinutes * 60_000);
  return Number.isNaN(shifted.getTime()) ? 'undated' : shifted.toISOString().slice(0, 10);
}

/** `20250831T023132Z`: UTC, to the second, safe in any file system. */
function resetStamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function safe(part: string): string {
  const cleaned = part.replace(/[^A-Za-z0-9-]+/g, '_').replace(/^_+|_+$/g, '');
  return cleaned === '' ? 'unknown' : cleaned;
}
