import type { DraftEvent } from '../protocol/events';
import { isKnownSnake } from './auction-events';
import { observeDrift } from './drift';
import { reduceDraft } from './reducer';
import type { DraftState, LogEntry, ProtocolDrift } from './types';

/** A draft's state plus the protocol drift seen while following it; the shell stores both. */
export interface DraftSession {
  state: DraftState;
  drift: ProtocolDrift;
}

export interface SessionStep {
  session: DraftSession;
  log: LogEntry[];
  /** After a commissioner reset: the draft before it, to store as its own record (see Reduction). */
  archived?: DraftState;
}

/**
 * reduceDraft plus drift counting, in one pure step. The session object is returned unchanged
 * when neither part changed, so routine CLOCK and PONG frames cost no write.
 */
export function reduceDraftSession(session: DraftSession, event: DraftEvent, now: number): SessionStep {
  const step = reduceDraft(session.state, event, now);
  const drift = observeDrift(session.drift, event, step.log, now, isKnownSnake(session.state));
  const unchanged = step.state === session.state && drift === session.drift;
  const next: SessionStep = { session: unchanged ? session : { state: step.state, drift }, log: step.log };
  if (step.archived !== undefined) next.archived = step.archived;
  return next;
}
