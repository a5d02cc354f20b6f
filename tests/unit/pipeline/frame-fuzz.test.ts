import { describe, expect, it } from 'vitest';
import { createDraftState } from '../../../src/draft/create-draft';
import { checkInvariants } from '../../../src/draft/invariants';
import { reduceDraft } from '../../../src/draft/reducer';
import type { DraftState, LogEntry } from '../../../src/draft/types';
import type { Direction, DraftEvent, DraftEventType } from '../../../src/protocol/events';
import { buildInitSnapshot, type FilledPick } from '../../sim/init/build-snapshot';
import { encodeInit } from '../../sim/init/encode-init';
import { parseInitFrameText } from '../../../src/protocol/init/init-frame';
import { formatInitFrame } from '../../sim/init/format-init-frame';
import { parseFrame } from '../../../src/protocol/parse-frame';
import { SWID_PATTERN } from '../../../src/contract/swid';
import { loadSessionAExpected } from '../protocol/session-a-fixture';
import { Rng } from './prng';
import { ANY_GUID, atOf, DRAFT_ID, sessionAReplay, TabStore } from './session-a-items';

// Text-level fuzz of parseFrame → reduceDraft, seeded so any failure replays from its seed.
// Real frames are fed raw (the TOKEN frame still carries the SWID and the security code), so
// the worker's own redaction is what keeps secrets out, not the page hook's.

const replay = sessionAReplay();
const expected = loadSessionAExpected();
const { t0 } = replay;
const REAL = replay.frames.map((f) => ({ data: f.data, dir: f.dir, at: atOf(t0, f.t) }));
const KEY = { game: 'ffl', leagueId: '123456789', seasonId: 2025 };
const CODE_DIGITS = '1234567890';

/** Every event type the parser may return; `Record` makes tsc flag a missing or stale name. */
const EVENT_TYPES: Record<DraftEventType, true> = {
  init: true, token: true, joined: true, left: true, autodraft: true, clock: true, state: true,
  selecting: true, selected: true, autosuggest: true, draftList: true, undone: true, reset: true,
  chat: true, error: true, pong: true, ping: true, select: true, autodraftRequest: true,
  nomination: true, bid: true, bidAck: true, passed: true, sold: true, unknown: true, malformed: true,
};

const swid = (n: number): string => `{00000000-0000-4000-8000-${String(n).padStart(12, '0')}}`;

// ---------------------------------------------------------------- INIT frames

const REAL_INIT = REAL.find((f) => f.data.startsWith('INIT '))!.data;
const REAL_INIT_BYTES = (() => {
  const parsed = parseInitFrameText(REAL_INIT);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.bytes;
})();

const capturedPicks = (count: number): FilledPick[] =>
  expected.picks.slice(0, count).map((p) => ({ overallPick: p.overallPick, playerId: p.playerId, spot: p.spot }));

function builtInit(options: { picks?: FilledPick[]; leagueId?: number; teams?: number; rounds?: number; state?: number }): string {
  const snapshot = buildInitSnapshot({
    leagueId: options.leagueId ?? 123456789,
    myTeamId: 2,
    teamIds: Array.from({ length: options.teams ?? 10 }, (_, i) => i + 1),
    rounds: options.rounds,
    state: options.state ?? 1,
    draftDate: 1756607492198,
    picks: options.picks ?? [],
    autodraftTeamIds: [6],
  });
  return formatInitFrame(encodeInit(snapshot));
}

/** Syntactically valid INITs that disagree with the stream in every way a reconnect could. */
const HOSTILE_INITS: readonly string[] = [
  builtInit({ picks: capturedPicks(0), state: 0 }),
  builtInit({ picks: capturedPicks(5) }),
  builtInit({ picks: capturedPicks(11) }),
  builtInit({ picks: capturedPicks(22) }),
  // Ahead of the stream: picks nobody saw on this socket.
  builtInit({ picks: [...capturedPicks(22), { overallPick: 23, playerId: 4_999_001, spot: 10 }] }),
  // Disagrees on pick 4 (a correction) and holds a keeper beyond the gap (pick 50 is team 10's).
  builtInit({
    picks: [
      ...capturedPicks(3),
      { overallPick: 4, playerId: 4_999_004, spot: 10 },
      { overallPick: 50, playerId: 4_999_050, spot: 12, keeper: true },
    ],
  }),
  builtInit({ picks: capturedPicks(8), leagueId: 987654321 }),
  builtInit({ picks: [], teams: 8, rounds: 12 }),
  builtInit({ picks: [], teams: 12, rounds: 3 }),
  builtInit({ picks: capturedPicks(22), state: 2 }),
];

// ---------------------------------------------------------------- mutators

const HUGE = ['2147483647', '2147483648', '-2147483648', '-2147483649', '9007199254740993', '1e9', '0x10', '9'.repeat(400), 'NaN', 'Infinity', '-0', '007'];
const ODD_TEXT = ['é', 'ü', '\u0000', '\u00a0', '\u200f', '\ufeff', '１２', '🏈', '\ud800', '\t', '\r', '\n', ':', '%', '{', '}', '#', '+', '='];

type Mutator = (text: string, rng: Rng) => string;

const tokens = (text: string): string[] => text.replace(/\n$/, '').split(' ');
const joinTokens = (parts: string[], text: string): string => parts.join(' ') + (text.endsWith('\n') ? '\n' : '');
const numberTokenIndexes = (parts: string[]): number[] => parts.flatMap((p, i) => (/^-?\d+$/.test(p) ? [i] : []));

const TEXT_MUTATORS: Record<string, Mutator> = {
  dropToken(text, rng) {
    const parts = tokens(text);
    parts.splice(rng.int(0, parts.length - 1), 1);
    return joinTokens(parts, text);
  },
  duplicateToken(text, rng) {
    const parts = tokens(text);
    const i = rng.int(0, parts.length - 1);
    parts.splice(i, 0, parts[i]!);
    return joinTokens(parts, text);
  },
  swapTokens(text, rng) {
    const parts = tokens(text);
    const i = rng.int(0, parts.length - 1);
    const j = rng.int(0, parts.length - 1);
    [parts[i], parts[j]] = [parts[j]!, parts[i]!];
    return joinTokens(parts, text);
  },
  flipDigit(text, rng) {
    const digits = [...text.matchAll(/\d/g)].map((m) => m.index);
    if (digits.length === 0) return `${text}7`;
    const at = rng.pick(digits);
    return text.slice(0, at) + String(rng.int(0, 9)) + text.slice(at + 1);
  },
  negate(text, rng) {
    const parts = tokens(text);
    const numbers = numberTokenIndexes(parts);
    if (numbers.length === 0) return `-${text}`;
    const i = rng.pick(numbers);
    parts[i] = parts[i]!.startsWith('-') ? parts[i]!.slice(1) : `-${parts[i]!}`;
    return joinTokens(parts, text);
  },
  hugeNumber(text, rng) {
    const parts = tokens(text);
    const numbers = numberTokenIndexes(parts);
    const i = numbers.length > 0 ? rng.pick(numbers) : rng.int(0, parts.length - 1);
    parts[i] = rng.pick(HUGE);
    return joinTokens(parts, text);
  },
  nonAscii(text, rng) {
    const at = rng.int(0, text.length);
    return text.slice(0, at) + rng.pick(ODD_TEXT) + text.slice(at);
  },
  truncate(text, rng) {
    return text.slice(0, rng.int(0, Math.max(0, text.length - 1)));
  },
  randomBytes(text, rng) {
    const at = rng.int(0, text.length);
    const junk = Array.from({ length: rng.int(1, 12) }, () => String.fromCharCode(rng.int(0, 255))).join('');
    return text.slice(0, at) + junk + text.slice(at + rng.int(0, 4));
  },
  empty() {
    return '';
  },
  extraSpaces(text, rng) {
    const where = rng.int(0, 3);
    if (where === 0) return ` ${text}`;
    if (where === 1) return text.replace(/\n$/, '  \n');
    if (where === 2) return text.replace(' ', '   ');
    return text.replace(/ /g, '  ');
  },
  newline(text, rng) {
    return rng.pick([text.replace(/\n$/, ''), text.replace(/\n$/, '\r\n'), `${text}\n`, `${text}${text}`, text.replace(/\n$/, '\n\n')]);
  },
  lowercaseCommand(text) {
    const [command = '', ...rest] = tokens(text);
    return joinTokens([command.toLowerCase(), ...rest], text);
  },
  spliceFrames(text, rng) {
    const other = tokens(rng.pick(REAL).data);
    return joinTokens([tokens(text)[0] ?? '', ...other.slice(1)], text);
  },
};

const INIT_MUTATORS: Record<string, Mutator> = {
  corruptBase64Char(text, rng) {
    const at = rng.int(5, 5 + 18_000);
    return text.slice(0, at) + rng.pick(['!', '*', '-', '_', 'A', 'z', '/', '=', ' ', 'é']) + text.slice(at + 1);
  },
  dropBase64Chars(text, rng) {
    const at = rng.int(5, 5 + 18_000);
    return text.slice(0, at) + text.slice(at + rng.int(1, 3));
  },
  truncateBase64(text, rng) {
    return text.slice(0, rng.int(5, 18_612));
  },
  stripFiller(text, rng) {
    return rng.pick([text.replace(/ #+\n$/, '\n'), text.replace(/ #+\n$/, ''), text.replace(/ #/, '#'), text.replace(/=* #/, ' #')]);
  },
  flipBlobBytes(_text, rng) {
    const bytes = REAL_INIT_BYTES.slice();
    for (let n = rng.int(1, 6); n > 0; n--) {
      const at = rng.int(0, bytes.length - 1);
      bytes[at] = bytes[at]! ^ (1 << rng.int(0, 7));
    }
    return formatInitFrame(bytes);
  },
  setBlobWord(_text, rng) {
    // A whole int32 overwritten at an aligned offset: hits ids, counts and framing words alike.
    const bytes = REAL_INIT_BYTES.slice();
    const at = rng.int(0, bytes.length / 4 - 1) * 4;
    new DataView(bytes.buffer).setInt32(at, rng.pick([-1, 0, 1, 2, 11, 160, 123456789, 4_999_999, -16014, 0x7fffffff]));
    return formatInitFrame(bytes);
  },
  truncateBlob(_text, rng) {
    return formatInitFrame(REAL_INIT_BYTES.slice(0, rng.int(0, REAL_INIT_BYTES.length - 1)));
  },
  extendBlob(_text, rng) {
    const extra = Uint8Array.from({ length: rng.int(1, 64) }, () => rng.int(0, 255));
    const bytes = new Uint8Array(REAL_INIT_BYTES.length + extra.length);
    bytes.set(REAL_INIT_BYTES);
    bytes.set(extra, REAL_INIT_BYTES.length);
    return formatInitFrame(bytes);
  },
};

// ---------------------------------------------------------------- hostile generators

type Generator = (state: DraftState, rng: Rng) => string[];

const PLAYER_POOL = [4_999_101, 4_999_102, 4_999_103, -16014, -16024, 16800, ...expected.picks.map((p) => p.playerId)];
const nextSlotTeam = (state: DraftState): number => {
  const taken = new Set(state.picks.map((p) => p.overallPick));
  return state.slots.find((s) => !taken.has(s.overallPick))?.teamId ?? 1;
};
const maybeSwid = (team: number, rng: Rng): string => (rng.chance(0.5) ? ` ${swid(team)}` : '');

const GENERATORS: Record<string, Generator> = {
  selectedWrongTeam(state, rng) {
    const right = nextSlotTeam(state);
    const team = rng.pick([0, 11, 99, right === 1 ? 2 : right - 1, right + 1]);
    return [`SELECTED ${team} ${rng.pick(PLAYER_POOL)} ${rng.int(0, 20)}${maybeSwid(team, rng)}\n`];
  },
  selectedRepeatedPlayer(state, rng) {
    const team = nextSlotTeam(state);
    const player = state.picks.length > 0 ? rng.pick(state.picks).playerId : rng.pick(PLAYER_POOL);
    return [`SELECTED ${team} ${player} ${rng.int(1, 16)}${maybeSwid(team, rng)}\n`];
  },
  selectedFitsNextSlot(state, rng) {
    // Valid-looking but not in the stream: the real picks that follow then collide with it.
    const team = nextSlotTeam(state);
    return [`SELECTED ${team} ${rng.pick(PLAYER_POOL)} ${rng.pick([0, 1, 4, 16, 17, 2147483647])}${maybeSwid(team, rng)}\n`];
  },
  selecting(state, rng) {
    return [`SELECTING ${rng.pick([nextSlotTeam(state), rng.int(0, 12)])} ${rng.pick([30000, 0, 1, 2147483647])}\n`];
  },
  undone(state, rng) {
    return [`UNDONE ${rng.pick([0, 1, state.picks.length - 1, state.picks.length, state.picks.length + 1, 159, 160, 161, 5000, 2147483647, -1, -2147483648])}\n`];
  },
  state(_state, rng) {
    return [`STATE ${rng.pick([7, 0, 1, 2, 3, 99, -1])}\n`];
  },
  clockOddArity(_state, rng) {
    return [
      rng.pick(['CLOCK\n', 'CLOCK 6\n', 'CLOCK 6 1000\n', 'CLOCK 6 1000 3 4\n', 'CLOCK 0\n', 'CLOCK 0 1 2\n', 'CLOCK 4\n', 'CLOCK 4 1\n',
        'CLOCK 9 1 2 3 4 5\n', 'CLOCK 6 -5 99\n', 'CLOCK 6 20000 0\n', 'CLOCK 1 5 2\n', 'CLOCK 2 5 3 4362628 7\n', 'CLOCK 3 5\n']),
    ];
  },
  resetThenSelected(state, rng) {
    const team = nextSlotTeam(state);
    return ['RESET\n', `SELECTED ${team} ${rng.pick(PLAYER_POOL)} 2${maybeSwid(team, rng)}\n`];
  },
  presence(_state, rng) {
    const team = rng.int(0, 12);
    return [
      rng.pick([`AUTODRAFT ${team} ${rng.pick(['true', 'false'])}\n`, `JOINED ${team}${maybeSwid(team, rng)}\n`,
        `LEFT ${team}${maybeSwid(team, rng)} ${rng.pick([0, 1, 2])}\n`, `LEFT 2 ${swid(2)} 2\n`]),
    ];
  },
  errorWithSecrets(_state, rng) {
    // ERROR text is form-encoded and quoted into the log: it must come out without SWID or code.
    return [
      rng.pick([
        `ERROR 1 Invalid+security+code+for+1%3A123456789%3A2%3A%7B00000000-0000-4000-8000-000000000002%7D%3A-${CODE_DIGITS}.\n`,
        `ERROR 1 Member+${encodeURIComponent(swid(4))}+is+not+in+this+league\n`,
        `ERROR 2 token+1:123456789:2:${swid(2)}:-${CODE_DIGITS}\n`,
        'ERROR 1 Invalid+selection+team+%286%29%3B+team+3+is+currently+on+the+clock.\n',
        'ERROR 1 %E0%A4%A\n',
      ]),
    ];
  },
  otherCommands(_state, rng) {
    return [
      rng.pick([`CHAT 1 ${swid(3)} hello\n`, 'NOMINATION 3 30000\n', 'BID 3 4362628 5 1000 200\n', 'BID_ACK 3 4362628 5\n',
        'PASSED 3 4362628 true\n', 'SOLD 3 4362628 x 5 y\n', 'DRAFT_LIST 1 2 3\n', 'DRAFT_LIST\n', 'AUTOSUGGEST -16014\n',
        'PONG PING%201756607417674\n', 'FOO 1 2\n', 'BINARY 12\n', `TOKEN 1:123456789:2:${swid(2)}:-${CODE_DIGITS}\n`]),
    ];
  },
  hostileInit(_state, rng) {
    return [rng.pick(HOSTILE_INITS)];
  },
};

const OUTBOUND = ['SELECT 4362628\n', 'SELECT -16014\n', 'SELECT\n', 'PING PING%201756607417674\n', 'AUTODRAFT true\n', 'DRAFT_LIST 4362628 3918298\n', 'LEAVE\n'];

// ---------------------------------------------------------------- harness

interface Counts {
  fuzzFrames: number;
  events: Map<string, number>;
  logKinds: Map<string, number>;
  origins: Map<string, number>;
  /** Fuzz frames that changed the pick list or the pick table. */
  fuzzPickChanges: number;
  acceptedFuzzInits: number;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function eventProblem(event: DraftEvent): string | null {
  if (typeof event !== 'object' || event === null) return 'not an object';
  if (!Object.hasOwn(EVENT_TYPES, event.type)) return `invalid event type ${String(event.type)}`;
  if (event.type === 'init') return null; // the snapshot may hold any float (scoring points)
  // Assigned inside the replacer below, which the compiler's narrowing does not see.
  let nonFinite = null as string | null;
  JSON.stringify(event, (key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) nonFinite = key;
    return value;
  });
  if (nonFinite !== null) return `non-finite number in field ${nonFinite} of a ${event.type} event`;
  if (event.type === 'token' && Object.keys(event).sort().join() !== 'gameId,leagueId,teamId,type') return 'token event carries more than its public ids';
  if (event.type === 'selected' && event.member !== null && !SWID_PATTERN.test(event.member)) return 'selected member is not a SWID';
  if (event.type === 'malformed' && (event.error === '' || typeof event.command !== 'string')) return 'malformed without an error';
  return null;
}

function secretIn(text: string): string | null {
  if (text.includes(CODE_DIGITS)) return 'security code';
  const guid = ANY_GUID.exec(text);
  return guid ? `GUID ${guid[0]}` : null;
}

class Harness {
  state: DraftState;
  readonly log: LogEntry[] = [];
  readonly failures: string[] = [];
  now: number;

  constructor(
    readonly seed: number,
    readonly counts: Counts,
  ) {
    this.now = t0;
    this.state = createDraftState(KEY, t0);
  }

  feed(data: string, dir: Direction, at: number, origin: string): void {
    if (this.failures.length > 0) return;
    this.now = Math.max(this.now, at);
    const where = `seed ${this.seed}, ${origin} frame ${JSON.stringify(data.slice(0, 120))}`;
    let event: DraftEvent;
    try {
      event = parseFrame(data, dir);
    } catch (error) {
      this.failures.push(`parseFrame threw (${String(error)}) on ${where}`);
      return;
    }
    const problem = eventProblem(event);
    if (problem !== null) {
      this.failures.push(`${problem} on ${where}`);
      return;
    }
    bump(this.counts.events, event.type);
    bump(this.counts.origins, origin);
    const before = this.state;
    let step: ReturnType<typeof reduceDraft>;
    try {
      step = reduceDraft(before, event, this.now);
    } catch (error) {
      this.failures.push(`reduceDraft threw (${String(error)}) on ${where}`);
      return;
    }
    this.state = step.state;
    this.log.push(...step.log);
    for (const entry of step.log) {
      bump(this.counts.logKinds, entry.kind);
      if (entry.kind === 'internal') this.failures.push(`reducer internal error "${entry.message}" on ${where}`);
      const leak = secretIn(`${entry.kind} ${entry.message}`);
      if (leak !== null) this.failures.push(`${leak} in log "${entry.message}" on ${where}`);
    }
    const invariant = checkInvariants(this.state);
    if (invariant.length > 0) this.failures.push(`invariants broken (${invariant.join('; ')}) on ${where}`);
    if (this.state !== before) {
      const leak = secretIn(JSON.stringify(this.state));
      if (leak !== null) this.failures.push(`${leak} in state on ${where}`);
      if (origin !== 'real' && (this.state.picks !== before.picks || this.state.slots !== before.slots)) this.counts.fuzzPickChanges++;
      if (origin !== 'real' && event.type === 'init' && step.log.some((e) => e.kind === 'snapshot')) this.counts.acceptedFuzzInits++;
    }
  }
}

interface FuzzOptions {
  /** Mean fuzz frames inserted before each real frame; 0 = the clean stream. */
  rate: number;
  /** Share of inserted frames that are mutated real frames; the rest are generated. */
  mutatedShare: number;
}

function runFuzz(seed: number, options: FuzzOptions, counts: Counts): Harness {
  const rng = new Rng(seed);
  const harness = new Harness(seed, counts);
  const mutators = Object.entries(TEXT_MUTATORS);
  const initMutators = Object.entries(INIT_MUTATORS);
  const generators = Object.entries(GENERATORS);

  const insertFuzz = (at: number): void => {
    if (rng.float() >= options.mutatedShare) {
      if (rng.chance(0.05)) {
        harness.feed(rng.pick(OUTBOUND), 'out', at, 'generated:outbound');
        counts.fuzzFrames++;
        return;
      }
      const [name, generate] = rng.pick(generators);
      for (const text of generate(harness.state, rng)) {
        harness.feed(text, 'in', at, `generated:${name}`);
        counts.fuzzFrames++;
      }
      return;
    }
    const source = rng.pick(REAL);
    let text = source.data;
    let names: string[] = [];
    if (rng.chance(0.08)) {
      const [name, mutate] = rng.pick(initMutators);
      text = mutate(REAL_INIT, rng);
      names = [name];
    }
    for (let n = names.length > 0 ? rng.int(0, 1) : rng.int(1, 3); n > 0; n--) {
      const [name, mutate] = rng.pick(mutators);
      text = mutate(text, rng);
      names.push(name);
    }
    const dir: Direction = rng.chance(0.1) ? (source.dir === 'in' ? 'out' : 'in') : source.dir;
    harness.feed(text, dir, at, `mutated:${names.join('+')}`);
    counts.fuzzFrames++;
  };

  for (const frame of REAL) {
    if (options.rate > 0) {
      // Geometric burst with the requested mean.
      while (rng.chance(options.rate / (options.rate + 1))) insertFuzz(frame.at);
    }
    harness.feed(frame.data, frame.dir, frame.at, 'real');
  }
  return harness;
}

const newCounts = (): Counts => ({
  fuzzFrames: 0,
  events: new Map(),
  logKinds: new Map(),
  origins: new Map(),
  fuzzPickChanges: 0,
  acceptedFuzzInits: 0,
});

/** The worker's path for the same capture (ingestHookItems over the hook items). */
function cleanReplay(): { state: DraftState; log: LogEntry[] } {
  const store = new TabStore();
  store.deliver(replay.items, t0);
  return { state: store.draft(DRAFT_ID), log: store.log(DRAFT_ID) };
}

describe('frame fuzz: parseFrame → reduceDraft on text', () => {
  it('the harness reports broken invariants, leaked secrets and bad events (its checks bite)', () => {
    const harness = runFuzz(1, { rate: 0, mutatedShare: 0 }, newCounts());
    const [first] = harness.state.picks;
    harness.state = { ...harness.state, picks: [first!, first!, ...harness.state.picks.slice(1)] };
    harness.feed('CLOCK 6 20240 3\n', 'in', t0 + 400_000, 'real');
    expect(harness.failures).toHaveLength(1);
    expect(harness.failures[0]).toMatch(/invariants broken \(.*pick 1 is recorded twice/);

    expect(secretIn(`x 1:123456789:2:{…}:-${CODE_DIGITS}`)).toBe('security code');
    expect(secretIn(`member ${swid(2).toLowerCase()}`)).toMatch(/^GUID/);
    expect(secretIn('Could not read a "TOKEN" frame: [token] {…}')).toBeNull();
    expect(eventProblem({ type: 'bogus' } as unknown as DraftEvent)).toMatch(/invalid event type/);
    expect(eventProblem({ type: 'token', gameId: 1, leagueId: 2, teamId: 3, code: -1 } as unknown as DraftEvent)).toMatch(/public ids/);
    expect(eventProblem({ type: 'clock', phase: 'predraft', msToStart: Number.NaN })).toMatch(/non-finite/);
  });

  it('with no fuzz, the harness reproduces the clean replay exactly (so the fuzz below can fail)', () => {
    const counts = newCounts();
    const harness = runFuzz(1, { rate: 0, mutatedShare: 0 }, counts);
    const clean = cleanReplay();
    expect(harness.failures).toEqual([]);
    expect(counts.fuzzFrames).toBe(0);
    expect(harness.state).toEqual(clean.state);
    expect(harness.log).toEqual(clean.log);
    expect(harness.state.picks).toHaveLength(22);
    expect(harness.state.onTheClock).toMatchObject({ teamId: 3, overallPick: 23 });
  });

  it('survives more than 10,000 mutated and hostile frames interleaved with the real stream', () => {
    const counts = newCounts();
    const failures: string[] = [];
    const plans: FuzzOptions[] = [
      { rate: 1, mutatedShare: 0.6 },
      { rate: 3, mutatedShare: 0.6 },
      { rate: 8, mutatedShare: 0.5 },
      { rate: 0.3, mutatedShare: 0.3 },
    ];
    let seed = 1000;
    while (counts.fuzzFrames < 12_000 && seed < 1200) {
      seed += 1;
      const harness = runFuzz(seed, plans[seed % plans.length]!, counts);
      failures.push(...harness.failures);
      if (failures.length >= 5) break;
    }
    expect(failures).toEqual([]);
    expect(counts.fuzzFrames).toBeGreaterThanOrEqual(10_000);

    // The fuzz must reach the interesting paths, not just bounce off the parser.
    const events = Object.fromEntries(counts.events);
    for (const type of ['malformed', 'unknown', 'selected', 'selecting', 'init', 'token', 'clock', 'state', 'undone', 'reset', 'error', 'chat', 'left', 'joined', 'autodraft', 'ping', 'pong', 'select']) {
      expect(events[type] ?? 0, `event ${type}`).toBeGreaterThan(0);
    }
    expect(events.malformed).toBeGreaterThan(1000);
    expect(events.unknown).toBeGreaterThan(200);
    const kinds = Object.fromEntries(counts.logKinds);
    for (const kind of ['malformed_frame', 'unknown_frame', 'pick_ignored', 'pick_mismatch', 'snapshot', 'snapshot_rejected', 'caught_up',
      'pick_corrected', 'pick_removed', 'undo', 'reset', 'status', 'clock_mismatch', 'espn_error', 'connection']) {
      expect(kinds[kind] ?? 0, `log kind ${kind}`).toBeGreaterThan(0);
    }
    expect(kinds.internal).toBeUndefined();
    expect(counts.fuzzPickChanges).toBeGreaterThan(100);
    expect(counts.acceptedFuzzInits).toBeGreaterThan(50);
    const mutatedInits = [...counts.origins.keys()].filter((o) => /mutated:(flipBlobBytes|setBlobWord)/.test(o));
    expect(mutatedInits.length).toBeGreaterThan(0);
  });
});
