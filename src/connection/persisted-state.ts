import { connectionStateSchema } from '../contract/connection-view';
import type { ConnectionState } from './types';

/**
 * Reading a tab's connection state back from IndexedDB after the worker was killed. Storage can
 * hold an older shape (before 2026-11 a session held separate `health` and `recovery` objects) or
 * a half-written record; a state that does not validate is discarded (the tab then starts afresh
 * from "watching", and the next drop starts a fresh recovery) rather than trusted: it drives reloads.
 */
/** The stored value as a ConnectionState, or null when it is not one. */
export function parseConnectionState(stored: unknown): ConnectionState | null {
  const result = connectionStateSchema.safeParse(stored);
  return result.success ? result.data : null;
}
