/** The browser-facing effects of recovery, implemented by the background entrypoint. */
export interface TabControl {
  /** Arm (or re-arm) this tab's single recovery timer for `untilMs` (epoch ms). */
  setTimer(tabId: number, untilMs: number): void;
  reload(tabId: number): Promise<void>;
  notifyFailed(tabId: number): Promise<void>;
  clearNotification(tabId: number): Promise<void>;
}
