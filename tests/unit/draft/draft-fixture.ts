import type { DraftEvent } from '../../../src/protocol/events';
import { createDraftState } from '../../../src/draft/create-draft';
import { reduceDraft } from '../../../src/draft/reducer';
import type { DraftKey, DraftState, LogEntry } from '../../../src/draft/types';
import { makeSnapshot, snakeTeam, type SnapshotOptions } from './snapshot-fixture';

export const KEY: DraftKey = { game: 'ffl', leagueId: '123456789', seasonId: 2025 };
export const T0 = 1_756_607_400_000;

export const swid = (n: number): string => `{00000000-0000-4000-8000-${String(n).padStart(12, '0')}}`;

export const init = (options: SnapshotOptions = {}): DraftEvent => ({ type: 'init', snapshot: makeSnapshot(options) });
export const selected = (teamId: number, playerId: number, spot: number, member: string | null = swid(teamId)): DraftEvent => ({
  type: 'selected',
  teamId,
  playerId,
  spot,
  member,
});
export const selecting = (teamId: number, msAllowed = 30000): DraftEvent => ({ type: 'selecting', teamId, msAllowed });
export const pickClock = (teamId: number, msRemaining = 25000): DraftEvent => ({ type: 'clock', phase: 'pick', msRemaining, teamId });
export const stateCode = (state: number): DraftEvent => ({ type: 'state', state });

export interface Run {
  state: DraftState;
  log: LogEntry[];
  now: number;
}

/** Feeds events one second apart, collecting every log entry. */
export function run(events: readonly DraftEvent[], from: Run = { state: createDraftState(KEY, T0), log: [], now: T0 }): Run {
  let { state, now } = from;
  const log = [...from.log];
  for (const event of events) {
    now += 1000;
    const step = reduceDraft(state, event, now);
    state = step.state;
    log.push(...step.log);
  }
  return { state, log, now };
}

/** A live 10-team draft after INIT (pre-draft) and STATE 1, nothing picked yet. */
export function liveDraft(options: SnapshotOptions = {}): Run {
  return run([init(options), stateCode(1)]);
}

/** Makes the next `count` picks in snake order (skipping keeper slots), each player = 1000 + pick number. */
export function pickInOrder(from: Run, count: number, teamCount = 10): Run {
  const events: DraftEvent[] = [];
  const taken = new Set(from.state.picks.map((pick) => pick.overallPick));
  for (let n = 1, made = 0; made < count; n++) {
    if (taken.has(n)) continue;
    made++;
    const team = snakeTeam(n, teamCount);
    events.push(selecting(team), selected(team, 1000 + n, 10));
  }
  return run(events, from);
}

export const kinds = (log: readonly LogEntry[]): string[] => log.map((entry) => entry.kind);
