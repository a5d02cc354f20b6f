import type { FaultFigure } from './fault-room';

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const seconds = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);

/** Prints the figures the issue asks for: per fault kind, detection and catch-up medians and maxima. */
export function printFaultSummary(figures: readonly FaultFigure[], title: string): void {
  if (figures.length === 0) return;
  const byFault = new Map<string, FaultFigure[]>();
  for (const figure of figures) byFault.set(figure.fault, [...(byFault.get(figure.fault) ?? []), figure]);
  const lines = [`\n=== Fault figures: ${title} (${figures.length} faults) ===`];
  for (const [fault, list] of byFault) {
    const detections = list.map((f) => f.detectionMs).filter((v): v is number => v !== null);
    const catchUps = list.map((f) => f.catchUpMs);
    lines.push(
      `${fault.padEnd(34)} n=${String(list.length).padStart(2)}  detection median ${seconds(median(detections)).padStart(8)} max ${seconds(detections.length ? Math.max(...detections) : null).padStart(8)}  catch-up median ${seconds(median(catchUps)).padStart(8)} max ${seconds(Math.max(...catchUps)).padStart(8)}`,
    );
  }
  console.log(lines.join('\n'));
}
