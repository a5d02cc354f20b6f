import type { DraftKey } from '../draft/types';

/**
 * A download name that says which draft it is, e.g. `draft-pick-log-ffl-2025-123456789.csv`.
 * Key parts are reduced to safe characters: they end up in a file system path.
 */
export function pickLogFileName(key: DraftKey, ext: 'json' | 'csv'): string {
  return `draft-pick-log-${safe(key.game)}-${safe(String(key.seasonId))}-${safe(key.leagueId)}.${ext}`;
}

function safe(part: string): string {
  const cleaned = part.replace(/[^A-Za-z0-9_-]+/g, '_');
  return cleaned === '' ? 'unknown' : cleaned;
}
