import { describe, expect, it, vi } from 'vitest';
import type { HookItem } from '../../../src/contract/page-events';
import type { DraftPageContext } from '../../../src/contract/draft-page-url';
import { startRelay, type Relay, type RelayEnv } from '../../../src/relay/relay';
import { MAX_BATCH_CHARS, MAX_BATCH_ITEMS, MAX_PENDING_ITEMS, RELAY_RETRY_DELAYS_MS } from '../../../src/contract/channel-limits';

const PAGE: DraftPageContext = { sport: 'football', leagueId: '123456789', seasonId: 2025, teamId: 4 };
const T = 1_756_607_000_000;
const RETRY_DELAYS = [100, 250, 500, 1000, 2000, 4000, 8000];

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

/** What arrives on the private port: a structured clone of the hook's batch. */
const send = (relay: Relay, batch: unknown): void => relay.receive(structuredClone(batch));

interface Harness {
  env: RelayEnv;
  calls: Array<{ page: DraftPageContext; items: HookItem[] }>;
  warnings: string[];
  sleeps: number[];
}

/** A relay fed directly, as the private port would; `deliver` and `sleep` default to instant success. */
/** The relay's clock (only the drop warning reads it); tests move it by hand. */
const clock = { now: 0 };

function harness(overrides: Partial<Pick<RelayEnv, 'deliver' | 'sleep' | 'contextValid'>> = {}): Harness {
  clock.now = 0;
  const calls: Harness['calls'] = [];
  const warnings: string[] = [];
  const sleeps: number[] = [];
  const deliver = overrides.deliver ?? (async () => {});
  const env: RelayEnv = {
    page: PAGE,
    deliver: (page, items) => {
      calls.push({ page, items });
      return deliver(page, items);
    },
    warn: (message) => warnings.push(message),
    now: () => clock.now,
    contextValid: overrides.contextValid ?? (() => true),
    sleep:
      overrides.sleep ??
      (async (ms) => {
        sleeps.push(ms);
      }),
  };
  return { env, calls, warnings, sleeps };
}

describe('startRelay: delivery order', () => {
  it('hands each valid batch to deliver with the page context, unchanged', async () => {
    const h = harness();
    const relay = startRelay(h.env);
    const items: HookItem[] = [
      { k: 'open', sid: 's1', at: T, url: 'wss://fantasydraft.espn.com/game-1/league-1/JOIN?4=[swid]' },
      frame(1),
      { k: 'close', sid: 's1', at: T + 5, code: 1006, reason: '', clean: false },
    ];
    send(relay, items);
    await settle();
    expect(h.calls).toEqual([{ page: PAGE, items }]);
    expect(h.warnings).toEqual([]);
  });

  it('hands the worker the batch with the member secrets taken out of the URL and TOKEN frames', async () => {
    const h = harness();
    const relay = startRelay(h.env);
    const swid = '{00000000-0000-4000-8000-000000000002}';
    send(relay, [
      { k: 'open', sid: 's1', at: T, url: `wss://fantasydraft.espn.com/game-1/league-1/JOIN?1=1&2=1&3=2&4=${swid}&5=1:1:2:${swid}:-1234567890` },
      frame(1, `TOKEN 1:1:2:${swid}:-1234567890\n`),
    ]);
    await settle();
    const delivered = JSON.stringify(h.calls);
    expect(delivered).not.toContain('-1234567890');
    expect(delivered).not.toContain('00000000-0000');
    expect(h.calls[0]!.items[1]).toMatchObject({ data: 'TOKEN 1:1:2\n' });
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
    const relay = startRelay(h.env);
    send(relay, [frame(1)]);
    send(relay, [frame(2)]);
    send(relay, [frame(3)]);
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
    const relay = startRelay(h.env);
    for (let seq = 1; seq <= 5; seq += 1) send(relay, [frame(seq)]);
    await vi.waitFor(() => expect(finished).toHaveLength(5), { timeout: 2000, interval: 10 });
    expect(finished).toEqual([1, 2, 3, 4, 5]);
  });

  it('skips an empty batch without a round trip to the worker', async () => {
    const h = harness();
    const relay = startRelay(h.env);
    send(relay, []);
    send(relay, [frame(1)]);
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
    const relay = startRelay(h.env);
    send(relay, [frame(1)]);
    await settle();
    expect(h.sleeps).toEqual([100, 250]);
    expect(h.calls).toHaveLength(3);
    expect(h.calls.every((c) => c.items[0]?.k === 'frame' && c.page === PAGE)).toBe(true);
    expect(h.warnings).toEqual([]);
  });

  it('gives up on a batch after a bounded number of attempts, with one warning, and goes on with the next', async () => {
    const h = harness({
      deliver: async (_page, items) => {
        if ((items[0] as Extract<HookItem, { k: 'frame' }>).seq === 1) throw new Error('worker gone');
      },
    });
    const relay = startRelay(h.env);
    send(relay, [frame(1)]);
    send(relay, [frame(2)]);
    await settle();
    expect(RETRY_DELAYS).toEqual([...RELAY_RETRY_DELAYS_MS]);
    expect(h.sleeps).toEqual(RETRY_DELAYS);
    expect(h.calls.map((c) => (c.items[0] as Extract<HookItem, { k: 'frame' }>).seq)).toEqual([...RETRY_DELAYS.map(() => 1), 1, 2]);
    expect(h.warnings).toHaveLength(1);
    expect(h.warnings[0]).toMatch(/^Draft Watch: the extension worker is not answering .*worker gone.*gave up on 1 item\(s\) after 8 attempts/);
  });

  it('stops retrying at once when the extension is gone (orphaned script)', async () => {
    let alive = true;
    const h = harness({
      deliver: async () => {
        if (h.calls.length >= 3) alive = false;
        throw new Error('worker gone');
      },
      contextValid: () => alive,
    });
    const relay = startRelay(h.env);
    send(relay, [frame(1)]);
    await settle();
    expect(h.calls).toHaveLength(3);
    expect(h.sleeps).toEqual([100, 250, 500]);
    expect(relay.running).toBe(false);
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
    const relay = startRelay(h.env);
    send(relay, [frame(1)]);
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
    const relay = startRelay(h.env);
    send(relay, [frame(1)]);
    send(relay, [frame(2)]);
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
    const relay = startRelay(h.env);
    send(relay, [frame(1)]);
    await settle();
    alive = false;
    send(relay, [frame(2)]);
    alive = true;
    send(relay, [frame(3)]);
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
    const relay = startRelay(h.env);
    send(relay, [frame(1)]);
    send(relay, [frame(2)]);
    await settle();
    expect(h.sleeps).toEqual([100, 100, 250, 500]);
    expect(h.warnings).toEqual([]);
  });
});

describe('startRelay: bounded input', () => {
  const bad: Array<[string, unknown, RegExp]> = [
    ['a string (the old DOM-event format)', JSON.stringify([frame(1)]), /not an array/],
    ['a missing batch', null, /not an array/],
    ['an object instead of an array', { k: 'unload', at: T }, /not an array/],
    [`more than ${MAX_BATCH_ITEMS} items`, Array.from({ length: MAX_BATCH_ITEMS + 1 }, (_, i) => frame(i + 1)), /items, more than/],
    [`more than ${MAX_BATCH_CHARS} characters`, [frame(1, 'x'.repeat(MAX_BATCH_CHARS / 2)), frame(2, 'y'.repeat(MAX_BATCH_CHARS / 2 + 1))], /characters, more than/],
  ];

  it.each(bad)('drops %s with a warning and delivers nothing', async (_name, batch, message) => {
    const h = harness();
    const relay = startRelay(h.env);
    send(relay, batch);
    await settle();
    expect(h.calls).toEqual([]);
    expect(h.warnings).toHaveLength(1);
    expect(h.warnings[0]).toMatch(/^Draft Watch: .*hook batch rejected/);
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
    const relay = startRelay(h.env);
    send(relay, [frame(1)]);
    send(relay, 'not a batch');
    send(relay, [frame(2)]);
    send(relay, { 0: frame(3), length: 1 });
    send(relay, [frame(4)]);
    expect(h.warnings).toHaveLength(2);
    gate.resolve();
    await settle();
    expect(h.calls.map((c) => c.items)).toEqual([[frame(1)], [frame(2)], [frame(4)]]);
  });

  it('warns about drops at most once a second, with how many items were dropped since the last warning', async () => {
    const gate = deferred();
    const h = harness({ deliver: () => gate.promise });
    const relay = startRelay(h.env);
    send(relay, Array.from({ length: MAX_PENDING_ITEMS }, (_, i) => frame(i + 1)));
    for (let b = 0; b < 50; b += 1) {
      send(relay, [frame(1), frame(2)]);
      clock.now += 100;
    }
    // 5 s of drops, a batch every 100 ms: one line a second, not fifty.
    expect(h.warnings).toHaveLength(5);
    expect(h.warnings[0]).toMatch(/dropped 2 item\(s\)/);
    expect(h.warnings[1]).toMatch(/dropped 20 item\(s\)/);
    gate.resolve();
    await settle();
    expect(h.warnings).toHaveLength(6);
    expect(h.warnings.map((w) => Number(/dropped (\d+)/.exec(w)![1])).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('holds at most MAX_PENDING_ITEMS while the worker is slow, dropping newer batches with a warning', async () => {
    const gate = deferred();
    const h = harness({ deliver: () => gate.promise });
    const relay = startRelay(h.env);
    const batchSize = 1000;
    const batches = MAX_PENDING_ITEMS / batchSize;
    for (let b = 0; b < batches + 2; b += 1) send(relay, Array.from({ length: batchSize }, (_, i) => frame(b * batchSize + i + 1)));
    // One warning for the first drop; the second, within the second, waits.
    expect(h.warnings).toEqual([expect.stringMatching(/dropped 1000 item\(s\) while the worker was behind \(20000 still waiting\)/)]);
    gate.resolve();
    await settle();
    expect(h.calls).toHaveLength(batches);
    // Told once the worker caught up.
    expect(h.warnings[1]).toMatch(/dropped 1000 item\(s\)/);
    // Room again once delivered.
    send(relay, [frame(1)]);
    await settle();
    expect(h.calls).toHaveLength(batches + 1);
  });
});
