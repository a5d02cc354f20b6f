import type { DraftState, LogEntry } from './types';

/**
 * What applying one event yields: the next state (the same object when nothing changed), what to
 * log, and, after a commissioner reset, the draft as it stood before it. The shell must store
 * `archived` as its own draft record (under `archived.archive.id`) before it stores `state`.
 */
export interface Reduction {
  state: DraftState;
  log: LogEntry[];
  archived?: DraftState;
}

export function result(state: DraftState, log: LogEntry[] = []): Reduction {
  return { state, log };
}
