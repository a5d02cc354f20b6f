import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Settings } from '../contract/settings';
import type { FinalBoardProgress, PlayerRow, PoolStatus, TabSession } from './records';
import { draftIdSchema, finalBoardProgressSchema, parseOr, poolStatusSchema, settingsOf, type StoredDraftRecord } from './stored-values';

export const DB_NAME = 'draft-watch';

/**
 * 1 — v0.1.0: drafts, tabs, players, and one `meta` store of untyped values under string keys
 *     ('settings', 'lastActiveDraftId', 'pool:<game>:<season>', 'rest:<draftId>').
 * 2 — every value has its type: `meta` keeps only named singletons, pools and final-board checks
 *     get stores of their own.
 */
export const DB_VERSION = 2;

/** The singletons, each under its own name with its own value type. */
export type MetaEntry = { key: 'settings'; settings: Settings } | { key: 'lastActiveDraft'; draftId: string };

export type PoolStatusRow = PoolStatus & { /** `${game}:${seasonId}` */ poolId: string };
export type FinalBoardRow = FinalBoardProgress & { draftId: string };

export interface DraftWatchDb extends DBSchema {
  /** Records gain fields without a version step; a reader fills what an older release left out (restoreDraftRecord). */
  drafts: { key: string; value: StoredDraftRecord };
  tabs: { key: number; value: TabSession };
  players: { key: string; value: PlayerRow };
  meta: { key: MetaEntry['key']; value: MetaEntry };
  playerPools: { key: string; value: PoolStatusRow };
  finalBoardChecks: { key: string; value: FinalBoardRow };
}

type UpgradeTransaction = IDBPTransaction<DraftWatchDb, StoreNames<DraftWatchDb>[], 'versionchange'>;

/**
 * Brings a database of any earlier version up to DB_VERSION, one step per version, inside the
 * versionchange transaction: if a step fails, the transaction aborts and the old data stays as it was.
 */
export function upgradeDraftWatchDb(db: IDBPDatabase<DraftWatchDb>, oldVersion: number, transaction: UpgradeTransaction): void {
  if (oldVersion < 1) {
    db.createObjectStore('drafts', { keyPath: 'id' });
    db.createObjectStore('tabs', { keyPath: 'tabId' });
    db.createObjectStore('players', { keyPath: 'key' });
    // Version 1's meta store (out-of-line keys); step 2 replaces it.
    (db as unknown as IDBPDatabase).createObjectStore('meta');
  }
  if (oldVersion < 2) {
    void splitMeta(db, transaction).catch(() => transaction.abort());
  }
}

/** One row of version 2, migrated from a version-1 meta entry. */
export type MigratedMeta =
  | { store: 'meta'; value: MetaEntry }
  | { store: 'playerPools'; value: PoolStatusRow }
  | { store: 'finalBoardChecks'; value: FinalBoardRow };

/** Where a version-1 meta entry goes; null for an unknown key or a value that was already damaged. */
export function migrateV1Meta(key: string, value: unknown): MigratedMeta | null {
  if (key === 'settings') return { store: 'meta', value: { key: 'settings', settings: settingsOf(value) } };
  if (key === 'lastActiveDraftId') {
    const draftId = parseOr(draftIdSchema, value);
    return draftId === undefined ? null : { store: 'meta', value: { key: 'lastActiveDraft', draftId } };
  }
  if (key.startsWith('pool:')) {
    const status = parseOr(poolStatusSchema, value);
    return status === undefined ? null : { store: 'playerPools', value: { ...status, poolId: key.slice('pool:'.length) } };
  }
  if (key.startsWith('rest:')) {
    const progress = parseOr(finalBoardProgressSchema, value);
    return progress === undefined ? null : { store: 'finalBoardChecks', value: { ...progress, draftId: key.slice('rest:'.length) } };
  }
  return null;
}

async function splitMeta(db: IDBPDatabase<DraftWatchDb>, transaction: UpgradeTransaction): Promise<void> {
  // Version 1's values are untyped; migrateV1Meta checks each one.
  const legacy = (transaction as unknown as IDBPTransaction<unknown, string[], 'versionchange'>).objectStore('meta');
  const [keys, values] = await Promise.all([legacy.getAllKeys(), legacy.getAll()]);
  db.deleteObjectStore('meta');
  db.createObjectStore('meta', { keyPath: 'key' });
  db.createObjectStore('playerPools', { keyPath: 'poolId' });
  db.createObjectStore('finalBoardChecks', { keyPath: 'draftId' });
  const writes = keys.map((key, index) => {
    // Version 1 wrote string keys only; anything else is not ours.
    const row = typeof key === 'string' ? migrateV1Meta(key, values[index]) : null;
    if (row === null) return Promise.resolve();
    switch (row.store) {
      case 'meta':
        return transaction.objectStore('meta').put(row.value);
      case 'playerPools':
        return transaction.objectStore('playerPools').put(row.value);
      case 'finalBoardChecks':
        return transaction.objectStore('finalBoardChecks').put(row.value);
    }
  });
  await Promise.all(writes);
}
