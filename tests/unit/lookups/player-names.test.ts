import { describe, expect, it } from 'vitest';
import { PLAYERS_FILTER_HEADER, type FetchAnswer, type LeagueRequest, type Transports } from '../../../src/lookups/league-client';
import { PlayerNames, type PoolStore } from '../../../src/lookups/player-names';
import type { PlayerRow, PoolStatus } from '../../../src/store/records';

const T = 1_756_607_000_000;
const RETRY_AFTER_MS = 60_000;
const POOL_URL = 'https://lm-api-reads.fantasy.espn.com/apis/v3/games/ffl/seasons/2025/players?view=players_wl';

const POOL_BODY = JSON.stringify([
  { id: 3918298, fullName: 'Josh Allen', defaultPositionId: 1, proTeamId: 2 },
  { id: -16034, fullName: 'Texans D/ST', defaultPositionId: 16, proTeamId: 34 },
]);

/** The three DraftStore methods PlayerNames uses, in memory; pools keyed `${game}:${seasonId}`. */
class MemoryStore implements PoolStore {
  readonly pools = new Map<string, PoolStatus>();
  readonly players = new Map<string, PlayerRow>();
  putCalls = 0;

  async getPoolStatus(game: string, seasonId: number): Promise<PoolStatus | undefined> {
    return structuredClone(this.pools.get(`${game}:${seasonId}`));
  }

  async setPoolStatus(game: string, seasonId: number, status: PoolStatus): Promise<void> {
    this.pools.set(`${game}:${seasonId}`, structuredClone(status));
  }

  async putPlayers(rows: PlayerRow[]): Promise<void> {
    this.putCalls += 1;
    for (const row of rows) this.players.set(row.key, { ...row });
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

/** The extension's own fetch answers from `answer` (a throw is a failed request); there is no draft tab. */
function setup(answer: (call: FetchCall) => Promise<{ status: number; body: string }>): Setup {
  const store = new MemoryStore();
  const calls: FetchCall[] = [];
  const clock = { now: T };
  const worker = async (request: LeagueRequest): Promise<FetchAnswer> => {
    const call = { ...request };
    calls.push(call);
    return { ok: true, ...(await answer(call)) };
  };
  const transports: Transports = { worker, tab: () => () => Promise.reject(new Error('no draft tab in these tests')) };
  return { store, names: new PlayerNames(store, transports, () => clock.now), calls, clock };
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
    expect(s.store.pools.get('ffl:2025')).toEqual({ fetchedAt: T, retryAt: 0 });
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

  it('trusts a pool cached by an earlier worker (its status already in the store)', async () => {
    const s = setup(async () => ({ status: 200, body: POOL_BODY }));
    s.store.pools.set('ffl:2025', { fetchedAt: T - 1_000_000, retryAt: 0 });
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
    const realGet = s.store.getPoolStatus.bind(s.store);
    s.store.getPoolStatus = async (game: string, seasonId: number): Promise<PoolStatus | undefined> => {
      if (failGet) throw new Error('IndexedDB closed');
      return realGet(game, seasonId);
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
    expect(s.store.pools.get('ffl:2025')).toEqual({ fetchedAt: null, retryAt: T + RETRY_AFTER_MS });
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
    expect(s.store.pools.get('ffl:2025')).toEqual({ fetchedAt: null, retryAt: T + RETRY_AFTER_MS });
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
    expect(s.store.pools.get('ffl:2025')).toEqual({ fetchedAt: null, retryAt: T + RETRY_AFTER_MS });
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
    expect(s.store.pools.get('ffl:2025')).toEqual({ fetchedAt: T + RETRY_AFTER_MS, retryAt: 0 });
  });

  it('pushes the retry time out again after a second failure', async () => {
    const s = setup(async () => ({ status: 503, body: '' }));
    await s.names.ensurePool('ffl', 2025);
    s.clock.now = T + RETRY_AFTER_MS + 5;
    await s.names.ensurePool('ffl', 2025);
    expect(s.store.pools.get('ffl:2025')).toEqual({ fetchedAt: null, retryAt: T + 2 * RETRY_AFTER_MS + 5 });
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

describe('PlayerNames: through the draft tab (host access to the draft site alone is enough)', () => {
  interface Routed {
    via: 'tab' | 'worker';
    tabId: number | null;
    request: LeagueRequest;
  }

  function routed(tab: (request: LeagueRequest) => Promise<FetchAnswer>, worker: (request: LeagueRequest) => Promise<FetchAnswer>) {
    const store = new MemoryStore();
    const calls: Routed[] = [];
    const transports: Transports = {
      tab: (tabId) => (request) => {
        calls.push({ via: 'tab', tabId, request });
        return tab(request);
      },
      worker: (request) => {
        calls.push({ via: 'worker', tabId: null, request });
        return worker(request);
      },
    };
    return { store, calls, names: new PlayerNames(store, transports, () => T) };
  }
  const pool = async (): Promise<FetchAnswer> => ({ ok: true, status: 200, body: POOL_BODY });
  const unreachable = async (): Promise<FetchAnswer> => ({ ok: false, error: 'network', message: 'TypeError: NetworkError when attempting to fetch resource.' });
  const REQUEST = { url: POOL_URL, headers: PLAYERS_FILTER_HEADER, timeoutMs: 20_000 };

  it('asks through the draft tab first and does not touch the extension fetch when the tab answers', async () => {
    const r = routed(pool, pool);
    expect(await r.names.ensurePool('ffl', 2025, 17)).toEqual([{ at: T, level: 'info', kind: 'players', message: 'Loaded 2 player names' }]);
    expect(r.calls).toEqual([{ via: 'tab', tabId: 17, request: REQUEST }]);
    expect(r.store.players.size).toBe(2);
  });

  it('falls back to the extension fetch when the tab cannot send the request', async () => {
    const r = routed(unreachable, pool);
    expect((await r.names.ensurePool('ffl', 2025, 17))[0]!.message).toBe('Loaded 2 player names');
    expect(r.calls.map((c) => c.via)).toEqual(['tab', 'worker']);
    expect(r.calls[1]!.request).toEqual(REQUEST);
  });

  it('falls back also when messaging the tab throws (no content script in it)', async () => {
    const r = routed(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')), pool);
    expect((await r.names.ensurePool('ffl', 2025, 17))[0]!.message).toBe('Loaded 2 player names');
    expect(r.calls.map((c) => c.via)).toEqual(['tab', 'worker']);
  });

  it("takes ESPN's HTTP answer or a timeout from the tab as final for this attempt", async () => {
    const fromWorker = { calls: 0 };
    const worker = async (): Promise<FetchAnswer> => {
      fromWorker.calls += 1;
      return pool();
    };
    const http = routed(async () => ({ ok: true, status: 503, body: '' }), worker);
    expect((await http.names.ensurePool('ffl', 2025, 17))[0]!.message).toBe('Player names unavailable for now: ESPN answered HTTP 503');
    const slow = routed(async () => ({ ok: false, error: 'timeout', message: 'no answer within 20000 ms' }), worker);
    expect((await slow.names.ensurePool('ffl', 2025, 17))[0]!.message).toBe('Player names unavailable for now: request failed (no answer within 20000 ms)');
    expect(fromWorker.calls).toBe(0);
    expect(slow.store.pools.get('ffl:2025')).toEqual({ fetchedAt: null, retryAt: T + RETRY_AFTER_MS });
  });

  it('names both failures when neither the tab nor the extension can reach ESPN', async () => {
    const r = routed(unreachable, async () => ({ ok: false, error: 'network', message: 'TypeError: Failed to fetch' }));
    expect(await r.names.ensurePool('ffl', 2025, 17)).toEqual([
      {
        at: T,
        level: 'warn',
        kind: 'players',
        message:
          'Player names unavailable for now: request failed (draft tab: TypeError: NetworkError when attempting to fetch resource.; extension: TypeError: Failed to fetch)',
      },
    ]);
    expect(r.store.pools.get('ffl:2025')).toEqual({ fetchedAt: null, retryAt: T + RETRY_AFTER_MS });
  });
});
