import { batchInput, feedInputs } from '../connection/feed-inputs';
import { reduceConnection, reduceConnectionAll } from '../connection/reducer';
import type { ConnectionContext, ConnectionInput, ConnectionStep } from '../connection/types';
import type { LifecycleEntry } from './ingest';
import type { TabSession } from '../store/records';

/** What the shell must do for a tab, plus what to write in the draft's event log. */
export interface Supervision {
  session: TabSession;
  actions: ConnectionStep['actions'];
  log: ConnectionStep['log'];
}

export type SuperviseContext = ConnectionContext;

/**
 * The worker's connection step: feeds one batch's lifecycle to the tab's connection reducer.
 * Pure; the shell carries out the returned actions (timers, reloads, notifications).
 */
export function superviseBatch(
  session: TabSession,
  entries: readonly LifecycleEntry[],
  ctx: SuperviseContext,
  /** The tab's active socket before this batch; opens inside the batch move it along. */
  activeBefore: string | null = session.activeSocketId,
): Supervision {
  return withSession(session, reduceConnectionAll(session.connection, feedInputs(entries, activeBefore), ctx), ctx);
}

/**
 * `superviseBatch`, then the batch's arrival itself (the tab is alive), which feeds the watchdog
 * (src/connection/watchdog.ts). The worker runs this one for every batch.
 */
export function superviseBatchAndArrival(
  session: TabSession,
  entries: readonly LifecycleEntry[],
  ctx: SuperviseContext,
  activeBefore: string | null = session.activeSocketId,
): Supervision {
  const items = superviseBatch(session, entries, ctx, activeBefore);
  const arrival = reduceConnection(items.session.connection, batchInput(entries), ctx);
  return {
    session: { ...items.session, connection: arrival.state },
    actions: [...items.actions, ...arrival.actions],
    log: [...items.log, ...arrival.log],
  };
}

/** Feeds a non-batch input (timer, tab change, user action) to the reducer. */
export function superviseInput(session: TabSession, input: ConnectionInput, ctx: SuperviseContext): Supervision {
  return withSession(session, reduceConnection(session.connection, input, ctx), ctx);
}

function withSession(session: TabSession, step: ConnectionStep, ctx: SuperviseContext): Supervision {
  return { session: { ...session, connection: step.state, updatedAt: ctx.now }, actions: step.actions, log: step.log };
}
