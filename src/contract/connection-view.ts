import { z } from '../zod-setup';
import type { ConnectionHealth } from '../health/connection-health';
import type { RecoveryState } from '../recovery/recovery-types';
import type { Assert, SameType } from './same-type';

/**
 * The connection wing's state as it crosses to the popup inside the draft view. The connection
 * core still declares these types itself; the assertions at the bottom keep each schema equal to
 * its type, so reshaping one without the other fails to compile.
 */
const epochMs = z.number();

const heartbeatSchema = z.object({
  lastRttMs: z.number().nullable(),
  smoothedRttMs: z.number().nullable(),
  maxRttMs: z.number().nullable(),
  samples: z.number(),
});

const incidentCauseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('close'), code: z.number(), reason: z.string(), wasClean: z.boolean() }),
  z.object({ kind: z.literal('error') }),
  z.object({ kind: z.literal('frames-lost') }),
  z.object({ kind: z.literal('silence'), silentForMs: z.number() }),
  z.object({ kind: z.literal('pong-timeout'), silentForMs: z.number() }),
  z.object({ kind: z.literal('page-unload') }),
  z.object({ kind: z.literal('kicked') }),
]);

const incidentSchema = z.object({
  seq: z.number(),
  cause: incidentCauseSchema,
  faultStartedAt: epochMs.nullable(),
  detectedAt: epochMs,
  detectionLatencyMs: z.number().nullable(),
  recoveredAt: epochMs.nullable(),
  recoveryDurationMs: z.number().nullable(),
  outageMs: z.number().nullable(),
  reloadAttempts: z.number(),
  picksCaughtUp: z.number().nullable(),
  gaveUp: z.boolean(),
  outcome: z.enum(['open', 'recovered', 'abandoned']),
});

export const connectionHealthSchema = z.object({
  status: z.enum(['connecting', 'live', 'stalled', 'dropped', 'recovering', 'failed', 'kicked', 'unloaded', 'finished']),
  draftComplete: z.boolean(),
  socketOpen: z.boolean(),
  socketOpenedAt: epochMs.nullable(),
  lastFrameAt: epochMs.nullable(),
  lastInboundAt: epochMs.nullable(),
  lastPingSentAt: epochMs.nullable(),
  lastPongAt: epochMs.nullable(),
  heartbeat: heartbeatSchema,
  activeIncident: incidentSchema.nullable(),
  newSocketSinceFault: z.boolean(),
  reloadInFlight: z.boolean(),
  incidents: z.array(incidentSchema),
  nextSeq: z.number(),
  drops: z.number(),
  recoveries: z.number(),
});

export const recoveryStateSchema = z.object({
  phase: z.enum(['watching', 'grace', 'reloading', 'backoff', 'failed', 'kicked', 'draftComplete', 'navigatedAway', 'tabClosed']),
  attempt: z.number(),
  deadline: epochMs.nullable(),
  recoveryStartedAt: epochMs.nullable(),
  fault: z.enum(['drop', 'stall']).nullable(),
  socketOpenedAt: epochMs.nullable(),
});

export type HealthSchemaMatches = Assert<SameType<z.infer<typeof connectionHealthSchema>, ConnectionHealth>>;
export type RecoverySchemaMatches = Assert<SameType<z.infer<typeof recoveryStateSchema>, RecoveryState>>;
