import { z } from '../zod-setup';
import type { RecoveryState } from './recovery-types';

/**
 * Reading the policy state back from IndexedDB after the worker was killed. Storage can hold an
 * older shape or a half-written record; a state that does not validate is discarded (the tab is
 * then treated as healthy and the next drop starts a fresh recovery) rather than trusted.
 */
// zod 4 numbers already reject NaN and ±Infinity.
const timestamp = z.number().nullable();

const RecoveryStateSchema = z.object({
  phase: z.enum([
    'watching',
    'grace',
    'reloading',
    'backoff',
    'failed',
    'kicked',
    'draftComplete',
    'navigatedAway',
    'tabClosed',
  ]),
  attempt: z.number().int().min(0),
  deadline: timestamp,
  recoveryStartedAt: timestamp,
  fault: z.enum(['drop', 'stall']).nullable(),
  socketOpenedAt: timestamp,
});

/** The stored value as a RecoveryState, or null when it is not one. */
export function parseRecoveryState(stored: unknown): RecoveryState | null {
  const result = RecoveryStateSchema.safeParse(stored);
  return result.success ? result.data : null;
}
