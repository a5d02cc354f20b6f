import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { DraftStore } from '../../../src/store/draft-store';
import { loadDatabase, type DatabaseDump } from '../../support/idb-dump';

const FIXTURE = JSON.parse(readFileSync(new URL('../../fixtures/store-v0.1.0/draft-watch-v1.json', import.meta.url), 'utf8')) as DatabaseDump;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('clearing stored drafts', () => {
  it('removes drafts, their tabs and the last-active pointer, and keeps the settings', async () => {
    await loadDatabase(indexedDB, FIXTURE);
    const store = await DraftStore.open();
    await store.setSettings({ recovery: { graceMs: 3_000 } });
    expect((await store.allDrafts()).length).toBe(2);
    expect(await store.clearDrafts()).toBe(2);
    expect(await store.allDrafts()).toEqual([]);
    expect(await store.allTabs()).toEqual([]);
    expect(await store.lastActiveDraftId()).toBeUndefined();
    expect((await store.getSettings()).recovery).toEqual({ graceMs: 3_000 });
    expect(await store.clearDrafts()).toBe(0);
  });
});
