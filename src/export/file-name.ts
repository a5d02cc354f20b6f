import type { DraftKey } from '../draft/types';

/**
 * A download name that says which draft it is, e.g. `draft-pick-log-ffl-2025-123456789.csv`, or
 * `draft-pick-log-ffl-2025-123456789-reset-20250831T023132Z.csv` for the picks archived by a reset.
 * Key parts are reduced to safe characters: they end up in a file system path.
 */
export function pickLogFileName(key: DraftKey, ext: 'json' | 'csv', archivedAt?: number): string {
  const base = `draft-pick-log-${safe(key.game)}-${safe(String(key.seasonId))}-${safe(key.leagueId)}`;
  // An archived draft (the picks before a reset) must not overwrite the live draft's file.
  const suffix = archivedAt === undefined ? '' : `-reset-${resetStamp(archivedAt)}`;
  return `${base}${suffix}.${ext}`;
}

/** `20250831T023132Z`: UTC, to the second, safe in any file system. */
function resetStamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function safe(part: string): string {
  const cleaned = part.replace(/[^A-Za-z0-9_-]+/g, '_');
  return cleaned === '' ? 'unknown' : cleaned;
}
