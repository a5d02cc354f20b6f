import type { LogEntry } from '../../../src/draft/types';
import { DEFAULT, type Options } from '../../../src/connection/options';
import { initialConnection, reduceConnection } from '../../../src/connection/reducer';
import type { ConnectionAction, ConnectionInput, ConnectionState } from '../../../src/connection/types';

/** An input as a test writes it: inputs from the page get `at` = the shell's clock unless given. */
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> & Partial<Pick<T, Extract<K, keyof T>>> : never;
export type ShellInput = Without<ConnectionInput, 'at'>;

/** The reducer's actions and log lines in emission order: log lines first, as the shell writes them before acting. */
export type ShellAction = ConnectionAction | { type: 'log'; level: LogEntry['level']; message: string };

export interface Decision {
  state: ConnectionState;
  actions: ShellAction[];
}

/** The recovery part of a state, for exact comparisons that ignore health bookkeeping. */
export function recoveryOf(state: ConnectionState) {
  const { phase, attempt, deadline, recoveryStartedAt, fault, newSocketOpenedAt } = state;
  return { phase, attempt, deadline, recoveryStartedAt, fault, newSocketOpenedAt };
}

const withAt = (input: ShellInput, now: number): ConnectionInput =>
  ('at' in input || ['timerFired', 'tabNavigatedAway', 'tabClosed', 'manualReloadRequested', 'batchReceived'].includes(input.type)
    ? input
    : { ...input, at: now }) as ConnectionInput;

/** One reducer step at `now`, with its log lines turned into `log` actions ahead of the rest. */
export function decide(
  state: ConnectionState,
  input: ShellInput,
  now: number,
  random: () => number = () => 0.5,
  options: Readonly<Options> = DEFAULT,
): Decision {
  const step = reduceConnection(state, withAt(input, now), { now, random, options });
  const logs: ShellAction[] = step.log.map((entry) => ({ type: 'log', level: entry.level, message: entry.message }));
  return { state: step.state, actions: [...logs, ...step.actions] };
}

/**
 * A stand-in for the worker shell: it applies the reducer's actions the way the real one does
 * (one timer, replaced by every `wait`; reloads and notifications recorded) on a simulated clock.
 */
export interface FakeShell {
  readonly now: number;
  readonly state: ConnectionState;
  /** Every action so far, with when it was emitted. */
  readonly history: { at: number; action: ShellAction }[];
  send(input: ShellInput): ShellAction[];
  /** Lets simulated time pass, firing the pending timer whenever it is due. */
  advance(ms: number): void;
  reloadTimes(): number[];
  count(type: ShellAction['type']): number;
  logs(): string[];
}

export function createFakeShell(options: {
  start: number;
  random?: () => number;
  config?: Readonly<Options>;
  state?: ConnectionState;
}): FakeShell {
  const random = options.random ?? (() => 0.5);
  const config = options.config ?? DEFAULT;
  let now = options.start;
  let state = options.state ?? initialConnection();
  let timer: number | null = null;
  const history: { at: number; action: ShellAction }[] = [];

  const send = (input: ShellInput) => {
    const decision = decide(state, input, now, random, config);
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
