import { describe, expect, it } from 'vitest';
import type { DraftStore, PlayerRow } from '../../../src/adapters/store';
import { PLAYERS_FILTER_HEADER } from '../../../src/espn/players';
import { PlayerNames, type FetchText } from '../../../src/worker/player-names';

const T = 1_756_607_000_000;
const RETRY_AFTER_MS = 60_000;
const POOL_URL = 'https://lm-api-reads.fantasy.espn.com/apis/v3/games/ffl/seasons/2025/players?view=players_wl';

const POOL_BODY = JSON.stringify([
  { id: 3918298, fullName: 'Josh Allen', defaultPositionId: 1, proTeamId: 2 },
  { id: -16034, fullName: 'Texans D/ST', defaultPositionId: 16, proTeamId: 34 },
]);

/** The three DraftStore methods PlayerNames uses, in memory. */
class MemoryStore {
  readonly meta = new Map<string, unknown>();
  readonly players = new Map<string, PlayerRow>();
  putCalls = 0;

  async getMeta<T>(key: string): Promise<T | undefined> {
    return this.meta.get(key) as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    this.meta.set(key, structuredClone(value));
  }

  async putPlayers(rows: PlayerRow[]): Promise<void> {
    this.putCalls += 1;
    for (const row of rows) this.players.set(row.key, { ...row });
  }

  asDraftStore(): DraftStore {
    return this as unknown as DraftStore;
  }
}

interface FetchCall {
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

interface Setup {
  store: MemoryStore;
  names: PlayerNames;
  calls: FetchCall[];
  clock: { now: number };
}

function setup(answer: (call: FetchCall) => Promise<{ status: number; body: string }>): Setup {
  const store = new MemoryStore();
  const calls: FetchCall[] = [];
  const clock = { now: T };
  const fetchText: FetchText = (url, headers, timeoutMs) => {
    const call = { url, headers, timeoutMs };
    calls.push(call);
    return answer(call);
  };
  return { store, names: new PlayerNames(store.asDraftStore(), fetchText, () => clock.now), calls, clock };
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

describe('PlayerNames: loading a pool', () => {
  it('fetches the season pool once with the activity filter and a 20 s timeout', async () => {
    const s = setup(async () => ({ status: 200, body: POOL_BODY }));
    await s.names.ensurePool('ffl', 2025);
    expect(s.calls).toEqual([{ url: POOL_URL, headers: PLAYERS_FILTER_HEADER, timeoutMs: 20_000 }]);
  });

  it('stores every player under game:season:id and logs how many it loaded', async () => {
    const s = setup(async () => ({ status: 200, body: POOL_BODY }));
    const log = await s.names.ensurePool('ffl', 2025);
    expect(log).toEqual([{ at: T, level: 'info', kind: 'players', message: 'Loaded 2 player names' }]);
    expect([...s.store.players.values()]).toEqual([
      { key: 'ffl:2025:3918298', playerId: 3918298, name: 'Josh Allen', position: 'QB', proTeam: 'BUF' },
      { key: 'ffl:2025:-16034', playerId: -16034, name: 'Texans D/ST', position: 'D/ST', proTeam: 'HOU' },
    ]);
    expect(s.store.meta.get('pool:ffl:2025')).toEqual({ fetchedAt: T, retryAt: 0 });
  });

  it('mentions skipped malformed entries', async () => {
    const s = setup(async () => ({ status: 200, body: JSON.stringify([{ id: 1, fullName: 'A' }, { id: 'x' }, null]) }));
    const log = await s.names.ensurePool('ffl', 2025);
    expect(log).toEqual([{ at: T, level: 'info', kind: 'players', message: 'Loaded 1 player names (2 malformed entries skipped)' }]);
    expect(s.store.players.size).toBe(1);
  });

  it('does not fetch again once the pool is cached', async () => {
    const s = setup(async () => ({ status: 200, body: POOL_BODY }));
    await s.names.ensurePool('ffl', 2025);
    s.clock.now += 365 * 24 * 3600_000;
    expect(await s.names.ensurePool('ffl', 2025)).toEqual([]);
    expect(s.calls).toHaveLength(1);
    expect(s.store.putCalls).toBe(1);
  });

  it('trusts a pool cached by an earlier worker (meta already in the store)', async () => {
    const s = setup(async () => ({ status: 200, body: POOL_BODY }));
    s.store.meta.set('pool:ffl:2025', { fetchedAt: T - 1_000_000, retryAt: 0 });
    expect(await s.names.ensurePool('ffl', 2025)).toEqual([]);
    expect(s.calls).toEqual([]);
  });

  it('keeps pools of different games and seasons apart', async () => {
    const s = setup(async () => ({ status: 200, body: JSON.stringify([{ id: 5, fullName: 'P' }]) }));
    await s.names.ensurePool('ffl', 2025);
    await s.names.ensurePool('ffl', 2024);
    await s.names.ensurePool('fba', 2025);
    expect(s.calls.map((c) => c.url)).toEqual([
      POOL_URL,
      'https://lm-api-reads.fantasy.espn.com/apis/v3/games/ffl/seasons/2024/players?view=players_wl',
      'https://lm-api-reads.fantasy.espn.com/apis/v3/games/fba/seasons/2025/players?view=players_wl',
    ]);
    expect([...s.store.players.keys()].sort()).toEqual(['fba:2025:5', 'ffl:2024:5', 'ffl:2025:5']);
  });
});

describe('PlayerNames: one request in flight per pool', () => {
  it('gives concurrent callers the same pending load and fetches once', async () => {
    const answer = deferred<{ status: number; body: string }>();
    const s = setup(() => answer.promise);
    const first = s.names.ensurePool('ffl', 2025);
    const second = s.names.ensurePool('ffl', 2025);
    expect(second).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(s.calls).toHaveLength(1);
    answer.resolve({ status: 200, body: POOL_BODY });
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual(b);
    expect(a[0]!.message).toBe('Loaded 2 player names');
    expect(s.calls).toHaveLength(1);
  });

  it('runs different pools in parallel', async () => {
    const answers = [deferred<{ status: number; body: string }>(), deferred<{ status: number; body: string }>()];
    const s = setup(() => answers[s.calls.length - 1]!.promise);
    const ffl = s.names.ensurePool('ffl', 2025);
    const fba = s.names.ensurePool('fba', 2025);
    expect(fba).not.toBe(ffl);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(s.calls).toHaveLength(2);
    answers[0]!.resolve({ status: 200, body: '[]' });
    answers[1]!.resolve({ status: 200, body: '[]' });
    await Promise.all([ffl, fba]);
  });

  it('starts a fresh load after the previous one finished (the in-flight entry is released)', async () => {
    let status = 503;
    const s = setup(async () => ({ status, body: '' }));
    const first = s.names.ensurePool('ffl', 2025);
    await first;
    s.clock.now += RETRY_AFTER_MS;
    status = 200;
    const second = s.names.ensurePool('ffl', 2025);
    expect(second).not.toBe(first);
    await second;
    expect(s.calls).toHaveLength(2);
  });

  it('releases the in-flight entry even when the load throws', async () => {
    const s = setup(async () => ({ status: 200, body: '[]' }));
    let failGet = true;
    const realGet = s.store.getMeta.bind(s.store);
    s.store.getMeta = async <T,>(key: string): Promise<T | undefined> => {
      if (failGet) throw new Error('IndexedDB closed');
      return realGet<T>(key);
    };
    await expect(s.names.ensurePool('ffl', 2025)).rejects.toThrow('IndexedDB closed');
    failGet = false;
    expect(await s.names.ensurePool('ffl', 2025)).toEqual([{ at: T, level: 'info', kind: 'players', message: 'Loaded 0 player names' }]);
  });
});

describe('PlayerNames: failures', () => {
  it('logs a failed request, remembers when to retry, and stores no players', async () => {
    const s = setup(async () => {
      throw new Error('timeout');
    });
    const log = await s.names.ensurePool('ffl', 2025);
    expect(log).toEqual([{ at: T, level: 'warn', kind: 'players', message: 'Player names unavailable for now: request failed (Error: timeout)' }]);
    expect(s.store.meta.get('pool:ffl:2025')).toEqual({ fetchedAt: null, retryAt: T + RETRY_AFTER_MS });
    expect(s.store.players.size).toBe(0);
  });

  it.each([
    [401, 'ESPN answered HTTP 401'],
    [404, 'ESPN answered HTTP 404'],
    [500, 'ESPN answered HTTP 500'],
    [302, 'ESPN answered HTTP 302'],
    [204, 'ESPN answered HTTP 204'],
  ])('treats HTTP %i as a failure even with a valid body', async (status, reason) => {
    const s = setup(async () => ({ status, body: POOL_BODY }));
    expect(await s.names.ensurePool('ffl', 2025)).toEqual([
      { at: T, level: 'warn', kind: 'players', message: `Player names unavailable for now: ${reason}` },
    ]);
    expect(s.store.players.size).toBe(0);
    expect(s.store.meta.get('pool:ffl:2025')).toEqual({ fetchedAt: null, retryAt: T + RETRY_AFTER_MS });
  });

  it.each([
    ['not JSON', '<html>oops</html>', 'players response is not valid JSON'],
    ['not an array', '{"players":[]}', 'players response is not an array'],
  ])('treats a body that is %s as a failure', async (_name, body, reason) => {
    const s = setup(async () => ({ status: 200, body }));
    expect(await s.names.ensurePool('ffl', 2025)).toEqual([
      { at: T, level: 'warn', kind: 'players', message: `Player names unavailable for now: ${reason}` },
    ]);
    expect(s.store.putCalls).toBe(0);
    expect(s.store.meta.get('pool:ffl:2025')).toEqual({ fetchedAt: null, retryAt: T + RETRY_AFTER_MS });
  });

  it('does not ask again before the retry delay has passed, and asks again exactly when it has', async () => {
    let status = 500;
    const s = setup(async () => ({ status, body: POOL_BODY }));
    await s.names.ensurePool('ffl', 2025);
    expect(s.calls).toHaveLength(1);

    s.clock.now = T + 1;
    expect(await s.names.ensurePool('ffl', 2025)).toEqual([]);
    s.clock.now = T + RETRY_AFTER_MS - 1;
    expect(await s.names.ensurePool('ffl', 2025)).toEqual([]);
    expect(s.calls).toHaveLength(1);

    status = 200;
    s.clock.now = T + RETRY_AFTER_MS;
    const log = await s.names.ensurePool('ffl', 2025);
    expect(s.calls).toHaveLength(2);
    expect(log).toEqual([{ at: T + RETRY_AFTER_MS, level: 'info', kind: 'players', message: 'Loaded 2 player names' }]);
    expect(s.store.meta.get('pool:ffl:2025')).toEqual({ fetchedAt: T + RETRY_AFTER_MS, retryAt: 0 });
  });

  it('pushes the retry time out again after a second failure', async () => {
    const s = setup(async () => ({ status: 503, body: '' }));
    await s.names.ensurePool('ffl', 2025);
    s.clock.now = T + RETRY_AFTER_MS + 5;
    await s.names.ensurePool('ffl', 2025);
    expect(s.store.meta.get('pool:ffl:2025')).toEqual({ fetchedAt: null, retryAt: T + 2 * RETRY_AFTER_MS + 5 });
    s.clock.now = T + 2 * RETRY_AFTER_MS;
    await s.names.ensurePool('ffl', 2025);
    expect(s.calls).toHaveLength(2);
  });

  it('a failure for one pool does not hold back another', async () => {
    const s = setup(async (call) => (call.url.includes('/games/ffl/') ? { status: 500, body: '' } : { status: 200, body: '[]' }));
    await s.names.ensurePool('ffl', 2025);
    const log = await s.names.ensurePool('fhl', 2025);
    expect(log[0]).toMatchObject({ level: 'info', message: 'Loaded 0 player names' });
    expect(s.calls).toHaveLength(2);
  });
});
