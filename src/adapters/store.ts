import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { restoreTabSession, type DraftRecord, type TabSession } from '../worker/records';
import type { PlayerInfo } from '../espn/players';

export interface PlayerRow extends PlayerInfo {
  /** `${game}:${seasonId}:${playerId}` */
  key: string;
}

interface DraftWatchDb extends DBSchema {
  drafts: { key: string; value: DraftRecord };
  tabs: { key: number; value: TabSession };
  players: { key: string; value: PlayerRow };
  meta: { key: string; value: unknown };
}

const DB_NAME = 'draft-watch';
const LAST_ACTIVE_DRAFT_KEY = 'lastActiveDraftId';
const DB_VERSION = 1;

export function playerKey(game: string, seasonId: number, playerId: number): string {
  return `${game}:${seasonId}:${playerId}`;
}

/** The only module that touches IndexedDB. Each write is one transaction, so a worker killed mid-way loses nothing committed. */
export class DraftStore {
  private constructor(private readonly db: IDBPDatabase<DraftWatchDb>) {}

  static async open(): Promise<DraftStore> {
    const db = await openDB<DraftWatchDb>(DB_NAME, DB_VERSION, {
      upgrade(database) {
        database.createObjectStore('drafts', { keyPath: 'id' });
        database.createObjectStore('tabs', { keyPath: 'tabId' });
        database.createObjectStore('players', { keyPath: 'key' });
        database.createObjectStore('meta');
      },
    });
    return new DraftStore(db);
  }

  getDraft(id: string): Promise<DraftRecord | undefined> {
    return this.db.get('drafts', id);
  }

  allDrafts(): Promise<DraftRecord[]> {
    return this.db.getAll('drafts');
  }

  async getTab(tabId: number): Promise<TabSession | undefined> {
    const stored = await this.db.get('tabs', tabId);
    return stored && restoreTabSession(stored);
  }

  async allTabs(): Promise<TabSession[]> {
    return (await this.db.getAll('tabs')).map(restoreTabSession);
  }

  async clearTabs(): Promise<void> {
    await this.db.clear('tabs');
  }

  async deleteTab(tabId: number): Promise<void> {
    await this.db.delete('tabs', tabId);
  }

  /** Draft records, the tab session and the last-active pointer change together, so they commit together. */
  async saveBatch(drafts: DraftRecord[], tab: TabSession | null, lastActiveDraftId: string | null = null): Promise<void> {
    const tx = this.db.transaction(['drafts', 'tabs', 'meta'], 'readwrite');
    const writes: Promise<unknown>[] = drafts.map((record) => tx.objectStore('drafts').put(record));
    if (tab !== null) writes.push(tx.objectStore('tabs').put(tab));
    if (lastActiveDraftId !== null) writes.push(tx.objectStore('meta').put(lastActiveDraftId, LAST_ACTIVE_DRAFT_KEY));
    await Promise.all([...writes, tx.done]);
  }

  async getPlayers(game: string, seasonId: number, ids: readonly number[]): Promise<Map<number, PlayerRow>> {
    const tx = this.db.transaction('players', 'readonly');
    const rows = await Promise.all(ids.map((id) => tx.store.get(playerKey(game, seasonId, id))));
    await tx.done;
    const found = new Map<number, PlayerRow>();
    rows.forEach((row, index) => {
      if (row !== undefined) found.set(ids[index]!, row);
    });
    return found;
  }

  async putPlayers(rows: PlayerRow[]): Promise<void> {
    const tx = this.db.transaction('players', 'readwrite');
    await Promise.all([...rows.map((row) => tx.store.put(row)), tx.done]);
  }

  lastActiveDraftId(): Promise<string | undefined> {
    return this.getMeta<string>(LAST_ACTIVE_DRAFT_KEY);
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('meta', key)) as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.db.put('meta', value, key);
  }
}
