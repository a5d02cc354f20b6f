import type { DraftStore } from '../adapters/store';
import { playerKey } from '../adapters/store';
import { parsePlayersResponse, playersUrl, PLAYERS_FILTER_HEADER } from '../espn/players';
import type { LogEntry } from '../draft/types';

export type FetchText = (url: string, headers: Record<string, string>, timeoutMs: number) => Promise<{ status: number; body: string }>;

const POOL_TIMEOUT_MS = 20_000;
/** After a failure, wait before asking ESPN again; a name never blocks a pick. */
const RETRY_AFTER_MS = 60_000;

interface PoolMeta {
  fetchedAt: number | null;
  retryAt: number;
}

/**
 * Loads a season's player pool once and caches it in IndexedDB. One request in
 * flight per pool; failures are logged and retried later.
 */
export class PlayerNames {
  private readonly inFlight = new Map<string, Promise<LogEntry[]>>();

  constructor(
    private readonly store: DraftStore,
    private readonly fetchText: FetchText,
    private readonly now: () => number,
  ) {}

  ensurePool(game: string, seasonId: number): Promise<LogEntry[]> {
    const poolId = `pool:${game}:${seasonId}`;
    const running = this.inFlight.get(poolId);
    if (running) return running;
    const task = this.load(poolId, game, seasonId).finally(() => this.inFlight.delete(poolId));
    this.inFlight.set(poolId, task);
    return task;
  }

  private async load(poolId: string, game: string, seasonId: number): Promise<LogEntry[]> {
    const meta = await this.store.getMeta<PoolMeta>(poolId);
    const now = this.now();
    if (meta && (meta.fetchedAt !== null || meta.retryAt > now)) return [];
    const fail = async (message: string): Promise<LogEntry[]> => {
      await this.store.setMeta(poolId, { fetchedAt: null, retryAt: now + RETRY_AFTER_MS } satisfies PoolMeta);
      return [{ at: now, level: 'warn', kind: 'players', message: `Player names unavailable for now: ${message}` }];
    };
    let response: { status: number; body: string };
    try {
      response = await this.fetchText(playersUrl(game, seasonId), PLAYERS_FILTER_HEADER, POOL_TIMEOUT_MS);
    } catch (error) {
      return fail(`request failed (${String(error)})`);
    }
    if (response.status !== 200) return fail(`ESPN answered HTTP ${response.status}`);
    const parsed = parsePlayersResponse(response.body, game);
    if (!parsed.ok) return fail(parsed.error);
    await this.store.putPlayers(parsed.players.map((p) => ({ ...p, key: playerKey(game, seasonId, p.playerId) })));
    await this.store.setMeta(poolId, { fetchedAt: now, retryAt: 0 } satisfies PoolMeta);
    const note = parsed.dropped > 0 ? ` (${parsed.dropped} malformed entries skipped)` : '';
    return [{ at: now, level: 'info', kind: 'players', message: `Loaded ${parsed.players.length} player names${note}` }];
  }
}
