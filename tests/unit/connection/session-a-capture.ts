import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Session A (the real ESPN capture) with its real timings, as epoch-ms frames.
 * The fixture lives in the shared research folder next to the checkout; a missing file fails
 * the tests that use it rather than skipping them.
 */
export const SESSION_A_PATH = fileURLToPath(new URL('../../../../shared/espn/fixtures/session-a.jsonl', import.meta.url));

export interface CapturedFrame {
  /** Arrival (in) or send (out) time, epoch ms. */
  at: number;
  dir: 'in' | 'out';
  data: string;
}

export interface Capture {
  /** Epoch ms of the capture's t = 0 (the socket's upgrade request, ≈ socket open). */
  t0: number;
  frames: CapturedFrame[];
}

/** The ms the page wrote into `PING PING%20<ms>` (or that ESPN echoed in PONG), or null. */
export function heartbeatMs(data: string): number | null {
  const match = /^P[IO]NG PING%20(\d+)\n?$/.exec(data);
  return match ? Number(match[1]) : null;
}

export function loadSessionA(): Capture {
  const lines = readFileSync(SESSION_A_PATH, 'utf8').trim().split('\n');
  const raw = lines.slice(1).map((line) => JSON.parse(line) as { t: number; dir: 'in' | 'out'; data: string });
  // The capture's t is relative; the first PING carries the page's absolute clock, which anchors t0.
  const firstPing = raw.find((f) => f.dir === 'out' && heartbeatMs(f.data) !== null);
  if (!firstPing) throw new Error('session A has no PING to anchor its clock');
  const t0 = heartbeatMs(firstPing.data)! - Math.round(firstPing.t * 1000);
  return { t0, frames: raw.map((f) => ({ at: t0 + Math.round(f.t * 1000), dir: f.dir, data: f.data })) };
}
