import type { DraftState, LogEntry } from './types';

/** What applying one event yields: the next state (the same object when nothing changed) and what to log. */
export interface Reduction {
  state: DraftState;
  log: LogEntry[];
}

export function result(state: DraftState, log: LogEntry[] = []): Reduction {
  return { state, log };
}
