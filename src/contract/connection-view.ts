import { z } from '../zod-setup';

/**
 * A tab's connection state (src/connection/types.ts) as it crosses a boundary: to the popup inside
 * the draft view, and back from IndexedDB after the worker was killed (parseConnectionState).
 * The assertions at the bottom keep each schema equal to its type, so reshaping one without the
 * other fails to compile.
 */
// zod 4 numbers already reject NaN and ±Infinity.
const timestamp = z.number().nullable();
const count = z.number().int().min(0);

const incidentCauseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('close'), code: z.number().int(), reason: z.string(), wasClean: z.boolean() }),
  z.object({ kind: z.literal('error') }),
  z.object({ kind: z.literal('frames-lost') }),
  z.object({ kind: z.literal('silence'), silentForMs: z.number() }),
  z.object({ kind: z.literal('pong-timeout'), silentForMs: z.number() }),
  z.object({ kind: z.literal('batches-stopped'), silentForMs: z.number() }),
  z.object({ kind: z.literal('page-unload') }),
  z.object({ kind: z.literal('kicked') }),
]);

export const incidentSchema = z.object({
  seq: count,
  cause: incidentCauseSchema,
  faultStartedAt: timestamp,
  detectedAt: z.number(),
  detectionLatencyMs: timestamp,
  recoveredAt: timestamp,
  recoveryDurationMs: timestamp,
  outageMs: timestamp,
  reloadAttempts: count,
  picksCaughtUp: count.nullable(),
  gaveUp: z.boolean(),
  outcome: z.enum(['open', 'recovered', 'abandoned']),
});

export const connectionStateSchema = z.object({
  phase: z.enum(['watching', 'grace', 'reloading', 'backoff', 'failed', 'kicked', 'complete', 'navigatedAway', 'tabClosed']),
  attempt: count,
  deadline: timestamp,
  recoveryStartedAt: timestamp,
  fault: z.enum(['drop', 'stall', 'reset']).nullable(),
  newSocketOpenedAt: timestamp,
  // Added with the reload rate limit; older stored states have made no reload we know of.
  recentReloads: z.array(z.number()).max(100).default([]),
  reloadInFlight: z.boolean(),
  socket: z.object({
    open: z.boolean(),
    openedAt: timestamp,
    synced: z.boolean(),
    lastFrameAt: timestamp,
    lastInboundAt: timestamp,
    lastPingSentAt: timestamp,
    lastPongAt: timestamp,
  }),
  // Added with the watchdog: a state stored by an earlier release lacks them and starts unarmed.
  lastBatchAt: timestamp.default(null),
  quietPhase: z.enum(['active', 'paused', 'complete']).default('active'),
  heartbeat: z.object({ lastRttMs: timestamp, smoothedRttMs: timestamp, maxRttMs: timestamp, samples: count }),
  incident: incidentSchema.nullable(),
  incidents: z.array(incidentSchema),
  nextSeq: z.number().int().min(1),
  drops: count,
  recoveries: count,
});

