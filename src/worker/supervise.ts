import { reduceHealth, type ConnectionHealth, type HealthSignal } from '../health/connection-health';
import { decideRecovery } from '../recovery/policy';
import type { RecoveryConfig } from '../recovery/recovery-config';
import type { RecoveryAction, RecoveryInput, RecoveryState } from '../recovery/recovery-types';
import type { LogEntry } from '../draft/types';
import { quoteFrameText } from '../draft/redact';
import type { LifecycleEntry } from './ingest';
import type { TabSession } from './records';

/** What the shell must do for a tab, plus what to write in the draft's event log. */
export interface Supervision {
  session: TabSession;
  actions: Array<Exclude<RecoveryAction, { type: 'log' }>>;
  log: LogEntry[];
}

export interface SuperviseContext {
  now: number;
  random: () => number;
  config: RecoveryConfig;
}

/**
 * Turns one batch's lifecycle into health signals and recovery decisions for a tab.
 * Pure; the shell carries out the returned actions (timers, reloads, notifications).
 */
export function superviseBatch(
  session: TabSession,
  entries: readonly LifecycleEntry[],
  ctx: SuperviseContext,
  /** The tab's active socket before this batch; opens inside the batch move it along. */
  activeBefore: string | null = session.activeSocketId,
): Supervision {
  const out = new Tracker(session, ctx, activeBefore);
  for (const entry of entries) out.apply(entry);
  return out.result();
}

/** Feeds a non-batch input (timer, tab change, user action) to the policy. */
export function superviseInput(session: TabSession, input: RecoveryInput, ctx: SuperviseContext): Supervision {
  const out = new Tracker(session, ctx);
  out.decide(input);
  return out.result();
}

class Tracker {
  private health: ConnectionHealth;
  private recovery: RecoveryState;
  private readonly actions: Supervision['actions'] = [];
  private readonly log: LogEntry[] = [];

  constructor(
    private readonly session: TabSession,
    private readonly ctx: SuperviseContext,
    /** Which socket is the tab's live one at the item being applied. */
    private activeSocketId: string | null = session.activeSocketId,
  ) {
    this.health = session.health;
    this.recovery = session.recovery;
  }

  result(): Supervision {
    return { session: { ...this.session, health: this.health, recovery: this.recovery, updatedAt: this.ctx.now }, actions: this.actions, log: this.log };
  }

  private signal(signal: HealthSignal, at = this.ctx.now): void {
    this.health = reduceHealth(this.health, signal, at);
  }

  decide(input: RecoveryInput): void {
    const before = this.recovery;
    const decision = decideRecovery(before, input, this.ctx.now, this.ctx.random, this.ctx.config);
    this.recovery = decision.state;
    for (const action of decision.actions) {
      if (action.type === 'log') {
        if (action.level !== 'debug') this.log.push({ at: this.ctx.now, level: action.level, kind: 'recovery', message: action.message });
        continue;
      }
      this.actions.push(action);
      if (action.type === 'reloadTab') this.signal({ type: 'recoveryReloading', attempt: decision.state.attempt });
      if (action.type === 'notifyFailed') this.signal({ type: 'recoveryGaveUp' });
    }
    const startedRecovering = before.phase === 'watching' && (decision.state.phase === 'grace' || decision.state.phase === 'reloading');
    if (startedRecovering) this.signal({ type: 'recoveryStarted', attempt: decision.state.attempt });
  }

  apply(entry: LifecycleEntry): void {
    const { item } = entry;
    if (item.k === 'open') this.activeSocketId = item.sid;
    const isActive = 'sid' in item && item.sid === this.activeSocketId;
    switch (item.k) {
      case 'open':
        this.signal({ type: 'socketOpened' }, item.at);
        this.decide({ type: 'socketOpened' });
        return;
      case 'frame':
        this.applyFrame(entry, isActive);
        return;
      case 'close':
        // An old socket closing after its replacement opened is not a drop.
        if (!isActive) return;
        // The close reason is server text: it is shown and stored, so it is redacted and capped first.
        this.signal({ type: 'socketClosed', code: item.code, reason: quoteFrameText(item.reason), wasClean: item.clean }, item.at);
        this.decide({ type: 'dropDetected', cause: { kind: 'close', code: item.code } });
        return;
      case 'error':
        if (isActive) this.signal({ type: 'socketError' }, item.at);
        return;
      case 'stall':
        if (!isActive) return;
        this.signal({ type: 'stallDetected', cause: item.cause, silentForMs: item.silentForMs }, item.at);
        this.decide({ type: 'stallDetected', cause: item.cause, silentForMs: item.silentForMs });
        return;
      case 'unload':
        this.signal({ type: 'pageUnloaded' }, item.at);
        return;
    }
  }

  private applyFrame(entry: LifecycleEntry, isActive: boolean): void {
    const item = entry.item;
    if (item.k !== 'frame') return;
    const event = entry.event;
    // A replaced socket's late frames say nothing about the live connection.
    if (!isActive) return;
    if (item.dir === 'out') {
      if (event?.type === 'ping') this.signal({ type: 'pingSent' }, item.at);
      this.signal({ type: 'frameReceived', at: item.at, dir: 'out' }, item.at);
      return;
    }
    const rttMs = event?.type === 'pong' ? item.at - event.pingSentAt : undefined;
    this.signal(
      { type: 'frameReceived', at: item.at, dir: 'in', isPong: event?.type === 'pong', rttMs, isInit: event?.type === 'init' },
      item.at,
    );
    if (this.recovery.phase === 'grace' && this.recovery.fault === 'stall' && event?.type !== 'init') {
      this.decide({ type: 'framesResumed' });
    }
    if (entry.desync) {
      // The socket works but its stream has a hole: only a new socket's INIT fills it.
      this.signal({ type: 'framesLost' }, item.at);
      this.decide({ type: 'dropDetected', cause: { kind: 'frames-lost' } });
    }
    if (event?.type === 'init') {
      this.decide({ type: 'initReceived' });
      if (entry.caughtUp !== undefined) this.signal({ type: 'picksCaughtUp', count: entry.caughtUp }, item.at);
    }
    const myTeamId = entry.draft?.myTeamId ?? null;
    if (event?.type === 'left' && event.reason === 2 && myTeamId !== null && event.teamId === myTeamId) {
      this.signal({ type: 'kicked' }, item.at);
      this.decide({ type: 'kicked' });
    }
    if (entry.draft?.status === 'complete' && !this.health.draftComplete) {
      this.signal({ type: 'draftCompleted' }, item.at);
      this.decide({ type: 'draftCompleted' });
    }
  }
}
