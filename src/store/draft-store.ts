import { openDB, type IDBPDatabase } from 'idb';
import type { Settings } from '../contract/settings';
import { playerKey, restoreTabSession, type DraftRecord, type FinalBoardProgress, type PlayerRow, type PoolStatus, type TabSession } from './records';
import { DB_NAME, DB_VERSION, upgradeDraftWatchDb, type DraftWatchDb } from './schema';
import { planDraftPrune } from './prune-drafts';
import { draftIdSchema, finalBoardProgressSchema, isIntactDraftRecord, parseOr, poolStatusSchema, restoreDraftRecord, settingsOf } from './stored-values';

/**
 * The only module that touches IndexedDB. Each write is one transaction, so a worker killed
 * mid-way loses nothing committed. Every value read back is checked (stored-values.ts).
 */
export class DraftStore {
  private constructor(private readonly db: IDBPDatabase<DraftWatchDb>) {}

  static async open(name: string = DB_NAME): Promise<DraftStore> {
    const db = await openDB<DraftWatchDb>(name, DB_VERSION, {
      upgrade: (database, oldVersion, _newVersion, transaction) => upgradeDraftWatchDb(database, oldVersion, transaction),
    });
    return new DraftStore(db);
  }

  close(): void {
    this.db.close();
  }

  async getDraft(id: string): Promise<DraftRecord | undefined> {
    const record = await this.db.get('drafts', id);
    return isIntactDraftRecord(record) ? restoreDraftRecord(record) : undefined;
  }

  async allDrafts(): Promise<DraftRecord[]> {
    return (await this.db.getAll('drafts')).filter(isIntactDraftRecord).map(restoreDraftRecord);
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
    if (lastActiveDraftId !== null) writes.push(tx.objectStore('meta').put({ key: 'lastActiveDraft', draftId: lastActiveDraftId }));
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

  /**
   * What one draft view is built from, read in one transaction: a batch that commits meanwhile is
   * either wholly in it or wholly out. Read one store at a time, the draft could come from before a
   * commit and the tab's connection from after it (e.g. "following live" over an empty board).
   * `chooseDraft` picks the draft from the active tab's session and the last active draft.
   */
  async readForView(
    tabId: number | null,
    chooseDraft: (activeTab: TabSession | undefined, lastActiveDraftId: string | undefined) => string | null,
  ): Promise<{ activeTab: TabSession | undefined; draftId: string | null; record: DraftRecord | undefined; tabs: TabSession[] }> {
    const tx = this.db.transaction(['drafts', 'tabs', 'meta'], 'readonly');
    const storedTab = tabId === null ? undefined : await tx.objectStore('tabs').get(tabId);
    const activeTab = storedTab && restoreTabSession(storedTab);
    const entry = await tx.objectStore('meta').get('lastActiveDraft');
    const lastActive = entry?.key === 'lastActiveDraft' ? parseOr(draftIdSchema, entry.draftId) : undefined;
    const draftId = chooseDraft(activeTab, lastActive);
    const stored = draftId === null ? undefined : await tx.objectStore('drafts').get(draftId);
    const tabs = (await tx.objectStore('tabs').getAll()).map(restoreTabSession);
    await tx.done;
    return { activeTab, draftId, record: isIntactDraftRecord(stored) ? restoreDraftRecord(stored) : undefined, tabs };
  }

  async lastActiveDraftId(): Promise<string | undefined> {
    const entry = await this.db.get('meta', 'lastActiveDraft');
    return entry?.key === 'lastActiveDraft' ? parseOr(draftIdSchema, entry.draftId) : undefined;
  }

  /** The user's settings as far as they are valid; empty sections fall back to the defaults. */
  async getSettings(): Promise<Settings> {
    const entry = await this.db.get('meta', 'settings');
    return settingsOf(entry?.key === 'settings' ? entry.settings : undefined);
  }

  /**
   * Forgets every stored draft (records, the tabs following them, final-board checks and the
   * last-active pointer) in one transaction; settings and the player-name cache stay.
   * Returns how many drafts were removed.
   */
  async clearDrafts(): Promise<number> {
    const tx = this.db.transaction(['drafts', 'tabs', 'meta', 'finalBoardChecks'], 'readwrite');
    const count = await tx.objectStore('drafts').count();
    await Promise.all([
      tx.objectStore('drafts').clear(),
      tx.objectStore('tabs').clear(),
      tx.objectStore('finalBoardChecks').clear(),
      tx.objectStore('meta').delete('lastActiveDraft'),
      tx.done,
    ]);
    return count;
  }

  /**
   * Removes, in one transaction, the draft records nothing refers to that hold nothing of the
   * user's, and final-board checks whose draft is gone (planDraftPrune). Returns the draft ids removed.
   */
  async pruneUnreferencedDrafts(): Promise<string[]> {
    const tx = this.db.transaction(['drafts', 'tabs', 'meta', 'finalBoardChecks'], 'readwrite');
    const [stored, tabs, pointer, checkIds] = await Promise.all([
      tx.objectStore('drafts').getAll(),
      tx.objectStore('tabs').getAll(),
      tx.objectStore('meta').get('lastActiveDraft'),
      tx.objectStore('finalBoardChecks').getAllKeys(),
    ]);
    // A damaged record is left alone: it cannot be judged, and clearing drafts removes it.
    const drafts = stored.filter(isIntactDraftRecord);
    const lastActiveDraftId = pointer?.key === 'lastActiveDraft' ? pointer.draftId : undefined;
    const plan = planDraftPrune({ drafts, tabs, lastActiveDraftId, finalBoardCheckIds: checkIds });
    await Promise.all([
      ...plan.draftIds.map((id) => tx.objectStore('drafts').delete(id)),
      ...plan.finalBoardCheckIds.map((id) => tx.objectStore('finalBoardChecks').delete(id)),
      tx.done,
    ]);
    return plan.draftIds;
  }

  async setSettings(settings: Settings): Promise<void> {
    await this.db.put('meta', { key: 'settings', settings });
  }

  async getPoolStatus(game: string, seasonId: number): Promise<PoolStatus | undefined> {
    const row = await this.db.get('playerPools', poolId(game, seasonId));
    return row && parseOr(poolStatusSchema, row);
  }

  async setPoolStatus(game: string, seasonId: number, status: PoolStatus): Promise<void> {
    await this.db.put('playerPools', { ...status, poolId: poolId(game, seasonId) });
  }

  async getFinalBoardProgress(draftId: string): Promise<FinalBoardProgress | undefined> {
    const row = await this.db.get('finalBoardChecks', draftId);
    return row && parseOr(finalBoardProgressSchema, row);
  }

  async setFinalBoardProgress(draftId: string, progress: FinalBoardProgress): Promise<void> {
    await this.db.put('finalBoardChecks', { ...progress, draftId });
  }
}

function poolId(game: string, seasonId: number): string {
  return `${game}:${seasonId}`;
}
