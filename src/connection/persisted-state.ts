import type { z } from 'zod';
import { connectionStateSchema, type incidentSchema } from '../contract/connection-view';
import type { Assert, SameType } from '../contract/same-type';
import type { Incident } from './incident';
import type { ConnectionState } from './types';

// The reducer's own types and the contract's schemas must describe the same shapes: a field added
// to one and not the other fails the typecheck here (the contract never imports upward).
export type IncidentSchemaMatches = Assert<SameType<z.infer<typeof incidentSchema>, Incident>>;
export type ConnectionSchemaMatches = Assert<SameType<z.infer<typeof connectionStateSchema>, ConnectionState>>;

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
