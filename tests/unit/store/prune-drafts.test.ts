import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDraftState } from '../../../src/draft/create-draft';
import { emptyDrift } from '../../../src/draft/drift';
import type { DraftState } from '../../../src/draft/types';
import { DraftStore } from '../../../src/store/draft-store';
import { planDraftPrune, type PruneInput } from '../../../src/store/prune-drafts';
import { newTabSession, type DraftRecord } from '../../../src/store/records';

const T = 1_756_607_000_000;
const keyOf = (leagueId: string) => ({ game: 'ffl', leagueId, seasonId: 2025 });
const idOf = (leagueId: string) => `ffl:${leagueId}:2025`;

const empty = (leagueId: string): DraftState => createDraftState(keyOf(leagueId), T);
const withSnapshot = (leagueId: string): DraftState => ({ ...empty(leagueId), hasSnapshot: true });
const withPick = (leagueId: string): DraftState => ({
  ...empty(leagueId),
  picks: [{ overallPick: 1, round: 1, roundPick: 1, teamId: 1, playerId: 7, rosterSpot: 1, lineupSlotId: 0, keeper: false, autopick: false, source: 'socket', recordedAt: T }],
});
const record = (id: string, state: DraftState): DraftRecord => ({ id, state, events: [], lastActiveAt: T, drift: emptyDrift() });

const input = (drafts: Array<[string, DraftState]>, extra: Partial<PruneInput> = {}): PruneInput => ({
  drafts: drafts.map(([id, state]) => ({ id, state })),
  tabs: [],
  lastActiveDraftId: undefined,
  finalBoardCheckIds: [],
  ...extra,
});

describe('planDraftPrune: which stored records nothing needs', () => {
  it('removes an empty draft record no tab, socket or pointer refers to', () => {
    expect(planDraftPrune(input([[idOf('1'), empty('1')]]))).toEqual({ draftIds: [idOf('1')], finalBoardCheckIds: [] });
  });

  it('never removes a draft with a snapshot or a pick, or an archive: that is the user’s log', () => {
    const archived: DraftState = { ...empty('4'), archive: { reason: 'reset', archivedAt: T, id: `${idOf('4')}:reset-${T}` } };
    const plan = planDraftPrune(input([[idOf('2'), withSnapshot('2')], [idOf('3'), withPick('3')], [archived.archive!.id, archived]]));
    expect(plan.draftIds).toEqual([]);
  });

  it('keeps an empty draft a tab follows, a tab’s socket points at, or the last-active pointer names', () => {
    const tab = { draftId: idOf('5'), sockets: { s: { draftId: idOf('6') } } };
    const plan = planDraftPrune(input([[idOf('5'), empty('5')], [idOf('6'), empty('6')], [idOf('7'), empty('7')], [idOf('8'), empty('8')]], { tabs: [tab], lastActiveDraftId: idOf('7') }));
    expect(plan.draftIds).toEqual([idOf('8')]);
  });

  it('removes final-board checks of drafts that are gone, or going now', () => {
    const plan = planDraftPrune(input([[idOf('1'), empty('1')], [idOf('2'), withPick('2')]], { finalBoardCheckIds: [idOf('1'), idOf('2'), idOf('9')] }));
    expect(plan).toEqual({ draftIds: [idOf('1')], finalBoardCheckIds: [idOf('1'), idOf('9')] });
  });
});

describe('DraftStore.pruneUnreferencedDrafts', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('deletes what the plan names in one go and keeps everything else', async () => {
    const store = await DraftStore.open();
    const followed = { ...newTabSession(1, T), draftId: idOf('1') };
    await store.saveBatch([record(idOf('1'), empty('1')), record(idOf('2'), empty('2')), record(idOf('3'), withPick('3'))], followed);
    await store.setFinalBoardProgress(idOf('2'), { attempts: 1, nextAttemptAt: T, done: false });
    await store.setFinalBoardProgress(idOf('3'), { attempts: 1, nextAttemptAt: T, done: true, outcome: 'confirmed' });

    expect(await store.pruneUnreferencedDrafts()).toEqual([idOf('2')]);
    expect((await store.allDrafts()).map((r) => r.id).sort()).toEqual([idOf('1'), idOf('3')]);
    expect(await store.getFinalBoardProgress(idOf('2'))).toBeUndefined();
    expect(await store.getFinalBoardProgress(idOf('3'))).toMatchObject({ outcome: 'confirmed' });

    // The tab closes: its empty draft goes too; the draft with a pick stays.
    await store.deleteTab(1);
    expect(await store.pruneUnreferencedDrafts()).toEqual([idOf('1')]);
    expect((await store.allDrafts()).map((r) => r.id)).toEqual([idOf('3')]);
    expect(await store.pruneUnreferencedDrafts()).toEqual([]);
  });
});
