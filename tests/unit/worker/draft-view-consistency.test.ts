import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DraftPageContext } from '../../../src/contract/draft-page-url';
import { DEFAULT } from '../../../src/connection/options';
import type { PlayerNames } from '../../../src/lookups/player-names';
import { DEFAULT_LOOKUP_OPTIONS } from '../../../src/lookups/retry';
import { DraftStore } from '../../../src/store/draft-store';
import { DraftWorker } from '../../../src/worker/draft-worker';
import { buildInitSnapshot } from '../../sim/init/build-snapshot';
import { encodeInit } from '../../sim/init/encode-init';
import { formatInitFrame } from '../../sim/init/format-init-frame';

const T = 1_756_607_000_000;
const LEAGUE = 123456789;
const PAGE: DraftPageContext = { sport: 'football', leagueId: String(LEAGUE), seasonId: 2025, teamId: 2 };
const SOCKET_URL = `wss://fantasydraft.espn.com/game-1/league-${LEAGUE}/JOIN?1=1&2=${LEAGUE}&3=2&4=[swid]&5=1:${LEAGUE}:2:[swid]:1&6=false&7=false&8=KONA&nocache=1`;
/** A room joined late: the INIT already holds five picks (faithful frame, from the INIT writer). */
const PICKS = [4362628, 4430807, 3929630, 4429795, 4262921];
const INIT = formatInitFrame(
  encodeInit(
    buildInitSnapshot({
      leagueId: LEAGUE,
      myTeamId: 2,
      teamIds: [1, 2, 3, 4],
      rounds: 3,
      state: 1,
      draftDate: null,
      picks: PICKS.map((playerId, i) => ({ overallPick: i + 1, playerId, spot: i === 4 ? 4 : 2 })),
    }),
  ),
);

async function worker(store: DraftStore): Promise<DraftWorker> {
  let clock = T;
  return new DraftWorker({
    store,
    // Lookups are out of scope: no pool, no network.
    playerNames: { ensurePool: () => Promise.resolve([]) } as unknown as PlayerNames,
    transports: { tab: () => () => Promise.reject(new Error('no network')), worker: () => Promise.reject(new Error('no network')) },
    lookupOptions: { ...DEFAULT_LOOKUP_OPTIONS, teamNames: { ...DEFAULT_LOOKUP_OPTIONS.teamNames, maxAttempts: 0 } },
    tabs: { setTimer: () => undefined, reload: () => Promise.resolve(true), notifyFailed: () => Promise.resolve(), clearNotification: () => Promise.resolve() },
    connectionOptions: () => Promise.resolve(DEFAULT),
    now: () => (clock += 10),
    random: () => 0.5,
    report: () => undefined,
    source: 'Draft Watch test',
  });
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('a draft view read while a batch commits', () => {
  it('never pairs a connection that has the INIT with a board that does not', async () => {
    const store = await DraftStore.open();
    const w = await worker(store);
    // ESPN's first frame comes before the INIT: the draft exists, the board is empty, nothing is synced.
    await w.handleHookBatch(1, PAGE, [
      { k: 'open', sid: 's1', at: T, url: SOCKET_URL },
      { k: 'frame', sid: 's1', seq: 1, dir: 'in', at: T + 1, data: 'AUTODRAFT 2 false\n' },
    ]);
    // The INIT's batch commits while a view is being read: any whole-store read of the tabs the
    // view makes is answered only after that commit (the popup opened during a commit).
    let commit: Promise<void> = Promise.resolve();
    const readTabs = store.allTabs.bind(store);
    store.allTabs = async () => {
      await commit;
      return readTabs();
    };
    const reading = w.getView(null);
    commit = w.handleHookBatch(1, PAGE, [{ k: 'frame', sid: 's1', seq: 2, dir: 'in', at: T + 200, data: INIT }]);
    const view = (await reading)!;
    await commit;
    const synced = view.connection?.socket.synced === true;
    // Either wholly before the INIT (connecting, empty board) or wholly after it (following, five picks).
    expect([synced, view.state.picks.length]).toEqual(synced ? [true, PICKS.length] : [false, 0]);
    const after = (await w.getView(null))!;
    expect([after.connection?.socket.synced, after.state.picks.length]).toEqual([true, PICKS.length]);
  });
});
