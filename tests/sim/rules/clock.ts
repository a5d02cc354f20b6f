import { FRAME } from './frames';

/** Pick clock left, never negative. */
export function msRemaining(timePerSelectionMs: number, startedAt: number, now: number): number {
  return Math.max(0, timePerSelectionMs - (now - startedAt));
}

export interface ClockView {
  paused: boolean;
  phase: 'pre_draft' | 'live' | 'complete';
  /** Until the scheduled start (may be negative once it passed). */
  msToStart: number;
  /** The team between SELECTING and SELECTED, if any. */
  onTheClock: { teamId: number; msRemaining: number } | null;
  /** The team whose pick comes next when nobody is on the clock; null when no pick is left. */
  nextTeamId: number | null;
  timePerSelectionMs: number;
}

/** The CLOCK frame that describes the room now (sent in the join sequence). */
export function clockFrameFor(view: ClockView): string {
  if (view.paused) return FRAME.clockPaused();
  if (view.phase === 'pre_draft') return FRAME.clockLobby(Math.max(0, view.msToStart));
  if (view.phase === 'complete') return FRAME.clockComplete();
  if (view.onTheClock) return FRAME.clockPick(view.onTheClock.msRemaining, view.onTheClock.teamId);
  return view.nextTeamId === null ? FRAME.clockComplete() : FRAME.clockPick(view.timePerSelectionMs, view.nextTeamId);
}
