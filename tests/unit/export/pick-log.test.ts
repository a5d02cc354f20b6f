import { describe, expect, it } from 'vitest';
import { buildPickLog, formatPickLogJson } from '../../../src/export/pick-log';
import { pickLogSchema } from '../../../src/export/pick-log-schema';
import { createDraftState } from '../../../src/draft/create-draft';
import { KEY, T0 } from '../draft/draft-fixture';
import { EXPORTED_AT, exportedDraft } from './export-fixture';

function build() {
  const { state, events, players } = exportedDraft();
  return buildPickLog({ state, players, events, exportedAt: EXPORTED_AT });
}

describe('buildPickLog', () => {
  it('produces a log the schema accepts exactly, with nothing extra', () => {
    const log = build();
    expect(pickLogSchema.parse(log)).toEqual(log);
    expect(pickLogSchema.parse(JSON.parse(formatPickLogJson(log)))).toEqual(log);
  });

  it('fills the header from the draft state', () => {
    const log = build();
    expect(log.format).toBe('draft-pick-log');
    expect(log.version).toBe(1);
    expect(log.exportedAt).toBe('2025-08-31T03:00:00.000Z');
    expect(log.draft).toMatchObject({ game: 'ffl', leagueId: '123456789', seasonId: 2025, type: 'snake', status: 'live', myTeamId: 2, rounds: 2 });
    expect(log.draft.teams[0]).toEqual({ teamId: 1, name: 'Formula, Inc.', draftPosition: 0 });
  });

  it('exports each pick with player details, null when unknown', () => {
    const log = build();
    expect(log.picks.map((pick) => pick.overallPick)).toEqual([1, 2, 3, 4]);
    expect(log.picks[0]).toEqual({
      overallPick: 1, round: 1, roundPick: 1, teamId: 1, playerId: 4362628, playerName: "Ja'Marr Chase", position: 'WR',
      proTeam: 'CIN', rosterSpot: 4, keeper: false, autopick: false, source: 'socket', recordedAt: log.picks[0]!.recordedAt,
      price: null, nominatingTeamId: null,
    });
    expect(log.picks[1]?.autopick).toBe(true);
    expect(log.picks[2]).toMatchObject({ playerId: -16014, position: 'D/ST' });
    expect(log.picks[3]).toMatchObject({ playerId: 3918298, playerName: null, position: null, proTeam: null });
    expect(new Date(log.picks[0]!.recordedAt).getTime()).toBeGreaterThan(T0);
  });

  it('exports events with ISO times and no member ids or security codes', () => {
    const log = build();
    expect(log.events.length).toBeGreaterThan(2);
    expect(log.events.every((event) => !Number.isNaN(Date.parse(event.at)))).toBe(true);
    expect(log.events.some((event) => event.kind === 'malformed_frame')).toBe(true);
    const text = formatPickLogJson(log);
    expect(text).not.toMatch(/0000-4000|-1234567890/);
  });

  it('redacts secrets even if a log entry carried one', () => {
    const log = buildPickLog({
      state: createDraftState(KEY, T0),
      players: new Map(),
      events: [{ at: T0, level: 'error', kind: 'x', message: 'TOKEN 1:123456789:2:{00000000-0000-4000-8000-000000000002}:-1234567890' }],
      exportedAt: EXPORTED_AT,
    });
    expect(JSON.stringify(log)).not.toMatch(/0000-4000|-1234567890/);
  });

  it('exports an empty draft', () => {
    const log = buildPickLog({ state: createDraftState(KEY, T0), players: new Map(), events: [], exportedAt: EXPORTED_AT });
    expect(pickLogSchema.parse(log)).toEqual(log);
    expect(log.picks).toEqual([]);
    expect(log.draft.myTeamId).toBeNull();
  });
});

describe('pickLogSchema', () => {
  it.each([
    ['a wrong format name', (log: Record<string, unknown>) => ({ ...log, format: 'other' })],
    ['a future version', (log: Record<string, unknown>) => ({ ...log, version: 2 })],
    ['a non-ISO time', (log: Record<string, unknown>) => ({ ...log, exportedAt: 'yesterday' })],
    ['a string player id', (log: Record<string, unknown>) => ({ ...log, picks: [{ ...(log.picks as object[])[0], playerId: '-16014' }] })],
    ['an unknown source', (log: Record<string, unknown>) => ({ ...log, picks: [{ ...(log.picks as object[])[0], source: 'guess' }] })],
  ])('rejects %s', (_label, damage) => {
    expect(pickLogSchema.safeParse(damage(build() as unknown as Record<string, unknown>)).success).toBe(false);
  });
});

describe('formatPickLogJson', () => {
  it('writes pretty JSON in the documented key order, whatever the input order', () => {
    const log = build();
    const shuffled = JSON.parse(JSON.stringify(log, Object.keys(log).reverse().concat(
      ...log.picks.map((pick) => Object.keys(pick).reverse()),
      ...Object.keys(log.draft).reverse(),
      ...log.events.map((event) => Object.keys(event).reverse()),
      'teamId', 'name', 'draftPosition',
    )));
    expect(Object.keys(shuffled)[0]).not.toBe('format');
    const text = formatPickLogJson(shuffled);
    expect(text).toBe(formatPickLogJson(log));
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(text) as { draft: object; picks: [object]; events: [object] };
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'exportedAt', 'draft', 'picks', 'events']);
    expect(Object.keys(parsed.draft)).toEqual(['game', 'leagueId', 'seasonId', 'type', 'status', 'myTeamId', 'teams', 'rounds', 'archive']);
    expect(Object.keys(parsed.picks[0])).toEqual([
      'overallPick', 'round', 'roundPick', 'teamId', 'playerId', 'playerName', 'position', 'proTeam', 'rosterSpot', 'keeper', 'autopick', 'source', 'recordedAt',
      'price', 'nominatingTeamId',
    ]);
    expect(Object.keys(parsed.events[0])).toEqual(['at', 'level', 'kind', 'message']);
    expect(text).toContain('\n  "draft": {\n    "game": "ffl",');
    expect(text).toContain('"playerId": -16014,');
  });
});
