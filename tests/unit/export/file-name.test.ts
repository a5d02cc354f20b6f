import { describe, expect, it } from 'vitest';
import { pickLogFileName } from '../../../src/export/file-name';

describe('pickLogFileName', () => {
  it('names the draft and the format', () => {
    expect(pickLogFileName({ game: 'ffl', leagueId: '123456789', seasonId: 2025 }, 'csv')).toBe('draft-pick-log-ffl-2025-123456789.csv');
    expect(pickLogFileName({ game: 'fba', leagueId: '7', seasonId: 2026 }, 'json')).toBe('draft-pick-log-fba-2026-7.json');
  });

  it('keeps path characters out of the name', () => {
    const name = pickLogFileName({ game: '../x', leagueId: 'a/b\\c:d', seasonId: 2025 }, 'json');
    expect(name).toBe('draft-pick-log-_x-2025-a_b_c_d.json');
    expect(pickLogFileName({ game: '', leagueId: '1', seasonId: 2025 }, 'csv')).toBe('draft-pick-log-unknown-2025-1.csv');
  });
});
