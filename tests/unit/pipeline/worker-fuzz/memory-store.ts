import type { Settings } from '../../../../src/contract/settings';
import type { DraftStore } from '../../../../src/store/draft-store';
import { restoreTabSession, type DraftRecord, type FinalBoardProgress, type PlayerRow, type PoolStatus, type TabSession } from '../../../../src/store/records';
import { isIntactDraftRecord, restoreDraftRecord, settingsOf } from '../../../../src/store/stored-values';

/**
 * DraftStore's contract over plain maps, for the 100,000-frame fuzz: fake-indexeddb clones every
 * value on each read and write, which would spend most of the run in the fake. Reads go through
 * the same checks as DraftStore (a record that fails its schema reads as missing, as it would
 * from IndexedDB). Values are kept as given: the worker's core never mutates what it stored, and
 * `cloneable()` proves on demand that IndexedDB could hold them.
 */
export class MemoryDraftStore {
  private readonly drafts = new Map<string, DraftRecord>();
  private readonly tabs = new Map<number, TabSession>();
  private lastActive: string | undefined;
  private settings: unknown;
  private readonly finalBoard = new Map<string, FinalBoardProgress>();
  private readonly pools = new Map<string, PoolStatus>();

  asDraftStore(): DraftStore {
    return this as unknown as DraftStore;
  }

  getDraft(id: string): Promise<DraftRecord | undefined> {
    const record = this.drafts.get(id);
    return Promise.resolve(isIntactDraftRecord(record) ? restoreDraftRecord(record) : undefined);
  }

  allDrafts(): Promise<DraftRecord[]> {
    return Promise.resolve([...this.drafts.values()].filter(isIntactDraftRecord).map(restoreDraftRecord));
  }

  getTab(tabId: number): Promise<TabSession | undefined> {
    const stored = this.tabs.get(tabId);
    return Promise.resolve(stored && restoreTabSession(stored));
  }

  allTabs(): Promise<TabSession[]> {
    return Promise.resolve([...this.tabs.values()].map(restoreTabSession));
  }

  clearTabs(): Promise<void> {
    this.tabs.clear();
    return Promise.resolve();
  }

  deleteTab(tabId: number): Promise<void> {
    this.tabs.delete(tabId);
    return Promise.resolve();
  }

  saveBatch(drafts: DraftRecord[], tab: TabSession | null, lastActiveDraftId: string | null = null): Promise<void> {
    for (const record of drafts) this.drafts.set(record.id, record);
    if (tab !== null) this.tabs.set(tab.tabId, tab);
    if (lastActiveDraftId !== null) this.lastActive = lastActiveDraftId;
    return Promise.resolve();
  }

  getPlayers(): Promise<Map<number, PlayerRow>> {
    return Promise.resolve(new Map<number, PlayerRow>());
  }

  putPlayers(): Promise<void> {
    return Promise.resolve();
  }

  lastActiveDraftId(): Promise<string | undefined> {
    return Promise.resolve(this.lastActive);
  }

  getSettings(): Promise<Settings> {
    return Promise.resolve(settingsOf(this.settings));
  }

  setSettings(settings: Settings): Promise<void> {
    this.settings = settings;
    return Promise.resolve();
  }

  clearDrafts(): Promise<number> {
    const count = this.drafts.size;
    this.drafts.clear();
    this.tabs.clear();
    this.finalBoard.clear();
    this.lastActive = undefined;
    return Promise.resolve(count);
  }

  getPoolStatus(game: string, seasonId: number): Promise<PoolStatus | undefined> {
    return Promise.resolve(this.pools.get(`${game}:${seasonId}`));
  }

  setPoolStatus(game: string, seasonId: number, status: PoolStatus): Promise<void> {
    this.pools.set(`${game}:${seasonId}`, status);
    return Promise.resolve();
  }

  getFinalBoardProgress(draftId: string): Promise<FinalBoardProgress | undefined> {
    return Promise.resolve(this.finalBoard.get(draftId));
  }

  setFinalBoardProgress(draftId: string, progress: FinalBoardProgress): Promise<void> {
    this.finalBoard.set(draftId, progress);
    return Promise.resolve();
  }

  /** Throws if a stored value could not go into IndexedDB (structured clone), e.g. a function or a symbol. */
  cloneable(): void {
    structuredClone([...this.drafts.values(), ...this.tabs.values()]);
  }
}
