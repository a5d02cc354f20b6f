import { describe, expect, it } from 'vitest';
import {
  allIncidents,
  initialHealth,
  reduceHealth,
  type ConnectionHealth,
  type HealthSignal,
} from '../../../src/health/connection-health';

const T = 1_756_600_000_000;
type Step = [at: number, signal: HealthSignal];

const inbound = (at: number, extra: Partial<Extract<HealthSignal, { type: 'frameReceived' }>> = {}): Step => [
  at,
  { type: 'frameReceived', at, dir: 'in', ...extra },
];
const init = (at: number): Step => inbound(at, { isInit: true });

function run(steps: Step[], start: ConnectionHealth = initialHealth()): ConnectionHealth {
  return steps.reduce((health, [at, signal]) => reduceHealth(health, signal, at), start);
}

/** A tab that joined the room and is live, last frame at T + 5 s. */
function liveTab(): ConnectionHealth {
  return run([[T, { type: 'socketOpened' }], inbound(T + 147), init(T + 363), inbound(T + 5_000)]);
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
    let health = run([[T, { type: 'socketOpened' }], inbound(T + 147)]);
    expect(health.status).toBe('connecting');
    expect(health.socketOpen).toBe(true);
    health = run([init(T + 363)], health);
    expect(health.status).toBe('live');
    expect(health.lastInboundAt).toBe(T + 363);
  });

  it('tracks the last frame either way and the last inbound frame separately', () => {
    const health = run([[T + 6_000, { type: 'frameReceived', at: T + 6_000, dir: 'out' }]], liveTab());
    expect(health.lastFrameAt).toBe(T + 6_000);
    expect(health.lastInboundAt).toBe(T + 5_000);
  });
});

describe('heartbeat RTT', () => {
  it('records PING time, PONG time and round trips', () => {
    const health = run(
      [
        [T + 6_000, { type: 'pingSent' }],
        inbound(T + 6_102, { isPong: true, rttMs: 102 }),
        [T + 21_000, { type: 'pingSent' }],
        inbound(T + 21_194, { isPong: true, rttMs: 194 }),
      ],
      liveTab(),
    );
    expect(health.lastPingSentAt).toBe(T + 21_000);
    expect(health.lastPongAt).toBe(T + 21_194);
    expect(health.heartbeat).toEqual({ lastRttMs: 194, smoothedRttMs: 102 + (194 - 102) / 8, maxRttMs: 194, samples: 2 });
  });

  it('ignores impossible round trips', () => {
    const health = run([inbound(T + 6_000, { isPong: true, rttMs: -5 }), inbound(T + 7_000, { isPong: true, rttMs: Number.NaN })], liveTab());
    expect(health.heartbeat.samples).toBe(0);
    expect(health.lastPongAt).toBe(T + 7_000);
  });

  it('forgets the previous socket’s heartbeat times when a new socket opens', () => {
    const health = run([[T + 6_000, { type: 'pingSent' }], inbound(T + 6_100, { isPong: true }), [T + 9_000, { type: 'socketOpened' }]], liveTab());
    expect(health.lastPingSentAt).toBeNull();
    expect(health.lastPongAt).toBeNull();
  });
});

describe('a drop and its recovery', () => {
  const dropped = () =>
    run([[T + 7_500, { type: 'socketClosed', code: 1006, reason: '', wasClean: false }]], liveTab());

  it('opens an incident with the fault start, detection time and latency', () => {
    const health = dropped();
    expect(health.status).toBe('dropped');
    expect(health.drops).toBe(1);
    expect(health.socketOpen).toBe(false);
    expect(health.activeIncident).toMatchObject({
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
    let health = run(
      [
        [T + 7_500, { type: 'recoveryStarted', attempt: 0 }],
        [T + 10_000, { type: 'socketOpened' }],
        inbound(T + 10_150),
      ],
      dropped(),
    );
    expect(health.status).toBe('recovering');
    expect(health.activeIncident).not.toBeNull(); // a stray frame before INIT proves nothing
    health = run([init(T + 10_400), [T + 10_450, { type: 'picksCaughtUp', count: 2 }]], health);
    expect(health.status).toBe('live');
    expect(health.activeIncident).toBeNull();
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
    const health = run(
      [[T + 10_000, { type: 'socketOpened' }], init(T + 10_300), [T + 10_400, { type: 'picksCaughtUp', count: 2 }], [T + 60_000, { type: 'picksCaughtUp', count: 0 }]],
      dropped(),
    );
    expect(health.incidents[0]!.picksCaughtUp).toBe(2);
  });

  it('keeps one incident for error-then-close and keeps the informative close code', () => {
    const health = run(
      [
        [T + 7_000, { type: 'socketError' }],
        [T + 7_001, { type: 'socketClosed', code: 1006, reason: '', wasClean: false }],
      ],
      liveTab(),
    );
    expect(health.drops).toBe(1);
    expect(health.activeIncident?.cause).toEqual({ kind: 'close', code: 1006, reason: '', wasClean: false });
    expect(health.activeIncident?.detectedAt).toBe(T + 7_000);
  });

  it('tracks reloads, ignores the unload its own reload causes, and records giving up', () => {
    let health = run(
      [
        [T + 7_500, { type: 'recoveryStarted', attempt: 0 }],
        [T + 15_500, { type: 'recoveryReloading', attempt: 1 }],
        [T + 15_600, { type: 'pageUnloaded' }],
      ],
      dropped(),
    );
    expect(health.status).toBe('recovering');
    expect(health.activeIncident?.cause.kind).toBe('close');
    health = run([[T + 40_000, { type: 'recoveryReloading', attempt: 2 }], [T + 60_000, { type: 'recoveryGaveUp' }]], health);
    expect(health.status).toBe('failed');
    expect(health.activeIncident).toMatchObject({ reloadAttempts: 2, gaveUp: true, outcome: 'open' });
    // The user reloads from the notification; the new socket's INIT ends the incident.
    health = run(
      [[T + 90_000, { type: 'recoveryReloading', attempt: 1 }], [T + 93_000, { type: 'socketOpened' }], init(T + 93_300)],
      health,
    );
    expect(health.status).toBe('live');
    expect(health.incidents[0]).toMatchObject({ outcome: 'recovered', gaveUp: true, reloadAttempts: 2, recoveryDurationMs: 85_800 });
  });
});

describe('a stall', () => {
  const stalled = () => run([[T + 16_200, { type: 'stallDetected', cause: 'silence', silentForMs: 11_200 }]], liveTab());

  it('opens a silence incident measured from the last inbound frame', () => {
    const health = stalled();
    expect(health.status).toBe('stalled');
    expect(health.drops).toBe(1);
    expect(health.activeIncident).toMatchObject({
      cause: { kind: 'silence', silentForMs: 11_200 },
      faultStartedAt: T + 5_000,
      detectionLatencyMs: 11_200,
    });
  });

  it('absorbs repeated stall, error and close signals into the one incident', () => {
    const health = run(
      [
        [T + 17_200, { type: 'stallDetected', cause: 'silence', silentForMs: 12_200 }],
        [T + 18_000, { type: 'stallDetected', cause: 'pong-timeout', silentForMs: 13_000 }],
        [T + 18_500, { type: 'socketError' }],
      ],
      stalled(),
    );
    expect(health.drops).toBe(1);
    expect(allIncidents(health)).toHaveLength(1);
    expect(health.activeIncident?.cause.kind).toBe('silence');
  });

  it('recovers when the same socket speaks again (nothing lost in between)', () => {
    const health = run([inbound(T + 19_000)], stalled());
    expect(health.status).toBe('live');
    expect(health.recoveries).toBe(1);
    expect(health.incidents[0]).toMatchObject({ recoveredAt: T + 19_000, recoveryDurationMs: 2_800, outageMs: 14_000 });
  });

  it('turns into a drop when the stalled socket closes, keeping the silence as cause', () => {
    const health = run([[T + 18_000, { type: 'socketClosed', code: 1006, reason: '', wasClean: false }]], stalled());
    expect(health.status).toBe('dropped');
    expect(health.activeIncident?.cause.kind).toBe('silence');
    expect(health.drops).toBe(1);
  });

  it('needs INIT once a new socket replaced the stalled one', () => {
    let health = run([[T + 18_000, { type: 'socketOpened' }], inbound(T + 18_150)], stalled());
    expect(health.status).toBe('recovering');
    health = run([init(T + 18_360)], health);
    expect(health.status).toBe('live');
  });

  it('records a pong timeout as its own cause', () => {
    const health = run([[T + 12_100, { type: 'stallDetected', cause: 'pong-timeout', silentForMs: 7_100 }]], liveTab());
    expect(health.activeIncident?.cause).toEqual({ kind: 'pong-timeout', silentForMs: 7_100 });
  });
});

describe('kicked for a duplicate connection', () => {
  it('is its own state, not a drop, and ignores the socket dying afterwards', () => {
    const health = run(
      [
        [T + 6_000, { type: 'kicked' }],
        [T + 6_010, { type: 'socketClosed', code: 1006, reason: '', wasClean: false }],
        [T + 20_000, { type: 'stallDetected', cause: 'silence', silentForMs: 14_000 }],
        [T + 20_000, { type: 'recoveryStarted', attempt: 0 }],
      ],
      liveTab(),
    );
    expect(health.status).toBe('kicked');
    expect(health.drops).toBe(0);
    expect(allIncidents(health)).toHaveLength(1);
    expect(health.activeIncident?.cause).toEqual({ kind: 'kicked' });
  });

  it('returns to live when the user reconnects, without counting a fault recovery', () => {
    const health = run([[T + 6_000, { type: 'kicked' }], [T + 30_000, { type: 'socketOpened' }], init(T + 30_300)], liveTab());
    expect(health.status).toBe('live');
    expect(health.recoveries).toBe(0);
    expect(health.incidents[0]).toMatchObject({ cause: { kind: 'kicked' }, outcome: 'recovered', recoveryDurationMs: 24_300 });
  });
});

describe('the page going away', () => {
  it('records leaving mid-draft and the picks caught up on return', () => {
    let health = run([[T + 8_000, { type: 'pageUnloaded' }]], liveTab());
    expect(health.status).toBe('unloaded');
    expect(health.drops).toBe(0);
    expect(health.activeIncident?.cause).toEqual({ kind: 'page-unload' });
    health = run([[T + 120_000, { type: 'socketOpened' }], init(T + 120_300), [T + 120_300, { type: 'picksCaughtUp', count: 4 }]], health);
    expect(health.status).toBe('live');
    expect(health.incidents[0]).toMatchObject({ outcome: 'recovered', picksCaughtUp: 4, outageMs: 115_300 });
  });

  it('abandons an open fault when the user leaves during recovery', () => {
    const health = run(
      [
        [T + 7_000, { type: 'socketClosed', code: 1006, reason: '', wasClean: false }],
        [T + 9_000, { type: 'pageUnloaded' }],
        [T + 9_001, { type: 'pageUnloaded' }],
      ],
      liveTab(),
    );
    expect(health.status).toBe('unloaded');
    expect(health.incidents).toHaveLength(1);
    expect(health.incidents[0]).toMatchObject({ cause: { kind: 'close' }, outcome: 'abandoned' });
    expect(health.activeIncident?.cause.kind).toBe('page-unload');
  });
});

describe('after the draft', () => {
  it('stays live after STATE 2 and finishes without an incident when the socket goes', () => {
    let health = run([[T + 6_000, { type: 'draftCompleted' }]], liveTab());
    expect(health.status).toBe('live');
    health = run(
      [
        [T + 70_000, { type: 'stallDetected', cause: 'silence', silentForMs: 50_000 }],
        [T + 80_000, { type: 'socketError' }],
        [T + 80_001, { type: 'socketClosed', code: 1006, reason: '', wasClean: false }],
      ],
      health,
    );
    expect(health.status).toBe('finished');
    expect(allIncidents(health)).toEqual([]);
    expect(health.drops).toBe(0);
  });

  it('finishes on page unload after the draft', () => {
    const health = run([[T + 6_000, { type: 'draftCompleted' }], [T + 9_000, { type: 'pageUnloaded' }]], liveTab());
    expect(health.status).toBe('finished');
    expect(allIncidents(health)).toEqual([]);
  });

  it('abandons an open incident when the draft completes while the socket is gone', () => {
    const health = run(
      [[T + 7_000, { type: 'socketClosed', code: 1006, reason: '', wasClean: false }], [T + 30_000, { type: 'draftCompleted' }]],
      liveTab(),
    );
    expect(health.status).toBe('finished');
    expect(health.incidents[0]?.outcome).toBe('abandoned');
  });
});

describe('bookkeeping', () => {
  it('keeps only the most recent incidents', () => {
    const config = { maxIncidents: 3, rttSmoothing: 1 / 8 };
    let health = liveTab();
    for (let i = 0; i < 5; i++) {
      const at = T + 10_000 * (i + 1);
      const steps: Step[] = [
        [at, { type: 'socketClosed', code: 1006, reason: '', wasClean: false }],
        [at + 1_000, { type: 'socketOpened' }],
        init(at + 1_300),
      ];
      health = steps.reduce((h, [when, signal]) => reduceHealth(h, signal, when, config), health);
    }
    expect(health.incidents.map((i) => i.seq)).toEqual([3, 4, 5]);
    expect(health.drops).toBe(5);
    expect(health.recoveries).toBe(5);
  });

  it('never mutates the health it is given', () => {
    const before = deepFreeze(liveTab());
    const snapshot = JSON.stringify(before);
    const signals: HealthSignal[] = [
      { type: 'stallDetected', cause: 'silence', silentForMs: 12_000 },
      { type: 'socketClosed', code: 1006, reason: '', wasClean: false },
      { type: 'kicked' },
      { type: 'pageUnloaded' },
      { type: 'draftCompleted' },
      { type: 'frameReceived', at: T + 9_000, dir: 'in', isPong: true, rttMs: 100 },
    ];
    for (const signal of signals) reduceHealth(before, signal, T + 9_000);
    expect(JSON.stringify(before)).toBe(snapshot);
  });
});
