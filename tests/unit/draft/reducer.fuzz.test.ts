import { describe, expect, it } from 'vitest';
import type { ClockEvent, DraftEvent } from '../../../src/protocol/events';
import type { InitSnapshot } from '../../../src/protocol/init/init-types';
import { createDraftState } from '../../../src/draft/create-draft';
import { checkInvariants } from '../../../src/draft/invariants';
import { firstOpenSlot } from '../../../src/draft/pick-table';
import { reduceDraft } from '../../../src/draft/reducer';
import type { DraftState } from '../../../src/draft/types';
import { KEY, swid, T0 } from './draft-fixture';
import { LEAGUE_ID, makeSnapshot, type FilledSlot } from './snapshot-fixture';
import { mulberry32 } from '../../support/prng';


class Dice {
  constructor(private readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
}

/** Player ids: a small pool so repeats are common, D/ST negatives and a 5-digit id included. */
const PLAYERS = [...Array.from({ length: 40 }, (_, i) => 4_000_000 + i), -16014, -16024, -16034, 16800];

interface World {
  teams: number;
  rounds: number;
}

function randomPlayer(dice: Dice, state: DraftState): number {
  const roll = dice.int(0, 99);
  if (roll < 25 && state.picks.length > 0) return dice.pick(state.picks).playerId; // a repeat
  if (roll < 28) return dice.pick([-1, 0, Number.NaN, 2 ** 31]);
  return dice.pick(PLAYERS);
}

/** An INIT: often consistent with what we recorded, sometimes ahead, behind, different, or broken. */
function randomInit(dice: Dice, state: DraftState, world: World): InitSnapshot {
  if (dice.chance(0.15)) {
    world.teams = dice.int(1, 12);
    world.rounds = dice.int(1, 6);
  }
  const slots = world.teams * world.rounds;
  const filled: FilledSlot[] = [];
  const used = new Set<number>();
  const prefix = dice.chance(0.5)
    ? Math.min(slots, Math.max(0, state.picks.length + dice.int(-3, 3)))
    : dice.int(0, slots);
  for (let n = 1; n <= prefix; n++) {
    const ours = state.picks.find((pick) => pick.overallPick === n);
    let player = ours !== undefined && dice.chance(0.8) ? ours.playerId : dice.pick(PLAYERS);
    if (used.has(player) && dice.chance(0.9)) player = 5_000_000 + n; // mostly keep the table valid
    used.add(player);
    filled.push({ overallPick: n, playerId: player, spot: dice.int(0, 17), keeper: dice.chance(0.05) });
  }
  for (let k = dice.int(0, 2); k > 0; k--) {
    const n = dice.int(1, slots);
    if (filled.some((slot) => slot.overallPick === n)) continue;
    filled.push({ overallPick: n, playerId: 6_000_000 + n, keeper: dice.chance(0.85) }); // mostly keepers
  }
  const snapshot = makeSnapshot({
    teams: world.teams,
    rounds: world.rounds,
    state: dice.pick([0, 1, 1, 1, 2, 5]),
    draftType: dice.chance(0.9) ? 1 : dice.int(0, 9),
    leagueId: dice.chance(0.95) ? LEAGUE_ID : 42,
    myTeamId: dice.int(1, world.teams),
    filled,
    offlineTeams: [dice.int(1, world.teams)],
    slotTeams: dice.chance(0.1) ? new Map([[dice.int(1, slots), dice.int(1, world.teams)]]) : undefined,
  });
  mutate(dice, snapshot);
  return snapshot;
}

/** Structural damage a bad decoder or a format change could cause. */
function mutate(dice: Dice, snapshot: InitSnapshot): void {
  const { picks, teams } = snapshot.draft;
  switch (dice.int(0, 12)) {
    case 0:
      picks.splice(dice.int(0, picks.length - 1), 1);
      break;
    case 1:
      if (picks.length > 1) picks[1]!.overallPick = picks[0]!.overallPick;
      break;
    case 2:
      picks.reverse();
      break;
    case 3:
      teams.pop();
      break;
    case 4:
      if (teams.length > 0) teams.push({ ...teams[0]! });
      break;
    case 5:
      dice.pick(picks).playerId = dice.pick(PLAYERS);
      break;
    default:
      break; // most snapshots arrive intact
  }
}

function randomClock(dice: Dice, teamId: number): ClockEvent {
  switch (dice.int(0, 6)) {
    case 0:
      return { type: 'clock', phase: 'predraft', msToStart: dice.int(0, 90000) };
    case 1:
      return { type: 'clock', phase: 'paused' };
    case 2:
      return { type: 'clock', phase: 'postdraft' };
    case 3:
      return { type: 'clock', phase: 'other', code: dice.int(7, 99), args: [dice.int(0, 9)] };
    default:
      return { type: 'clock', phase: 'pick', msRemaining: dice.int(0, 30000), teamId };
  }
}

function randomEvent(dice: Dice, state: DraftState, world: World): DraftEvent {
  const nextTeam = firstOpenSlot(state)?.teamId ?? 1;
  const anyTeam = dice.int(0, 13);
  const team = dice.chance(0.75) ? nextTeam : anyTeam;
  const roll = dice.int(0, 99);
  if (roll < 34) {
    return { type: 'selected', teamId: team, playerId: randomPlayer(dice, state), spot: dice.int(-1, 18), member: dice.chance(0.7) ? swid(team) : null };
  }
  if (roll < 44) return { type: 'selecting', teamId: team, msAllowed: 30000 };
  if (roll < 56) return randomClock(dice, team);
  if (roll < 62) return { type: 'init', snapshot: randomInit(dice, state, world) };
  if (roll < 65) return { type: 'state', state: dice.int(-1, 4) };
  if (roll < 69) return { type: 'undone', index: dice.int(-2, Math.max(2, state.slots.length + 2)) };
  if (roll < 70) return { type: 'reset' };
  if (roll < 73) return { type: 'malformed', command: 'SELECTED', raw: `SELECTED ${swid(anyTeam)}`, error: `bad frame ${swid(anyTeam)}` };
  if (roll < 75) return { type: 'unknown', command: dice.pick(['NOMINATE', 'WHATEVER', '']), raw: `X ${swid(anyTeam)}` };
  if (roll < 79) return { type: 'autodraft', teamId: anyTeam, enabled: dice.chance(0.5) };
  if (roll < 83) return { type: 'joined', teamId: anyTeam, member: swid(anyTeam) };
  if (roll < 86) return { type: 'left', teamId: anyTeam, member: swid(anyTeam), reason: dice.int(0, 2) };
  if (roll < 88) return { type: 'error', code: 1, message: `refused ${swid(anyTeam)}` };
  return dice.pick<DraftEvent>([
    { type: 'pong', pingSentAt: T0 },
    { type: 'autosuggest', playerId: dice.pick(PLAYERS) },
    { type: 'token', gameId: 1, leagueId: LEAGUE_ID, teamId: 2 },
    { type: 'draftList', direction: 'in', playerIds: [] },
    { type: 'bid', teamId: anyTeam, playerId: 1, amount: 3 },
  ]);
}

/** Frozen inputs turn any accidental mutation inside the reducer into an error we can see. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const SEEDS = [1, 2, 3, 0xc0ffee];
const EVENTS_PER_SEED = 3000;

describe('reduceDraft fuzz', () => {
  it.each(SEEDS)('keeps every invariant after every one of %d-seeded random events', (seed) => {
    const dice = new Dice(mulberry32(seed));
    const world: World = { teams: 10, rounds: 3 };
    let state = deepFreeze(createDraftState(KEY, T0));
    const seen = new Map<string, number>();
    let mostPicks = 0;

    for (let i = 0; i < EVENTS_PER_SEED; i++) {
      const event = deepFreeze(randomEvent(dice, state, world));
      const now = T0 + i * 250;
      const step = reduceDraft(state, event, now);
      state = deepFreeze(step.state);

      const problems = checkInvariants(state);
      if (problems.length > 0) {
        throw new Error(`seed ${seed}, event ${i} (${event.type}): ${problems.join('; ')}`);
      }
      for (const entry of step.log) {
        expect(entry.kind, `${entry.message} at event ${i}`).not.toBe('internal');
        expect(entry.at).toBe(now);
        expect(entry.message).not.toMatch(/0000-4000|-1234567890/);
        seen.set(entry.kind, (seen.get(entry.kind) ?? 0) + 1);
      }
      expect(JSON.stringify(state)).not.toContain('0000-4000');
      mostPicks = Math.max(mostPicks, state.picks.length);
    }

    // The run must have exercised the interesting paths, or passing proves little.
    expect(mostPicks).toBeGreaterThan(5);
    for (const kind of ['snapshot', 'snapshot_rejected', 'pick_ignored', 'pick_mismatch', 'pick_removed', 'undo', 'reset', 'malformed_frame']) {
      expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
  });
});
