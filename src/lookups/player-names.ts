import type { DraftStore } from '../store/draft-store';
import { playerKey } from '../store/records';
import type { LogEntry } from '../draft/types';
import { playersRequest, sendPreferringTab, type Transports } from './league-client';
import { parsePlayersResponse } from './players';
import { DEFAULT_LOOKUP_OPTIONS, retryDelayMs, type LookupOptions } from './retry';

export type PoolStore = Pick<DraftStore, 'getPoolStatus' | 'setPoolStatus' | 'putPlayers'>;

/**
 * Loads a season's player pool once and caches it in IndexedDB. One request in flight per pool;
 * failures are logged and asked again on the players schedule (retry.ts).
 */
export class PlayerNames {
  private readonly inFlight = new Map<string, Promise<LogEntry[]>>();

  constructor(
    private readonly store: PoolStore,
    private readonly transports: Transports,
    private readonly now: () => number,
    private readonly options: LookupOptions = DEFAULT_LOOKUP_OPTIONS,
  ) {}

  /** `tabId`: the draft tab to ask through (league-client.ts explains why), or null for the extension's own fetch. */
  ensurePool(game: string, seasonId: number, tabId: number | null = null): Promise<LogEntry[]> {
    const poolId = `${game}:${seasonId}`;
    const running = this.inFlight.get(poolId);
    if (running) return running;
    const task = this.load(game, seasonId, tabId).finally(() => this.inFlight.delete(poolId));
    this.inFlight.set(poolId, task);
    return task;
  }

  private async load(game: string, seasonId: number, tabId: number | null): Promise<LogEntry[]> {
    const status = await this.store.getPoolStatus(game, seasonId);
    const now = this.now();
    if (status && (status.fetchedAt !== null || status.retryAt > now)) return [];
    const fail = async (message: string): Promise<LogEntry[]> => {
      // The pool status keeps no attempt count: the players schedule has one delay, repeating.
      await this.store.setPoolStatus(game, seasonId, { fetchedAt: null, retryAt: now + retryDelayMs(this.options.players, 1) });
      return [{ at: now, level: 'warn', kind: 'players', message: `Player names unavailable for now: ${message}` }];
    };
    const answer = await sendPreferringTab(this.transports, tabId, playersRequest(game, seasonId, this.options));
    if (!answer.ok) return fail(`request failed (${answer.message})`);
    if (answer.status !== 200) return fail(`ESPN answered HTTP ${answer.status}`);
    const parsed = parsePlayersResponse(answer.body, game);
    if (!parsed.ok) return fail(parsed.error);
    await this.store.putPlayers(parsed.players.map((p) => ({ ...p, key: playerKey(game, seasonId, p.playerId) })));
    await this.store.setPoolStatus(game, seasonId, { fetchedAt: now, retryAt: 0 });
    const note = parsed.dropped > 0 ? ` (${parsed.dropped} malformed entries skipped)` : '';
    return [{ at: now, level: 'info', kind: 'players', message: `Loaded ${parsed.players.length} player names${note}` }];
  }
}
