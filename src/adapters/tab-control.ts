/** The browser-facing effects of recovery: the worker carries out connection actions through it; browser-tab-control.ts implements it. */
export interface TabControl {
  /** Arm (or re-arm) this tab's single recovery timer for `untilMs` (epoch ms). */
  setTimer(tabId: number, untilMs: number): void;
  /**
   * Reloads the tab only if it still shows this league's draft room; resolves false (and
   * reloads nothing) when the tab is gone or shows something else.
   */
  reload(tabId: number, leagueId: string | null): Promise<boolean>;
  notifyFailed(tabId: number): Promise<void>;
  clearNotification(tabId: number): Promise<void>;
}
