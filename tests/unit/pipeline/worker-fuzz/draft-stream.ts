import { DraftEngine, type TruthPick } from '../../../sim/engine/draft-engine';
import { buildInitSnapshot } from '../../../sim/init/build-snapshot';
import { encodeInit } from '../../../sim/init/encode-init';
import { formatInitFrame } from '../../../sim/init/format-init-frame';
import { VirtualScheduler } from '../../../sim/scheduler';

/** One frame of a simulated draft socket, in the order and at the time ESPN's server sends it. */
export interface StreamFrame {
  at: number;
  dir: 'in' | 'out';
  data: string;
}

/** A moment the page reconnects: the INIT a new socket gets then (the room as it stands). */
export interface Reconnect {
  /** Index in `frames` before which the socket drops. */
  before: number;
  init: string;
  initBytes: Uint8Array;
  /** How many of the truth's picks had been made by then (all of them are in `init`). */
  picksMade: number;
}

export interface DraftStream {
  leagueId: number;
  myTeamId: number;
  frames: StreamFrame[];
  /** The INIT of the first join (pre-draft), then of every reconnect. */
  firstInit: { text: string; bytes: Uint8Array };
  reconnects: Reconnect[];
  /** The INIT a socket joining after the draft gets: every pick. */
  finalInit: string;
  truth: TruthPick[];
}

const PING_EVERY_MS = 15_000;

function initOf(engine: DraftEngine, myTeamId: number): { text: string; bytes: Uint8Array } {
  const bytes = encodeInit(buildInitSnapshot(engine.initOptions(myTeamId)));
  return { text: formatInitFrame(bytes), bytes };
}

/**
 * A whole draft from the simulator's engine on virtual time: the frames a member's socket
 * receives (CLOCK, SELECTING, SELECTED, AUTOSUGGEST, presence, STATE), the page's PING and the
 * server's PONG, and the INIT a rejoining socket would get at a few moments. Deterministic per seed.
 */
export function simulateDraft(seed: number, options: { teams: number; rounds: number; reconnectRate: number }): DraftStream {
  const leagueId = 100_000 + seed;
  const myTeamId = 2;
  const sched = new VirtualScheduler(1_756_600_000_000 + seed * 10_000_000);
  const engine = new DraftEngine(
    { seed, leagueId, teams: options.teams, rounds: options.rounds, myTeamId, pickIntervalMs: 6_000, preDraftMs: 10_000, presenceChurn: true },
    sched,
  );
  const frames: StreamFrame[] = [];
  const reconnects: Reconnect[] = [];
  let chance = seed * 7919;
  // A tiny deterministic sequence for reconnect moments; the engine has its own seeded choices.
  const next = (): number => {
    chance = (chance * 48271) % 2147483647;
    return chance / 2147483647;
  };
  engine.onEvent((event) => {
    if (event.type === 'frame') frames.push({ at: sched.now(), dir: 'in', data: event.frame });
    else if (event.type === 'autosuggest') frames.push({ at: sched.now(), dir: 'in', data: `AUTOSUGGEST ${engine.autosuggest(myTeamId)}\n` });
    else if (event.type === 'pick' && next() < options.reconnectRate) {
      const { text, bytes } = initOf(engine, myTeamId);
      reconnects.push({ before: frames.length, init: text, initBytes: bytes, picksMade: engine.truth().length });
    }
  });
  const firstInit = initOf(engine, myTeamId);
  engine.start();
  let lastPing = sched.now();
  sched.runUntil(() => {
    if (sched.now() - lastPing >= PING_EVERY_MS) {
      lastPing = sched.now();
      frames.push({ at: lastPing, dir: 'out', data: `PING PING%20${lastPing}\n` }, { at: lastPing, dir: 'in', data: `PONG PING%20${lastPing}\n` });
    }
    return engine.phase === 'complete';
  });
  sched.advance(30_000);
  engine.stop();
  return { leagueId, myTeamId, frames, firstInit, reconnects, finalInit: initOf(engine, myTeamId).text, truth: engine.truth() };
}
