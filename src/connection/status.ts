import type { ConnectionState } from './types';

/** What the popup shows about a tab's connection. Derived from the state, never stored. */
export type DisplayStatus =
  /** A socket is open (or opening); its INIT snapshot has not arrived yet. */
  | 'connecting'
  /** We hold the snapshot and frames flow. */
  | 'live'
  /** The socket is open but ESPN went quiet, or its stream has a hole; recovery has not started. */
  | 'stalled'
  /** The socket closed or errored; recovery has not started. */
  | 'dropped'
  /** Waiting for ESPN to reconnect, or reloading the tab. */
  | 'recovering'
  /** Automatic recovery ran out of attempts; the user must reload. */
  | 'failed'
  /** ESPN disconnected this tab for a duplicate connection (`LEFT <me> <swid> 2`). */
  | 'kicked'
  /** The draft page is gone: tab closed or navigated away before the draft finished. */
  | 'unloaded'
  /** The draft is complete and its socket is gone: nothing more to watch. */
  | 'finished';

export function displayStatus(state: ConnectionState): DisplayStatus {
  const { socket, incident, phase } = state;
  const synced = socket.open && socket.synced;
  if (phase === 'complete') return !socket.open ? 'finished' : synced ? 'live' : 'connecting';
  if (phase === 'tabClosed' || phase === 'navigatedAway') return 'unloaded';
  if (incident?.cause.kind === 'page-unload' && !socket.open) return 'unloaded';
  if (phase === 'kicked') return 'kicked';
  if (phase === 'failed') return 'failed';
  if (incident) {
    // A new page or socket is back, waiting for its INIT; or the policy is at work.
    if (isWorking(state) || socket.open && incident.cause.kind === 'page-unload') return 'recovering';
    return incident.cause.kind === 'close' || incident.cause.kind === 'error' ? 'dropped' : 'stalled';
  }
  return synced ? 'live' : 'connecting';
}

function isWorking(state: ConnectionState): boolean {
  return state.phase === 'grace' || state.phase === 'reloading' || state.phase === 'backoff';
}
