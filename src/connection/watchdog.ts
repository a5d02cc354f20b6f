import type { Options } from './options';
import type { SilencePhase } from './silence';
import type { ConnectionState } from './types';

/**
 * The worker's watchdog over a draft tab. The page hook judges ESPN's socket, but it cannot report
 * its own death: when the relay or the hook dies (an extension update orphans them), or the tab is
 * discarded or frozen, batches simply stop and the log falls behind while the popup still says
 * "Live". ESPN sends CLOCK at least every ~5 s while the draft runs or waits, so a tab that is
 * watched and alive always sends batches; their absence beyond the phase's silence budget (plus a
 * margin that lets the hook report ESPN's own silence first) is a stall of the link itself.
 *
 * The watchdog uses the one per-tab timer (`deadline`) only while `watching`: in a recovery the
 * recovery's own timeouts cover the tab, and after the draft, a kick, or leaving the room nothing
 * is watched. It is armed lazily: a batch sets `lastBatchAt`, and the timer, when it fires before
 * the real due time, re-arms itself there, so a steady feed costs one timer per budget, not one
 * per batch.
 */

/** How long a watched tab may send nothing, or null when nothing is expected (the draft is over). */
export function watchdogBudgetMs(phase: SilencePhase, options: Readonly<Options>): number | null {
  if (phase === 'complete') return null;
  const budget = phase === 'paused' ? options.pausedBudgetMs : options.activeBudgetMs;
  return budget + options.watchdogMarginMs;
}

/** When the watchdog is due for this state, or null when the tab is not watched by it. */
export function watchdogDueAt(state: ConnectionState, options: Readonly<Options>): number | null {
  if (state.phase !== 'watching' || state.lastBatchAt === null) return null;
  const budget = watchdogBudgetMs(state.quietPhase, options);
  return budget === null ? null : state.lastBatchAt + budget;
}

/** Whether the tab's feed was live: only a tab that delivered the draft can stop delivering it. */
export function wasLive(state: ConnectionState): boolean {
  return state.socket.open && state.socket.synced;
}
