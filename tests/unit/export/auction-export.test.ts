import { describe, expect, it } from 'vitest';
import { z } from '../../../src/zod-setup';
import { formatPickLogCsv } from '../../../src/export/csv';
import { buildPickLog, formatPickLogJson } from '../../../src/export/pick-log';
import { pickLogPickSchema, pickLogSchema } from '../../../src/export/pick-log-schema';
import { parseFrame } from '../../../src/protocol/parse-frame';
import { makeAuctionSnapshot, soldLots } from '../draft/auction-fixture';
import { run } from '../draft/draft-fixture';
import { EXPORTED_AT, exportedDraft } from './export-fixture';

function auctionLog() {
  const joined = run([{ type: 'init', snapshot: makeAuctionSnapshot({ teams: 4, rounds: 2, lots: soldLots(2, 4) }) }]);
  const live = run(['NOMINATION 3 30000', 'BID 3 4362628 1 10000 30000', 'BID 1 4362628 57 10000 9000', 'SOLD 1 4362628 0 57 0'].map((text) => parseFrame(`${text}\n`, 'in')), joined);
  return buildPickLog({ state: live.state, players: new Map(), events: live.log, exportedAt: EXPORTED_AT });
}

describe('pick log export: auctions', () => {
  it('exports price and nominating team for every lot, from INIT and from the socket', () => {
    const log = auctionLog();
    expect(pickLogSchema.parse(log)).toEqual(log);
    expect(log.draft.type).toBe('auction');
    expect(log.picks.map((pick) => [pick.overallPick, pick.teamId, pick.playerId, pick.price, pick.nominatingTeamId, pick.source])).toEqual([
      [1, 2, 2001, 1, 1, 'init'],
      [2, 3, 2002, 2, 2, 'init'],
      [3, 1, 4362628, 57, 3, 'socket'],
    ]);
  });

  it('writes price and nominating team as the last two CSV columns', () => {
    const lines = formatPickLogCsv(auctionLog()).split('\r\n');
    expect(lines[0]!.endsWith(',price,nominating_team_id')).toBe(true);
    expect(lines[3]!.endsWith(',57,3')).toBe(true);
  });

  it('snake exports carry null price and nominator', () => {
    const { state, events, players } = exportedDraft();
    const log = buildPickLog({ state, players, events, exportedAt: EXPORTED_AT });
    expect(log.picks.every((pick) => pick.price === null && pick.nominatingTeamId === null)).toBe(true);
  });

  it('picks stored before auctions were supported (no price fields) still export', () => {
    const { state, events, players } = exportedDraft();
    const legacy = {
      ...state,
      picks: state.picks.map((pick) => {
        const stored = { ...pick };
        delete stored.price;
        delete stored.nominatingTeamId;
        return stored;
      }),
    };
    const log = buildPickLog({ state: legacy, players, events, exportedAt: EXPORTED_AT });
    expect(pickLogSchema.parse(log).picks[0]).toMatchObject({ price: null, nominatingTeamId: null });
  });
});

describe('pick log export: version-1 readers keep working', () => {
  // A reader written against the first version-1 schema: the same fields, none of the added ones.
  const firstV1Pick = pickLogPickSchema.omit({ price: true, nominatingTeamId: true });
  const firstV1 = z.object({
    format: z.literal('draft-pick-log'),
    version: z.literal(1),
    exportedAt: z.string(),
    draft: pickLogSchema.shape.draft.omit({ archive: true }),
    picks: z.array(firstV1Pick),
    events: pickLogSchema.shape.events,
  });

  it('reads a new auction export, and sees the same values it always did', () => {
    const text = formatPickLogJson(auctionLog());
    const read = firstV1.parse(JSON.parse(text));
    expect(read.version).toBe(1);
    expect(read.picks.map((pick) => [pick.overallPick, pick.teamId, pick.playerId])).toEqual([
      [1, 2, 2001],
      [2, 3, 2002],
      [3, 1, 4362628],
    ]);
  });

  it('keeps the first fourteen CSV columns where they were', () => {
    const { state, events, players } = exportedDraft();
    const header = formatPickLogCsv(buildPickLog({ state, players, events, exportedAt: EXPORTED_AT })).split('\r\n')[0]!.split(',');
    expect(header.slice(0, 14)).toEqual([
      'overall_pick', 'round', 'round_pick', 'team_id', 'team_name', 'player_id', 'player_name', 'position', 'pro_team', 'roster_spot', 'keeper', 'autopick', 'source', 'recorded_at',
    ]);
  });
});
