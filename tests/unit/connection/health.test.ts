import { describe, expect, it } from 'vitest';
import { allIncidents } from '../../../src/connection/incident';
import { DEFAULT, type Options } from '../../../src/connection/options';
import { initialConnection, reduceConnection } from '../../../src/connection/reducer';
import { displayStatus } from '../../../src/connection/status';
import type { ConnectionInput, ConnectionState } from '../../../src/connection/types';

/**
 * The health side of the connection reducer: incidents, timings, heartbeat and the derived display
 * status. Each step runs at its own time (ctx.now = the step's time), as the worker does when a
 * batch arrives promptly.
 */
const T = 1_756_600_000_000;
type Step = [at: number, input: ConnectionInput];

const inbound = (at: number, extra: Partial<Extract<ConnectionInput, { type: 'frameReceived' }>> = {}): Step => [
  at,
  { type: 'frameReceived', at, ...extra },
];
const init = (at: number, caughtUp?: number): Step => inbound(at, caughtUp === undefined ? { isInit: true } : { isInit: true, caughtUp });
const closed1006 = (at: number): Step => [at, { type: 'socketClosed', at, code: 1006, reason: '', wasClean: false }];

function run(steps: Step[], start: ConnectionState = initialConnection(), options: Readonly<Options> = DEFAULT): ConnectionState {
  return steps.reduce((state, [at, input]) => reduceConnection(state, input, { now: at, random: () => 0.5, options }).state, start);
}

const status = displayStatus;

/** A tab that joined the room and is live, last frame at T + 5 s. */
function liveTab(): ConnectionState {
  return run([[T, { type: 'socketOpened', at: T }], inbound(T + 147), init(T + 363), inbound(T + 5_000)]);
}

function deepFreeze<V>(value: V): V {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('connecting → live', () => {
  it('starts connecting and goes live on the INIT snapshot, not on the first frame', () => {
    let health = run([[T, { type: 'socketOpened', at: T }], inbound(T + 147)]);
    expect(status(health)).toBe('connecting');
    expect(health.socket.open).toBe(true);
    health = run([init(T + 363)], health);
    expect(status(health)).toBe('live');
    expect(health.socket.lastInboundAt).toBe(T + 363);
  });

  it('tracks the last frame either way and the last inbound frame separately', () => {
    const health = run([[T + 6_000, { type: 'frameSent', at: T + 6_000, isPing: false }]], liveTab());
    expect(health.socket.lastFrameAt).toBe(T + 6_000);
    expect(health.socket.lastInboundAt).toBe(T + 5_000);
  });
});

describe('heartbeat RTT', () => {
  it('records PING time, PONG time and round trips', () => {
    const health = run(
      [
        [T + 6_000, { type: 'frameSent', at: T + 6_000, isPing: true }],
        inbound(T + 6_102, { isPong: true, rttMs: 102 }),
        [T + 21_000, { type: 'frameSent', at: T + 21_000, isPing: true }],
        inbound(T + 21_194, { isPong: true, rttMs: 194 }),
      ],
      liveTab(),
    );
    expect(health.socket.lastPingSentAt).toBe(T + 21_000);
    expect(health.socket.lastPongAt).toBe(T + 21_194);
    expect(health.heartbeat).toEqual({ lastRttMs: 194, smoothedRttMs: 102 + (194 - 102) / 8, maxRttMs: 194, samples: 2 });
  });

  it('ignores impossible round trips', () => {
    const health = run([inbound(T + 6_000, { isPong: true, rttMs: -5 }), inbound(T + 7_000, { isPong: true, rttMs: Number.NaN })], liveTab());
    expect(health.heartbeat.samples).toBe(0);
    expect(health.socket.lastPongAt).toBe(T + 7_000);
  });

  it('forgets the previous socket’s heartbeat times when a new socket opens', () => {
    const health = run(
      [[T + 6_000, { type: 'frameSent', at: T + 6_000, isPing: true }], inbound(T + 6_100, { isPong: true }), [T + 9_000, { type: 'socketOpened', at: T + 9_000 }]],
      liveTab(),
    );
    expect(health.socket.lastPingSentAt).toBeNull();
    expect(health.socket.lastPongAt).toBeNull();
  });
});

describe('a drop and its recovery', () => {
  const dropped = () => run([closed1006(T + 7_500)], liveTab());

  it('opens an incident with the fault start, detection time and latency', () => {
    const health = dropped();
    // The recovery starts in the same step, so the tab shows as recovering at once.
    expect(status(health)).toBe('recovering');
    expect(health.phase).toBe('grace');
    expect(health.drops).toBe(1);
    expect(health.socket.open).toBe(false);
    expect(health.incident).toMatchObject({
      seq: 1,
      cause: { kind: 'close', code: 1006, reason: '', wasClean: false },
      faultStartedAt: T + 5_000,
      detectedAt: T + 7_500,
      detectionLatencyMs: 2_500,
      recoveredAt: null,
      outcome: 'open',
    });
  });

  it('recovers on the new socket’s INIT, recording durations and picks caught up', () => {
    let health = run([[T + 10_000, { type: 'socketOpened', at: T + 10_000 }], inbound(T + 10_150)], dropped());
    expect(status(health)).toBe('recovering');
    expect(health.incident).not.toBeNull(); // a stray frame before INIT proves nothing
    health = run([init(T + 10_400, 2)], health);
    expect(status(health)).toBe('live');
    expect(health.incident).toBeNull();
    expect(health.recoveries).toBe(1);
    expect(health.incidents).toEqual([
      {
        seq: 1,
        cause: { kind: 'close', code: 1006, reason: '', wasClean: false },
        faultStartedAt: T + 5_000,
        detectedAt: T + 7_500,
        detectionLatencyMs: 2_500,
        recoveredAt: T + 10_400,
        recoveryDurationMs: 2_900,
        outageMs: 5_400,
        reloadAttempts: 0,
        picksCaughtUp: 2,
        gaveUp: false,
        outcome: 'recovered',
      },
    ]);
  });

  it('counts a catch-up report only once per recovery', () => {
    const health = run([[T + 10_000, { type: 'socketOpened', at: T + 10_000 }], init(T + 10_300, 2), init(T + 60_000, 0)], dropped());
    expect(health.incidents[0]!.picksCaughtUp).toBe(2);
  });

  it('keeps one incident for error-then-close and keeps the informative close code', () => {
    const health = run(
      [
        [T + 7_000, { type: 'socketError', at: T + 7_000 }],
        closed1006(T + 7_001),
      ],
      liveTab(),
    );
    expect(health.drops).toBe(1);
    expect(health.incident?.cause).toEqual({ kind: 'close', code: 1006, reason: '', wasClean: false });
    expect(health.incident?.detectedAt).toBe(T + 7_000);
  });

  it('tracks reloads, ignores the unload its own reload causes, and records giving up', () => {
    // Two attempts, so giving up comes soon: grace ends at +15.5 s (reload 1, timeout +20 s),
    // backoff 1 s at 0.5, reload 2 at +36.5 s, gives up at +56.5 s.
    const twoAttempts = { ...DEFAULT, maxAttempts: 2 };
    let health = run(
      [
        [T + 15_500, { type: 'timerFired' }],
        [T + 15_600, { type: 'pageUnloaded', at: T + 15_600 }],
      ],
      dropped(),
      twoAttempts,
    );
    expect(status(health)).toBe('recovering');
    expect(health.reloadInFlight).toBe(true);
    expect(health.incident?.cause.kind).toBe('close');
    health = run([[T + 35_500, { type: 'timerFired' }], [T + 36_500, { type: 'timerFired' }], [T + 56_500, { type: 'timerFired' }]], health, twoAttempts);
    expect(status(health)).toBe('failed');
    expect(health.incident).toMatchObject({ reloadAttempts: 2, gaveUp: true, outcome: 'open' });
    // The user reloads from the notification; the new socket's INIT ends the incident.
    health = run(
      [[T + 90_000, { type: 'manualReloadRequested' }], [T + 93_000, { type: 'socketOpened', at: T + 93_000 }], init(T + 93_300)],
      health,
      twoAttempts,
    );
    expect(status(health)).toBe('live');
    expect(health.incidents[0]).toMatchObject({ outcome: 'recovered', gaveUp: true, reloadAttempts: 2, recoveryDurationMs: 85_800 });
  });
});

describe('a stall', () => {
  const stalled = () => run([[T + 16_200, { type: 'stallDetected', at: T + 16_200, cause: 'silence', silentForMs: 11_200 }]], liveTab());

  it('opens a silence incident measured from the last inbound frame', () => {
    const health = stalled();
    expect(status(health)).toBe('recovering');
    expect(health).toMatchObject({ phase: 'grace', fault: 'stall' });
    expect(health.socket.open).toBe(true);
    expect(health.drops).toBe(1);
    expect(health.incident).toMatchObject({
      cause: { kind: 'silence', silentForMs: 11_200 },
      faultStartedAt: T + 5_000,
      detectionLatencyMs: 11_200,
    });
  });

  it('absorbs repeated stall, error and close signals into the one incident', () => {
    const health = run(
      [
        [T + 17_200, { type: 'stallDetected', at: T + 17_200, cause: 'silence', silentForMs: 12_200 }],
        [T + 18_000, { type: 'stallDetected', at: T + 18_000, cause: 'pong-timeout', silentForMs: 13_000 }],
        [T + 18_500, { type: 'socketError', at: T + 18_500 }],
      ],
      stalled(),
    );
    expect(health.drops).toBe(1);
    expect(allIncidents(health)).toHaveLength(1);
    expect(health.incident?.cause.kind).toBe('silence');
  });

  it('recovers when the same socket speaks again (nothing lost in between)', () => {
    const health = run([inbound(T + 19_000)], stalled());
    expect(status(health)).toBe('live');
    expect(health.recoveries).toBe(1);
    expect(health.incidents[0]).toMatchObject({ recoveredAt: T + 19_000, recoveryDurationMs: 2_800, outageMs: 14_000 });
  });

  it('turns into a drop when the stalled socket closes, keeping the silence as cause', () => {
    const health = run([closed1006(T + 18_000)], stalled());
    expect(health.socket.open).toBe(false);
    expect(status(health)).toBe('recovering');
    expect(health.incident?.cause.kind).toBe('silence');
    expect(health.drops).toBe(1);
  });

  it('needs INIT once a new socket replaced the stalled one', () => {
    let health = run([[T + 18_000, { type: 'socketOpened', at: T + 18_000 }], inbound(T + 18_150)], stalled());
    expect(status(health)).toBe('recovering');
    expect(health.incident).not.toBeNull();
    health = run([init(T + 18_360)], health);
    expect(status(health)).toBe('live');
  });

  it('records a pong timeout as its own cause', () => {
    const health = run([[T + 12_100, { type: 'stallDetected', at: T + 12_100, cause: 'pong-timeout', silentForMs: 7_100 }]], liveTab());
    expect(health.incident?.cause).toEqual({ kind: 'pong-timeout', silentForMs: 7_100 });
  });
});

describe('kicked for a duplicate connection', () => {
  it('is its own state, not a drop, and ignores the socket dying afterwards', () => {
    const health = run(
      [
        [T + 6_000, { type: 'kicked', at: T + 6_000 }],
        closed1006(T + 6_010),
        [T + 20_000, { type: 'stallDetected', at: T + 20_000, cause: 'silence', silentForMs: 14_000 }],
        [T + 20_000, { type: 'timerFired' }],
      ],
      liveTab(),
    );
    expect(status(health)).toBe('kicked');
    expect(health.drops).toBe(0);
    expect(allIncidents(health)).toHaveLength(1);
    expect(health.incident?.cause).toEqual({ kind: 'kicked' });
  });

  it('returns to live when the user reconnects, without counting a fault recovery', () => {
    const health = run([[T + 6_000, { type: 'kicked', at: T + 6_000 }], [T + 30_000, { type: 'socketOpened', at: T + 30_000 }], init(T + 30_300)], liveTab());
    expect(status(health)).toBe('live');
    expect(health.recoveries).toBe(0);
    expect(health.incidents[0]).toMatchObject({ cause: { kind: 'kicked' }, outcome: 'recovered', recoveryDurationMs: 24_300 });
  });
});

describe('the page going away', () => {
  it('records leaving mid-draft and the picks caught up on return', () => {
    let health = run([[T + 8_000, { type: 'pageUnloaded', at: T + 8_000 }]], liveTab());
    expect(status(health)).toBe('unloaded');
    expect(health.drops).toBe(0);
    expect(health.incident?.cause).toEqual({ kind: 'page-unload' });
    health = run([[T + 120_000, { type: 'socketOpened', at: T + 120_000 }], init(T + 120_300, 4)], health);
    expect(status(health)).toBe('live');
    expect(health.incidents[0]).toMatchObject({ outcome: 'recovered', picksCaughtUp: 4, outageMs: 115_300 });
  });

  it('abandons an open fault when the user leaves during recovery', () => {
    const health = run(
      [
        closed1006(T + 7_000),
        [T + 9_000, { type: 'pageUnloaded', at: T + 9_000 }],
        [T + 9_001, { type: 'pageUnloaded', at: T + 9_001 }],
      ],
      liveTab(),
    );
    expect(status(health)).toBe('unloaded');
    expect(health.incidents).toHaveLength(1);
    expect(health.incidents[0]).toMatchObject({ cause: { kind: 'close' }, outcome: 'abandoned' });
    expect(health.incident?.cause.kind).toBe('page-unload');
  });
});

describe('after the draft', () => {
  it('stays live after STATE 2 and finishes without an incident when the socket goes', () => {
    let health = run([[T + 6_000, { type: 'draftCompleted', at: T + 6_000 }]], liveTab());
    expect(status(health)).toBe('live');
    health = run(
      [
        [T + 70_000, { type: 'stallDetected', at: T + 70_000, cause: 'silence', silentForMs: 50_000 }],
        [T + 80_000, { type: 'socketError', at: T + 80_000 }],
        closed1006(T + 80_001),
      ],
      health,
    );
    expect(status(health)).toBe('finished');
    expect(allIncidents(health)).toEqual([]);
    expect(health.drops).toBe(0);
  });

  it('finishes on page unload after the draft', () => {
    const health = run([[T + 6_000, { type: 'draftCompleted', at: T + 6_000 }], [T + 9_000, { type: 'pageUnloaded', at: T + 9_000 }]], liveTab());
    expect(status(health)).toBe('finished');
    expect(allIncidents(health)).toEqual([]);
  });

  it('abandons an open incident when the draft completes while the socket is gone', () => {
    const health = run(
      [closed1006(T + 7_000), [T + 30_000, { type: 'draftCompleted', at: T + 30_000 }]],
      liveTab(),
    );
    expect(status(health)).toBe('finished');
    expect(health.incidents[0]?.outcome).toBe('abandoned');
  });
});

describe('bookkeeping', () => {
  it('keeps only the most recent incidents', () => {
    const config = { ...DEFAULT, maxIncidents: 3, rttSmoothing: 1 / 8 };
    let health = liveTab();
    for (let i = 0; i < 5; i++) {
      const at = T + 10_000 * (i + 1);
      const steps: Step[] = [closed1006(at), [at + 1_000, { type: 'socketOpened', at: at + 1_000 }], init(at + 1_300)];
      health = run(steps, health, config);
    }
    expect(health.incidents.map((i) => i.seq)).toEqual([3, 4, 5]);
    expect(health.drops).toBe(5);
    expect(health.recoveries).toBe(5);
  });

  it('never mutates the health it is given', () => {
    const before = deepFreeze(liveTab());
    const snapshot = JSON.stringify(before);
    const at = T + 9_000;
    const inputs: ConnectionInput[] = [
      { type: 'stallDetected', at, cause: 'silence', silentForMs: 12_000 },
      { type: 'socketClosed', at, code: 1006, reason: '', wasClean: false },
      { type: 'kicked', at },
      { type: 'pageUnloaded', at },
      { type: 'draftCompleted', at },
      { type: 'frameReceived', at, isPong: true, rttMs: 100 },
      { type: 'frameReceived', at, isInit: true, caughtUp: 2 },
      { type: 'socketOpened', at },
      { type: 'timerFired' },
      { type: 'manualReloadRequested' },
    ];
    for (const input of inputs) reduceConnection(before, input, { now: at, random: () => 0.5, options: DEFAULT });
    expect(JSON.stringify(before)).toBe(snapshot);
  });
});
