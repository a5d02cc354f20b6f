import { decideRecovery, initialRecoveryState } from '../../../src/recovery/policy';
import { DEFAULT_RECOVERY_CONFIG, type RecoveryConfig } from '../../../src/recovery/recovery-config';
import type { RecoveryAction, RecoveryInput, RecoveryState } from '../../../src/recovery/recovery-types';

/**
 * A stand-in for the worker shell: it applies the policy's actions the way the real one will
 * (one timer, replaced by every `wait`; reloads and notifications recorded) on a simulated clock.
 */
export interface FakeShell {
  readonly now: number;
  readonly state: RecoveryState;
  /** Every action so far, with when it was emitted. */
  readonly history: { at: number; action: RecoveryAction }[];
  send(input: RecoveryInput): RecoveryAction[];
  /** Lets simulated time pass, firing the pending timer whenever it is due. */
  advance(ms: number): void;
  reloadTimes(): number[];
  count(type: RecoveryAction['type']): number;
  logs(): string[];
}

export function createFakeShell(options: {
  start: number;
  random?: () => number;
  config?: RecoveryConfig;
  state?: RecoveryState;
}): FakeShell {
  const random = options.random ?? (() => 0.5);
  const config = options.config ?? DEFAULT_RECOVERY_CONFIG;
  let now = options.start;
  let state = options.state ?? initialRecoveryState();
  let timer: number | null = null;
  const history: { at: number; action: RecoveryAction }[] = [];

  const send = (input: RecoveryInput) => {
    const decision = decideRecovery(state, input, now, random, config);
    state = decision.state;
    for (const action of decision.actions) {
      history.push({ at: now, action });
      if (action.type === 'wait') timer = action.untilMs;
    }
    return decision.actions;
  };

  return {
    get now() {
      return now;
    },
    get state() {
      return state;
    },
    history,
    send,
    advance(ms) {
      const target = now + ms;
      while (timer !== null && timer <= target) {
        now = Math.max(now, timer);
        timer = null;
        send({ type: 'timerFired' });
      }
      now = target;
    },
    reloadTimes: () => history.filter((h) => h.action.type === 'reloadTab').map((h) => h.at),
    count: (type) => history.filter((h) => h.action.type === type).length,
    logs: () => history.flatMap((h) => (h.action.type === 'log' ? [h.action.message] : [])),
  };
}

/** Deterministic draws in [0, 1) for tests that need many varied values: a plain 32-bit LCG. */
export function seededRandom(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1_664_525) + 1_013_904_223) >>> 0;
    return x / 4_294_967_296;
  };
}
