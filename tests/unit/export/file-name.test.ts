import { describe, expect, it } from 'vitest';
import { exportFileName, pickLogFileName } from '../../../src/export/file-name';

const AUG_31_0300_UTC = Date.UTC(2025, 7, 31, 3, 0, 0);

describe('export file names', () => {
  it('name the export, the sport, the league, the season and the date', () => {
    expect(pickLogFileName({ game: 'ffl', leagueId: '123456789', seasonId: 2025 }, 'csv', { exportedAt: AUG_31_0300_UTC })).toBe(
      'draft-pick-log_football_league-123456789_season-2025_2025-08-31.csv',
    );
    expect(pickLogFileName({ game: 'fba', leagueId: '7', seasonId: 2026 }, 'json', { exportedAt: AUG_31_0300_UTC })).toBe(
      'draft-pick-log_basketball_league-7_season-2026_2025-08-31.json',
    );
    expect(exportFileName({ key: { game: 'ffl', leagueId: '1', seasonId: 2025 }, kind: 'event-log', ext: 'json', exportedAt: AUG_31_0300_UTC })).toBe(
      'draft-event-log_football_league-1_season-2025_2025-08-31.json',
    );
  });

  it('use the user’s local date, not the UTC one', () => {
    // 03:00 UTC on the 31st is still the evening of the 30th in California (UTC−7).
    expect(pickLogFileName({ game: 'ffl', leagueId: '1', seasonId: 2025 }, 'csv', { exportedAt: AUG_31_0300_UTC, utcOffsetMinutes: -420 })).toBe(
      'draft-pick-log_football_league-1_season-2025_2025-08-30.csv',
    );
  });

  it('tell an archived draft (picks before a reset) from the live one', () => {
    const key = { game: 'ffl', leagueId: '1', seasonId: 2025 };
    const archivedAt = Date.UTC(2025, 7, 31, 2, 31, 32, 198);
    expect(pickLogFileName(key, 'csv', { exportedAt: AUG_31_0300_UTC, archivedAt })).toBe(
      'draft-pick-log_football_league-1_season-2025_2025-08-31_reset-20250831T023132Z.csv',
    );
  });

  it('keep path characters out of the name', () => {
    const name = pickLogFileName({ game: '../x', leagueId: 'a/b\\c:d', seasonId: 2025 }, 'json', { exportedAt: AUG_31_0300_UTC });
    expect(name).toBe('draft-pick-log_x_league-a_b_c_d_season-2025_2025-08-31.json');
    expect(name).not.toMatch(/[/\\:]/);
    expect(pickLogFileName({ game: '', leagueId: '1', seasonId: 2025 }, 'csv', { exportedAt: AUG_31_0300_UTC })).toBe(
      'draft-pick-log_unknown_league-1_season-2025_2025-08-31.csv',
    );
  });
});
