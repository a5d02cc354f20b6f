import { formatDuration, plural } from './format-duration';
import type { StallCause } from './silence';
import type { DropCause } from './types';

/** Log lines in plain words: they end up in the popup's activity list and bug reports. */

export function dropMessage(cause: DropCause): string {
  if (cause.kind === 'frames-lost') return 'Frames from the draft socket were lost; getting a fresh snapshot from ESPN';
  const what = cause.kind === 'close' ? `WebSocket closed (${cause.code})` : 'WebSocket error';
  return `${what}; waiting for ESPN to reconnect`;
}

export function stallMessage(cause: StallCause, silentForMs: number): string {
  const what =
    cause === 'silence'
      ? `No data from ESPN for ${formatDuration(silentForMs)}`
      : `ESPN stopped answering heartbeats (silent for ${formatDuration(silentForMs)})`;
  return `${what}; waiting for ESPN to reconnect`;
}

export function batchesStoppedMessage(silentForMs: number): string {
  return `Nothing arrived from the draft tab for ${formatDuration(silentForMs)} (the page or the extension's link to it stopped); waiting for it to come back`;
}

export function reloadHeldMessage(reloads: number, windowMs: number, waitMs: number): string {
  return `Not reloading yet: the draft tab was already reloaded ${plural(reloads, 'time')} in the last ${formatDuration(windowMs)}; next try in ${formatDuration(waitMs)}`;
}

export function reloadMessage(attempt: number, maxAttempts: number, why: string | null): string {
  return `Reloading draft tab, attempt ${attempt}/${maxAttempts}${why ? ` (${why})` : ''}`;
}

export function attemptFailedMessage(attempt: number, maxAttempts: number, timeoutMs: number, nextInMs: number): string {
  return `Reload attempt ${attempt}/${maxAttempts} did not reconnect within ${formatDuration(timeoutMs)}; next attempt in ${formatDuration(nextInMs)}`;
}

export function gaveUpMessage(attempts: number): string {
  return `Gave up after ${plural(attempts, 'reload')}; the draft tab needs a manual reload`;
}

export function reconnectedMessage(elapsedMs: number, reloads: number): string {
  const how = reloads > 0 ? ` (${plural(reloads, 'reload')})` : '';
  return `Reconnected after ${formatDuration(elapsedMs)}${how}`;
}

export const MESSAGES = {
  resumed: (elapsedMs: number) => `ESPN's connection came back by itself after ${formatDuration(elapsedMs)}`,
  tabResumed: (elapsedMs: number) => `The draft tab is sending again after ${formatDuration(elapsedMs)}`,
  espnSocketOpened: 'ESPN opened a new draft socket; waiting for its snapshot',
  resetWaiting: 'ESPN reset the draft; waiting for the restarted draft\'s snapshot',
  resetSnapshot: (elapsedMs: number) => `ESPN sent the restarted draft's snapshot after ${formatDuration(elapsedMs)}`,
  kicked:
    'ESPN disconnected this tab because the draft was opened in another tab or device; not reloading, since that would disconnect the other one',
  draftComplete: 'Draft complete; no more reloads',
  navigatedAway: 'Draft tab left the draft room; stopped watching',
  tabClosed: 'Draft tab closed; stopped watching',
  backInRoom: 'Draft tab is back in the draft room',
  manualReload: 'Reloading draft tab at your request',
  autoReloadOff: 'Automatic reload is off in the options; reload the draft tab to recover',
  noReloadComplete: 'The draft is complete; not reloading',
  noReloadGone: 'The draft tab is no longer in the draft room; not reloading',
} as const;
