/** How the team on the clock will make its pick, and when (ms after SELECTING). */
export type PickPlan =
  /** ESPN picks for an autodraft or unowned team after a short delay. */
  | { kind: 'autodraft'; delayMs: number }
  /** Nobody picks: the clock runs out and ESPN autopicks (AUTODRAFT T true first). */
  | { kind: 'clock-expires'; delayMs: number }
  /** The member picks by hand (with their SWID in SELECTED). */
  | { kind: 'human'; delayMs: number };

export interface PickerView {
  autodraft: boolean;
  /** The team has a member (false: a bot team). */
  owned: boolean;
  online: boolean;
  isMyTeam: boolean;
}

export interface PickPace {
  timePerSelectionMs: number;
  autoPickDelayMs: number;
  pickIntervalMs: number;
  timeoutRate: number;
  myPicks: 'engine' | 'client';
}

/**
 * The pick cycle's one decision. `draws` are two uniform numbers in [0, 1), drawn for every pick
 * whatever the plan, so the random stream stays aligned from pick to pick.
 */
export function planPick(team: PickerView, pace: PickPace, draws: { timeout: number; delay: number }): PickPlan {
  const clock = pace.timePerSelectionMs;
  if (team.autodraft || !team.owned) {
    return { kind: 'autodraft', delayMs: Math.min(clock - 1, Math.round(pace.autoPickDelayMs * (0.95 + 0.2 * draws.delay))) };
  }
  if (team.isMyTeam && pace.myPicks === 'client') return { kind: 'clock-expires', delayMs: clock };
  if ((!team.online && !team.isMyTeam) || (!team.isMyTeam && draws.timeout < pace.timeoutRate)) {
    return { kind: 'clock-expires', delayMs: clock };
  }
  return { kind: 'human', delayMs: Math.max(1, Math.min(clock - 1, Math.round(pace.pickIntervalMs * (0.35 + 1.3 * draws.delay)))) };
}
