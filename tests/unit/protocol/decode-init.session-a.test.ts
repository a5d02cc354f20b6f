import { describe, expect, it } from 'vitest';
import { decodeInit } from '../../../src/protocol/init/decode-init';
import { encodeInit } from '../../sim/init/encode-init';
import { parseInitFrameText } from '../../../src/protocol/init/init-frame';
import { SESSION_A_OFFSETS, int32At, sessionABlob } from './init-blob';
import { loadSessionAExpected, sessionAInitFrame } from './session-a-fixture';

const expected = loadSessionAExpected();

function decodeSessionA() {
  const decoded = decodeInit(sessionABlob());
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded;
}

describe('session A INIT frame', () => {
  it('has the documented sizes', () => {
    const frame = parseInitFrameText(sessionAInitFrame());
    expect(frame.ok).toBe(true);
    if (!frame.ok) return;
    expect(frame.base64Length).toBe(expected.init.base64Length);
    expect(frame.bytes.length).toBe(expected.init.byteLength);
    expect(decodeSessionA().bytesThroughTeamList).toBe(expected.init.bytesThroughTeamList);
  });

  it('decodes the header and draft fields', () => {
    const { snapshot } = decodeSessionA();
    expect(snapshot.leagueId).toBe(expected.leagueId);
    expect(snapshot.myTeamId).toBe(expected.myTeamId);
    expect(snapshot.draft.draftType).toBe(expected.init.draftType);
    expect(snapshot.draft.state).toBe(expected.init.state);
    expect(snapshot.draft.draftDate).toBe(expected.init.draftDate);
    expect(new Date(snapshot.draft.draftDate!).toISOString()).toBe(expected.init.draftDateIso);
    expect(snapshot.draft.settings.timePerSelectionMs).toBe(expected.init.timePerSelectionMs);
    expect(snapshot.draft.status).toEqual({ state: 0, date: null, ints: [0, 0, 0, 0, 0] });
  });

  it('decodes the unknown settings verbatim', () => {
    const { settings } = decodeSessionA().snapshot.draft;
    expect(settings).toMatchObject({
      timingsMs: [25000, 10000, 25000],
      unknownObjA: [0, 0],
      unknownObjB: [1, 3],
      unknownInts: [180000, 2000, 1, 200],
      unknownFloats: [0.65, 1.1, 0, 0.4],
      unknownInt5: 200,
      unknownFlag1: true,
      slotIds: [20, 21, -1],
      unknownFlag2: true,
      unknownFlag3: false,
      scoringFlag: 1,
      unknownFlag4: true,
    });
  });

  it('has 160 open pick slots in snake order, next pick 1 for team 1', () => {
    const { picks } = decodeSessionA().snapshot.draft;
    expect(picks).toHaveLength(expected.init.pickSlots);
    expect(picks.filter((p) => p.playerId !== -1)).toHaveLength(expected.init.filledSlots);
    const next = picks.find((p) => p.playerId === -1)!;
    expect(next.overallPick).toBe(expected.init.nextOverallPick);
    expect(next.teamId).toBe(expected.init.nextTeamId);
    picks.forEach((p, i) => {
      const round = Math.floor(i / 10);
      const inRound = i % 10;
      expect(p).toEqual({
        teamId: round % 2 === 0 ? inRound + 1 : 10 - inRound,
        overallPick: i + 1,
        playerId: -1,
        spot: 0,
        bidAmount: 0,
        nominatingTeamId: 0,
        keeper: false,
        unknownU1: 0,
        unknownU2: 0,
      });
    });
  });

  it('lists 10 teams in blob order with draftPosition = teamId − 1', () => {
    const { teams } = decodeSessionA().snapshot.draft;
    expect(teams).toHaveLength(expected.init.teams);
    expect(teams.map((t) => t.teamId)).toEqual(expected.init.teamOrderInBlob);
    for (const team of teams) {
      expect(team.draftPosition).toBe(team.teamId - 1);
      expect(team.owners).toHaveLength(1);
      expect(team.owners[0]).toMatchObject({ teamId: team.teamId, memberRef: -1, unknownFlagA: false, unknownFlagB: true });
      expect(team.roster.map((e) => e.spot)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      expect(team.roster.every((e) => e.playerId === -1 && e.teamId === team.teamId)).toBe(true);
    }
  });

  it('marks teams 6, 8 and 10 as autodraft on and offline', () => {
    const { teams } = decodeSessionA().snapshot.draft;
    const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
    expect(sorted(teams.filter((t) => t.autoDraftTypeId !== 0).map((t) => t.teamId))).toEqual(
      expected.init.teamsWithAutodraftOnAtInit,
    );
    expect(sorted(teams.filter((t) => !t.owners[0]!.online).map((t) => t.teamId))).toEqual(expected.init.teamsOfflineAtInit);
  });

  it('decodes the roster template and position limits', () => {
    const { rosterTemplate, positionLimits } = decodeSessionA().snapshot.draft;
    expect(rosterTemplate).toHaveLength(expected.init.rosterSpots);
    expect(rosterTemplate.map((s) => s.spot)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(rosterTemplate.map((s) => s.lineupSlotId)).toEqual([0, 2, 2, 4, 4, 6, 23, 16, 17, 20, 20, 20, 20, 20, 20, 20]);
    expect(rosterTemplate.every((s) => s.extras.length === 0)).toBe(true);
    expect(positionLimits.map((l) => l.positionId)).toEqual(Array.from({ length: 18 }, (_, i) => i));
    const limits = Object.fromEntries(positionLimits.map((l) => [l.positionId, l.max]));
    expect(limits).toMatchObject({ 0: 0, 1: 4, 2: 8, 3: 8, 4: 3, 5: 3, 16: 3 });
    expect(positionLimits.filter((l) => l.max === -1).map((l) => l.positionId)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17]);
  });

  it('decodes 46 scoring items, including PPR reception = 1.0', () => {
    const { scoringItems } = decodeSessionA().snapshot.draft.settings;
    expect(scoringItems).toHaveLength(expected.init.scoringItems);
    const points = new Map(scoringItems.map((s) => [s.statId, s.points]));
    expect(points.get(53)).toBe(expected.init.receptionPoints);
    expect(points.get(3)).toBe(0.04);
    expect(points.get(20)).toBe(-2);
    expect(scoringItems.every((s) => !s.unknownFlag)).toBe(true);
  });

  it('keeps the 8 tail bytes (two zero counts)', () => {
    expect([...decodeSessionA().snapshot.tail]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('re-encodes byte for byte', () => {
    const blob = sessionABlob();
    const decoded = decodeInit(blob);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const encoded = encodeInit(decoded.snapshot);
    expect(encoded.length).toBe(blob.length);
    expect(Buffer.from(encoded).equals(Buffer.from(blob))).toBe(true);
  });

  it('sits at the section offsets of init-format.md §3 (used by the corruption tests)', () => {
    const blob = sessionABlob();
    expect(int32At(blob, SESSION_A_OFFSETS.scoringCount)).toBe(46);
    expect(int32At(blob, SESSION_A_OFFSETS.positionLimits)).toBe(18);
    expect(int32At(blob, SESSION_A_OFFSETS.rosterTemplate)).toBe(16);
    expect(int32At(blob, SESSION_A_OFFSETS.picks)).toBe(160);
    expect(int32At(blob, SESSION_A_OFFSETS.teams)).toBe(10);
    expect(int32At(blob, SESSION_A_OFFSETS.settings + 4)).toBe(2); // settings version
    // 427 league-id fields in all, each one checked by the decoder.
    let copies = 0;
    for (let i = 0; i + 4 <= blob.length; i++) if (int32At(blob, i) === expected.leagueId) copies++;
    expect(copies).toBe(427);
  });
});
