import { describe, expect, it } from 'vitest';
import { formatPickLogCsv, PICK_LOG_CSV_HEADER } from '../../../src/export/csv';
import { buildPickLog } from '../../../src/export/pick-log';
import { EXPORTED_AT, exportedDraft } from './export-fixture';

function csv(): string {
  const { state, events, players } = exportedDraft();
  return formatPickLogCsv(buildPickLog({ state, players, events, exportedAt: EXPORTED_AT }));
}

/** A small RFC 4180 reader, to check the writer round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  expect(field).toBe('');
  return rows;
}

describe('formatPickLogCsv', () => {
  it('starts with the documented header and ends every line with CRLF', () => {
    const text = csv();
    expect(text.split('\r\n')[0]).toBe(
      'overall_pick,round,round_pick,team_id,team_name,player_id,player_name,position,pro_team,roster_spot,keeper,autopick,source,recorded_at,price,nominating_team_id',
    );
    expect(PICK_LOG_CSV_HEADER).toHaveLength(16);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\r(?!\n)/);
  });

  it('writes one row per pick that reads back to the same values', () => {
    const rows = parseCsv(csv());
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.length === 16)).toBe(true);
    // Snake picks: no price, no nominator.
    expect(rows.slice(1).every((row) => row[14] === '' && row[15] === '')).toBe(true);
    expect(rows[1]!.slice(0, 13)).toEqual(['1', '1', '1', '1', 'Formula, Inc.', '4362628', "Ja'Marr Chase", 'WR', 'CIN', '4', 'false', 'false', 'socket']);
    expect(rows[1]![13]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(rows[2]!.slice(4, 7)).toEqual(['"The Quotes"', '4430807', `'-Bijan, "B" Robinson`]);
    expect(rows[2]![11]).toBe('true');
    expect(rows[3]!.slice(4, 10)).toEqual(['Multi\nLine', '-16014', 'Rams D/ST', 'D/ST', 'LAR', '8']);
    expect(rows[4]!.slice(4, 9)).toEqual([`'=HYPERLINK("http://evil")`, '3918298', '', '', '']);
  });

  it('quotes fields with commas, quotes and newlines, doubling inner quotes', () => {
    const text = csv();
    expect(text).toContain(',"Formula, Inc.",');
    expect(text).toContain(',"""The Quotes""",');
    expect(text).toContain(',"Multi\nLine",');
    expect(text).toContain(`,"'-Bijan, ""B"" Robinson",`);
  });

  it('neutralizes formula-like text but keeps negative ids as plain numbers', () => {
    const text = csv();
    expect(text).toContain(`,"'=HYPERLINK(""http://evil"")",`);
    expect(text).toContain(',-16014,');
    expect(text).not.toContain("'-16014");
    expect(text).not.toMatch(/,=|,"=|,\+|,@/);
  });

  it('contains no member id or security code', () => {
    expect(csv()).not.toMatch(/0000-4000|-1234567890/);
  });
});
