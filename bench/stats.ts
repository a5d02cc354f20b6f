/** Quantiles and the one table `npm run bench` prints. Figures only: nothing here is ever asserted. */

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Row {
  what: string;
  median: string;
  p95: string;
  n: number | string;
  note: string;
}

/** A row from samples; `higherIsBetter` takes the 5th percentile as the bad tail ("p95" of the worst runs). */
export function sampleRow(what: string, samples: readonly number[], unit: string, digits: number, note = '', higherIsBetter = false): Row {
  if (samples.length === 0) return { what, median: 'n/a', p95: 'n/a', n: 0, note };
  const fmt = (v: number) => `${v.toFixed(digits)} ${unit}`.trim();
  return { what, median: fmt(quantile(samples, 0.5)), p95: fmt(quantile(samples, higherIsBetter ? 0.05 : 0.95)), n: samples.length, note };
}

export function printTable(title: string, rows: readonly Row[]): void {
  const header: Row = { what: 'measure', median: 'median', p95: 'p95', n: 'n', note: 'note' };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((row) => String(row[key]).length));
  const line = (row: Row) =>
    `| ${row.what.padEnd(width('what'))} | ${row.median.padStart(width('median'))} | ${row.p95.padStart(width('p95'))} | ${String(row.n).padStart(width('n'))} | ${row.note.padEnd(width('note'))} |`;
  const rule = `|${'-'.repeat(width('what') + 2)}|${'-'.repeat(width('median') + 1)}:|${'-'.repeat(width('p95') + 1)}:|${'-'.repeat(width('n') + 1)}:|${'-'.repeat(width('note') + 2)}|`;
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(rule);
  for (const row of rows) console.log(line(row));
}
