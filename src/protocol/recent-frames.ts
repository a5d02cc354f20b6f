import type { Direction } from './events';

/** One draft-socket frame as the shell saw it, kept briefly for a bug-report capture. */
export interface RecentFrame {
  /** Epoch ms when it was seen (injected clock). */
  at: number;
  direction: Direction;
  /** The frame text as relayed (the page hook has already redacted TOKEN frames). */
  text: string;
}

/** Enough frames for a few minutes of a live draft (a CLOCK every 5 s, a pick every ~30 s). */
export const RECENT_FRAME_LIMIT = 400;

/**
 * Appends to a bounded list, dropping the oldest. Pure: returns a new array. The list holds
 * member ids (SWIDs), so the shell keeps it in memory only, never in storage; anonymizedCapture
 * removes them when the user exports it.
 */
export function appendRecentFrame(frames: readonly RecentFrame[], frame: RecentFrame, limit = RECENT_FRAME_LIMIT): RecentFrame[] {
  const kept = frames.length >= limit ? frames.slice(frames.length - limit + 1) : [...frames];
  kept.push(frame);
  return kept;
}
