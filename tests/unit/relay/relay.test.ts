import { describe, expect, it, vi } from 'vitest';
import { HOOK_EVENT, HOOK_HELLO_EVENT, RELAY_READY_EVENT, type HookItem } from '../../../src/contract/page-events';
import type { DraftPageContext } from '../../../src/contract/draft-page-url';
import { startRelay, type RelayEnv } from '../../../src/relay/relay';
import { createPageBridge } from '../../../src/page-hook/page-bridge';

const PAGE: DraftPageContext = { sport: 'football', leagueId: '123456789', seasonId: 2025, teamId: 4 };
const T = 1_756_607_000_000;
const RETRY_DELAYS = [100, 250, 500, 1000, 2000, 4000];

/** Lets every pending promise chain and zero-delay timer run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const frame = (seq: number, data = `SELECTING 1 30000`): HookItem => ({ k: 'frame', sid: 's1', seq, dir: 'in', at: T + seq, data });

function dispatchBatch(target: EventTarget, detail: unknown): void {
  target.dispatchEvent(new CustomEvent(HOOK_EVENT, { detail }));
}

const send = (target: EventTarget, items: HookItem[]): void => dispatchBatch(target, JSON.stringify(items));

interface Harness {
  target: EventTarget;
  env: RelayEnv;
  calls: Array<{ page: DraftPageContext; items: HookItem[] }>;
  warnings: string[];
  sleeps: number[];
}

/** A relay on an in-memory EventTarget; `deliver` and `sleep` default to instant success. */
function harness(overrides: Partial<Pick<RelayEnv, 'deliver' | 'sleep' | 'contextValid'>> = {}, target = new EventTarget()): Harness {
  const calls: Harness['calls'] = [];
  const warnings: string[] = [];
  const sleeps: number[] = [];
  const deliver = overrides.deliver ?? (async () => {});
  const env: RelayEnv = {
    target,
    page: PAGE,
    deliver: (page, items) => {
      calls.push({ page, items });
      return deliver(page, items);
    },
    warn: (message) => warnings.push(message),
    contextValid: overrides.contextValid ?? (() => true),
    sleep:
      overrides.sleep ??
      (async (ms) => {
        sleeps.push(ms);
      }),
  };
  return { target, env, calls, warnings, sleeps };
}

describe('startRelay: ready handshake', () => {
  it('announces itself with the ready event when it starts', () => {
    const target = new EventTarget();
    let ready = 0;
    target.addEventListener(RELAY_READY_EVENT, () => (ready += 1));
    startRelay(harness({}, target).env);
    expect(ready).toBe(1);
  });

  it("answers every hello from the page hook with a ready event", () => {
    const h = harness();
    startRelay(h.env);
    let ready = 0;
    h.target.addEventListener(RELAY_READY_EVENT, () => (ready += 1));
    h.target.dispatchEvent(new CustomEvent(HOOK_HELLO_EVENT));
    expect(ready).toBe(1);
    h.target.dispatchEvent(new CustomEvent(HOOK_HELLO_EVENT));
    expect(ready).toBe(2);
  });

  it('does not send ready for unrelated events', () => {
    const h = harness();
    startRelay(h.env);
    let ready = 0;
    h.target.addEventListener(RELAY_READY_EVENT, () => (ready += 1));
    h.target.dispatchEvent(new CustomEvent('draft-watch:something-else'));
    send(h.target, [frame(1)]);
    expect(ready).toBe(0);
  });

  it('delivers what the bridge buffered when the bridge started first', async () => {
    const h = harness();
    const emit = createPageBridge(h.target); // its hello finds no relay yet
    emit([frame(1)]);
    emit([frame(2), frame(3)]);
    startRelay(h.env);
    await settle();
    expect(h.calls.map((c) => c.items)).toEqual([[frame(1), frame(2), frame(3)]]);
  });

  it('delivers at once when the relay started first (the bridge hello gets an answer)', async () => {
    const h = harness();
    startRelay(h.env); // its ready finds no bridge yet
    const emit = createPageBridge(h.target);
    emit([frame(1)]);
    emit([frame(2)]);
    await settle();
    expect(h.calls.map((c) => c.items)).toEqual([[frame(1)], [frame(2)]]);
  });
});

describe('startRelay: delivery order', () => {
  it('hands each valid batch to deliver with the page context, unchanged', async () => {
    const h = harness();
    startRelay(h.env);
    const items: HookItem[] = [
      { k: 'open', sid: 's1', at: T, url: 'wss://fantasydraft.espn.com/game-1/league-1/JOIN?4=[swid]' },
      frame(1),
      { k: 'close', sid: 's1', at: T + 5, code: 1006, reason: '', clean: false },
    ];
    send(h.target, items);
    await settle();
    expect(h.calls).toEqual([{ page: PAGE, items }]);
    expect(h.warnings).toEqual([]);
  });

  it('runs one delivery at a time and keeps batch order while earlier deliveries are slow', async () => {
    const pending: Deferred[] = [];
    let running = 0;
    let maxRunning = 0;
    const h = harness({
      deliver: async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        const d = deferred();
        pending.push(d);
        try {
          await d.promise;
        } finally {
          running -= 1;
        }
      },
    });
    startRelay(h.env);
    send(h.target, [frame(1)]);
    send(h.target, [frame(2)]);
    send(h.target, [frame(3)]);
    await settle();
    // The second batch waits for the first, however long it takes.
    expect(h.calls.map((c) => c.items[0])).toEqual([frame(1)]);
    pending[0]!.resolve();
    await settle();
    expect(h.calls.map((c) => c.items[0])).toEqual([frame(1), frame(2)]);
    pending[1]!.resolve();
    await settle();
    pending[2]!.resolve();
    await settle();
    expect(h.calls.map((c) => c.items[0])).toEqual([frame(1), frame(2), frame(3)]);
    expect(maxRunning).toBe(1);
  });

  it('keeps order when deliveries take different times (later batches would finish first if run concurrently)', async () => {
    const finished: number[] = [];
    const durations = [40, 5, 0, 20, 1];
    const h = harness({
      deliver: (_page, items) =>
        new Promise<void>((resolve) => {
          const seq = (items[0] as Extract<HookItem, { k: 'frame' }>).seq;
          setTimeout(() => {
            finished.push(seq);
            resolve();
          }, durations[seq - 1]);
        }),
    });
    startRelay(h.env);
    for (let seq = 1; seq <= 5; seq += 1) send(h.target, [frame(seq)]);
    await vi.waitFor(() => expect(finished).toHaveLength(5), { timeout: 2000, interval: 10 });
    expect(finished).toEqual([1, 2, 3, 4, 5]);
  });

  it('skips an empty batch without a round trip to the worker', async () => {
    const h = harness();
    startRelay(h.env);
    send(h.target, []);
    send(h.target, [frame(1)]);
    await settle();
    expect(h.calls.map((c) => c.items)).toEqual([[frame(1)]]);
  });
});

describe('startRelay: retries', () => {
  it('retries a failed delivery after 100, 250 … ms and stops once it succeeds', async () => {
    let failures = 2;
    const h = harness({
      deliver: async () => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('Could not establish connection. Receiving end does not exist.');
        }
      },
    });
    startRelay(h.env);
    send(h.target, [frame(1)]);
    await settle();
    expect(h.sleeps).toEqual([100, 250]);
    expect(h.calls).toHaveLength(3);
    expect(h.calls.every((c) => c.items[0]?.k === 'frame' && c.page === PAGE)).toBe(true);
    expect(h.warnings).toEqual([]);
  });

  it('keeps retrying at the last delay while the extension lives, warning once, and stops when it is gone', async () => {
    let alive = true;
    const h = harness({
      deliver: async () => {
        if (h.calls.length >= RETRY_DELAYS.length + 4) alive = false;
        throw new Error('worker gone');
      },
      contextValid: () => alive,
    });
    startRelay(h.env);
    send(h.target, [frame(1)]);
    await settle();
    expect(h.sleeps).toEqual([...RETRY_DELAYS, 4000, 4000, 4000, 4000]);
    expect(h.calls).toHaveLength(RETRY_DELAYS.length + 4);
    expect(h.warnings).toHaveLength(1);
    expect(h.warnings[0]).toMatch(/^Draft Watch: the extension worker is not answering .*worker gone.*still trying/);
  });

  it('treats a deliver that throws synchronously like a rejected one', async () => {
    let first = true;
    const h = harness({
      deliver: () => {
        if (first) {
          first = false;
          throw new Error('sync throw');
        }
        return Promise.resolve();
      },
    });
    startRelay(h.env);
    send(h.target, [frame(1)]);
    await settle();
    expect(h.sleeps).toEqual([100]);
    expect(h.calls).toHaveLength(2);
    expect(h.warnings).toEqual([]);
  });

  it('holds later batches until the earlier one is delivered or abandoned', async () => {
    const sleeps: Deferred[] = [];
    const delays: number[] = [];
    let failing = true;
    const h = harness({
      deliver: async () => {
        if (failing) throw new Error('restarting');
      },
      sleep: (ms) => {
        delays.push(ms);
        const d = deferred();
        sleeps.push(d);
        return d.promise;
      },
    });
    startRelay(h.env);
    send(h.target, [frame(1)]);
    send(h.target, [frame(2)]);
    await settle();
    expect(h.calls.map((c) => c.items[0])).toEqual([frame(1)]);
    expect(delays).toEqual([100]);
    failing = false;
    sleeps[0]!.resolve();
    await settle();
    expect(h.calls.map((c) => c.items[0])).toEqual([frame(1), frame(1), frame(2)]);
    expect(delays).toEqual([100]);
  });

  it('an orphaned relay (extension reloaded or updated) delivers nothing more', async () => {
    let alive = true;
    const h = harness({ contextValid: () => alive });
    startRelay(h.env);
    send(h.target, [frame(1)]);
    await settle();
    alive = false;
    send(h.target, [frame(2)]);
    alive = true;
    send(h.target, [frame(3)]);
    await settle();
    const seqs = h.calls.map((c) => (c.items[0] as Extract<HookItem, { k: 'frame' }>).seq);
    // Once orphaned it stops listening for good, even if asked again.
    expect(seqs).toEqual([1]);
  });

  it('restarts the delay schedule for each batch', async () => {
    const failuresBySeq = new Map([
      [1, 1],
      [2, 3],
    ]);
    const h = harness({
      deliver: async (_page, items) => {
        const seq = (items[0] as Extract<HookItem, { k: 'frame' }>).seq;
        const left = failuresBySeq.get(seq) ?? 0;
        if (left > 0) {
          failuresBySeq.set(seq, left - 1);
          throw new Error('busy');
        }
      },
    });
    startRelay(h.env);
    send(h.target, [frame(1)]);
    send(h.target, [frame(2)]);
    await settle();
    expect(h.sleeps).toEqual([100, 100, 250, 500]);
    expect(h.warnings).toEqual([]);
  });
});

describe('startRelay: untrusted batches', () => {
  const bad: Array<[string, unknown, RegExp]> = [
    ['a non-string detail', [{ k: 'unload', at: T }], /not a string/],
    ['a missing detail', null, /not a string/],
    ['text that is not JSON', '{"k":', /not valid JSON/],
    ['an object instead of an array', JSON.stringify({ k: 'unload', at: T }), /rejected/],
    ['an item of unknown kind', JSON.stringify([{ k: 'inject', at: T }]), /rejected/],
  ];

  it.each(bad)('drops %s with a warning and delivers nothing', async (_name, detail, message) => {
    const h = harness();
    startRelay(h.env);
    dispatchBatch(h.target, detail);
    await settle();
    expect(h.calls).toEqual([]);
    expect(h.warnings).toHaveLength(1);
    expect(h.warnings[0]).toMatch(/^Draft Watch: .*hook batch /);
    expect(h.warnings[0]).toMatch(message);
  });

  it('does not let a rejected batch block or reorder later ones', async () => {
    const gate = deferred();
    let first = true;
    const h = harness({
      deliver: async () => {
        if (first) {
          first = false;
          await gate.promise;
        }
      },
    });
    startRelay(h.env);
    send(h.target, [frame(1)]);
    dispatchBatch(h.target, 'not json');
    send(h.target, [frame(2)]);
    dispatchBatch(h.target, JSON.stringify([{ ...frame(3), dir: 'sideways' }]));
    send(h.target, [frame(4)]);
    expect(h.warnings).toHaveLength(2);
    gate.resolve();
    await settle();
    expect(h.calls.map((c) => c.items)).toEqual([[frame(1)], [frame(2)], [frame(4)]]);
  });

  it('drops only the invalid item of a batch, with a warning; the worker sees the gap it leaves', async () => {
    const h = harness();
    startRelay(h.env);
    dispatchBatch(h.target, JSON.stringify([frame(1), { ...frame(2), seq: -1 }, frame(3)]));
    await settle();
    expect(h.calls.map((c) => c.items)).toEqual([[frame(1), frame(3)]]);
    expect(h.warnings).toHaveLength(1);
    expect(h.warnings[0]).toMatch(/dropped 1 invalid item/);
  });
});
