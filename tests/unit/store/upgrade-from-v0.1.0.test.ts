import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { draftStateSchema } from '../../../src/contract/draft-state';
import { DraftStore } from '../../../src/store/draft-store';
import type { DraftRecord, StoredTabSession as TabSession } from '../../../src/store/records';
import type { StoredDraftRecord } from '../../../src/store/stored-values';
import { emptyDrift, recordDrift } from '../../../src/draft/drift';
import { initialConnection } from '../../../src/connection/reducer';
import { DB_VERSION, migrateV1Meta } from '../../../src/store/schema';
import { dumpDatabase, loadDatabase, type DatabaseDump } from '../../support/idb-dump';

/** Written by v0.1.0's own store code: tests/fixtures/store-v0.1.0/write-fixture.ts. */
const FIXTURE = JSON.parse(readFileSync(new URL('../../fixtures/store-v0.1.0/draft-watch-v1.json', import.meta.url), 'utf8')) as DatabaseDump;

const rowsOf = (dump: DatabaseDump, store: string) => dump.stores.find((s) => s.name === store)!.rows;
const fixtureDrafts = rowsOf(FIXTURE, 'drafts').map((row) => row.value as StoredDraftRecord);
/** v0.1.0 counted no protocol drift: its records read back exactly as written, with no drift. */
const readBackDrafts: DraftRecord[] = fixtureDrafts.map((record) => ({ ...record, drift: emptyDrift() }));
const fixtureTab = rowsOf(FIXTURE, 'tabs')[0]!.value as TabSession;
const FINISHED = 'ffl:111111:2025';
const LIVE = 'ffl:123456789:2025';

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

async function openFixture(): Promise<DraftStore> {
  await loadDatabase(indexedDB, FIXTURE);
  return DraftStore.open();
}

describe('a database written by v0.1.0 opens with the current store', () => {
  it('the fixture is a version-1 database with both drafts in it', () => {
    expect(FIXTURE.version).toBe(1);
    expect(fixtureDrafts.map((d) => [d.id, d.state.status, d.state.picks.length])).toEqual([
      [FINISHED, 'complete', 12],
      [LIVE, 'live', 5],
    ]);
  });

  it('keeps every draft record exactly as it was', async () => {
    const store = await openFixture();
    expect(fixtureDrafts.every((record) => !('drift' in record))).toBe(true);
    expect(await store.allDrafts()).toEqual(readBackDrafts);
    expect(await store.getDraft(LIVE)).toEqual(readBackDrafts[1]);
    store.close();
  });

  it("its drafts still fit the draft view's schema, so the popup can show and export them", async () => {
    const store = await openFixture();
    for (const record of await store.allDrafts()) expect(draftStateSchema.safeParse(record.state).success).toBe(true);
    store.close();
  });

  it("keeps the tab session; v0.1.0's separate health and recovery restart as one fresh connection state", async () => {
    const store = await openFixture();
    const { tabId, draftId, sockets, activeSocketId, updatedAt } = fixtureTab;
    expect(await store.getTab(17)).toEqual({ tabId, draftId, sockets, activeSocketId, updatedAt, connection: initialConnection() });
    expect(draftId).toBe(LIVE);
    expect(await store.allTabs()).toHaveLength(1);
    store.close();
  });

  it('keeps the settings, the last active draft and the player names', async () => {
    const store = await openFixture();
    expect(await store.getSettings()).toEqual({ recovery: { graceMs: 4_000, maxAttempts: 5 }, silence: { pongTimeoutMs: 9_000 } });
    expect(await store.lastActiveDraftId()).toBe(LIVE);
    const players = await store.getPlayers('ffl', 2025, [3918298, -16034, 7]);
    expect([...players.values()].map((p) => p.name)).toEqual(['Josh Allen', 'Texans D/ST']);
    store.close();
  });

  it('moves pool status and the final-board check into their own typed stores', async () => {
    const store = await openFixture();
    const t0 = 1_756_607_400_000;
    expect(await store.getPoolStatus('ffl', 2025)).toEqual({ fetchedAt: t0 - 1_000, retryAt: 0 });
    expect(await store.getPoolStatus('ffl', 2024)).toEqual({ fetchedAt: null, retryAt: t0 + 30_000 });
    expect(await store.getPoolStatus('fba', 2025)).toBeUndefined();
    expect(await store.getFinalBoardProgress(FINISHED)).toEqual({ attempts: 2, nextAttemptAt: t0 + 3_000, done: true, outcome: 'confirmed' });
    expect(await store.getFinalBoardProgress(LIVE)).toBeUndefined();
    store.close();
  });

  it('ends at the current version with no untyped meta rows left', async () => {
    (await openFixture()).close();
    const upgraded = await dumpDatabase(indexedDB, 'draft-watch');
    expect(upgraded.version).toBe(DB_VERSION);
    expect(upgraded.stores.map((s) => s.name)).toEqual(['drafts', 'finalBoardChecks', 'meta', 'playerPools', 'players', 'tabs']);
    expect(rowsOf(upgraded, 'meta').map((row) => row.value)).toEqual([
      { key: 'lastActiveDraft', draftId: LIVE },
      { key: 'settings', settings: { recovery: { graceMs: 4_000, maxAttempts: 5 }, silence: { pongTimeoutMs: 9_000 } } },
    ]);
    expect(rowsOf(upgraded, 'meta').every((row) => row.key === undefined)).toBe(true);
  });

  it('writes after the upgrade land in the typed stores and read back', async () => {
    const store = await openFixture();
    await store.saveBatch([], null, FINISHED);
    await store.setPoolStatus('ffl', 2024, { fetchedAt: 5, retryAt: 0 });
    await store.setSettings({ recovery: { graceMs: 2_000 } });
    store.close();
    const reopened = await DraftStore.open();
    expect(await reopened.lastActiveDraftId()).toBe(FINISHED);
    expect(await reopened.getPoolStatus('ffl', 2024)).toEqual({ fetchedAt: 5, retryAt: 0 });
    expect(await reopened.getSettings()).toEqual({ recovery: { graceMs: 2_000 }, silence: {} });
    expect(await reopened.allDrafts()).toEqual(readBackDrafts);
    reopened.close();
  });
});

describe('a new database', () => {
  it('opens empty at the current version', async () => {
    const store = await DraftStore.open();
    expect(await store.allDrafts()).toEqual([]);
    expect(await store.lastActiveDraftId()).toBeUndefined();
    expect(await store.getSettings()).toEqual({ recovery: {}, silence: {} });
    store.close();
    expect((await dumpDatabase(indexedDB, 'draft-watch')).version).toBe(DB_VERSION);
  });
});

describe('values read back are checked', () => {
  async function storeWithRaw(store: string, value: unknown): Promise<DraftStore> {
    (await DraftStore.open()).close();
    const dump = await dumpDatabase(indexedDB, 'draft-watch');
    dump.stores.find((s) => s.name === store)!.rows.push({ value });
    globalThis.indexedDB = new IDBFactory();
    await loadDatabase(indexedDB, dump);
    return DraftStore.open();
  }

  it('a damaged draft record is treated as absent; intact ones stay', async () => {
    const store = await storeWithRaw('drafts', { id: 'ffl:1:2025', state: { key: { game: 'ffl' } }, events: 'x' });
    await store.saveBatch([readBackDrafts[0]!], null);
    expect(await store.getDraft('ffl:1:2025')).toBeUndefined();
    expect(await store.allDrafts()).toEqual([readBackDrafts[0]]);
    store.close();
  });

  it('a draft record keeps its protocol drift; damaged drift reads as none, the draft stays', async () => {
    const drift = recordDrift(emptyDrift(), 'unknownFrames', 'SHOUT', 'no grammar for this command', 5);
    const store = await storeWithRaw('drafts', { ...fixtureDrafts[1], drift: { counters: 'x' } });
    expect(await store.getDraft(LIVE)).toEqual(readBackDrafts[1]);
    await store.saveBatch([{ ...readBackDrafts[0]!, drift }], null);
    expect((await store.getDraft(FINISHED))?.drift).toEqual(drift);
    store.close();
  });

  it('damaged pool status and final-board progress read as absent, so they are simply redone', async () => {
    let store = await storeWithRaw('playerPools', { poolId: 'ffl:2025', fetchedAt: 'yesterday', retryAt: 0 });
    expect(await store.getPoolStatus('ffl', 2025)).toBeUndefined();
    store.close();
    globalThis.indexedDB = new IDBFactory();
    store = await storeWithRaw('finalBoardChecks', { draftId: FINISHED, attempts: -1, nextAttemptAt: 0, done: true });
    expect(await store.getFinalBoardProgress(FINISHED)).toBeUndefined();
    store.close();
  });

  it('a damaged settings section falls back to the defaults without discarding the other', async () => {
    const store = await storeWithRaw('meta', { key: 'settings', settings: { recovery: { graceMs: 1 }, silence: { pongTimeoutMs: 5_000 } } });
    expect(await store.getSettings()).toEqual({ recovery: {}, silence: { pongTimeoutMs: 5_000 } });
    store.close();
  });
});

describe('migrateV1Meta', () => {
  it.each([
    ['settings', { recovery: { graceMs: 900 } }, { store: 'meta', value: { key: 'settings', settings: { recovery: { graceMs: 900 }, silence: {} } } }],
    ['lastActiveDraftId', 'ffl:1:2025', { store: 'meta', value: { key: 'lastActiveDraft', draftId: 'ffl:1:2025' } }],
    ['pool:fba:2026', { fetchedAt: 1, retryAt: 0 }, { store: 'playerPools', value: { poolId: 'fba:2026', fetchedAt: 1, retryAt: 0 } }],
    [
      'rest:ffl:1:2025',
      { attempts: 4, nextAttemptAt: 9, done: true, outcome: 'gave-up' },
      { store: 'finalBoardChecks', value: { draftId: 'ffl:1:2025', attempts: 4, nextAttemptAt: 9, done: true, outcome: 'gave-up' } },
    ],
  ])('moves %s to its typed home', (key, value, expected) => {
    expect(migrateV1Meta(key, value)).toEqual(expected);
  });

  it.each([
    ['lastActiveDraftId', 42],
    ['pool:ffl:2025', { fetchedAt: null }],
    ['rest:ffl:1:2025', { attempts: 'two' }],
    ['somethingElse', 'x'],
  ])('drops %s when its value (%j) was already damaged or unknown', (key, value) => {
    expect(migrateV1Meta(key, value)).toBeNull();
  });
});
