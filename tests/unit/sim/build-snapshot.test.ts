import { describe, expect, it } from 'vitest';
import { buildInitSnapshot, type BuildInitOptions } from '../../sim/init/build-snapshot';
import { decodeInit } from '../../../src/protocol/init/decode-init';
import { encodeInit } from '../../sim/init/encode-init';
import { formatInitFrame } from '../../sim/init/format-init-frame';
import { snakePickOrder } from '../../sim/init/pick-order';
import { parseFrame } from '../../../src/protocol/parse-frame';
import { sessionASnapshot } from '../protocol/init-blob';

const TEN_TEAMS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

const MID_DRAFT: BuildInitOptions = {
  leagueId: 123456789,
  myTeamId: 2,
  teamIds: TEN_TEAMS,
  state: 1,
  draftDate: 1756607492198,
  picks: [
    { overallPick: 1, playerId: 4362628, spot: 4 },
    { overallPick: 2, playerId: 4430807, spot: 2 },
    { overallPick: 3, playerId: -16014, spot: 8 }, // D/ST
    { overallPick: 4, playerId: 16800, spot: 2 }, // 5-digit id
    { overallPick: 20, playerId: 4432665, spot: 6, keeper: true }, // keeper beyond the open prefix
  ],
  autodraftTeamIds: [6],
  onlineTeamIds: [1, 2, 3, 4, 5, 7, 8, 9, 10],
};

describe('snakePickOrder', () => {
  it('runs 1…N, N…1, 1…N', () => {
    expect(snakePickOrder([3, 1, 2], 3)).toEqual([3, 1, 2, 2, 1, 3, 3, 1, 2]);
  });
});

describe('buildInitSnapshot', () => {
  it('matches the captured session A snapshot in shape, apart from its scoring list', () => {
    const built = buildInitSnapshot({
      leagueId: 123456789,
      myTeamId: 2,
      teamIds: TEN_TEAMS,
      draftDate: 1756607492198,
      autodraftTeamIds: [6, 8, 10],
      onlineTeamIds: [1, 2, 3, 4, 5, 7, 9],
    });
    const captured = sessionASnapshot();
    const { scoringItems: builtScoring, ...builtSettings } = built.draft.settings;
    const { scoringItems: capturedScoring, ...capturedSettings } = captured.draft.settings;
    expect(builtSettings).toEqual(capturedSettings);
    expect(builtScoring.length).toBeGreaterThan(0);
    const capturedPoints = new Map(capturedScoring.map((s) => [s.statId, s.points]));
    for (const item of builtScoring) expect(capturedPoints.get(item.statId)).toBe(item.points);
    expect(built.draft.picks).toEqual(captured.draft.picks);
    expect(built.draft.rosterTemplate).toEqual(captured.draft.rosterTemplate);
    expect(built.draft.positionLimits).toEqual(captured.draft.positionLimits);
    expect(built.draft.status).toEqual(captured.draft.status);
    const byId = (teams: typeof built.draft.teams) => [...teams].sort((a, b) => a.teamId - b.teamId);
    expect(byId(built.draft.teams)).toEqual(byId(captured.draft.teams));
    expect(built.tail).toEqual(captured.tail);
  });

  it('uses draft order for draftPosition and a seeded, non-sorted team order', () => {
    const order = [7, 3, 9, 1];
    const a = buildInitSnapshot({ leagueId: 5, myTeamId: 3, teamIds: order });
    const b = buildInitSnapshot({ leagueId: 5, myTeamId: 3, teamIds: order });
    expect(a.draft.teams.map((t) => t.teamId)).toEqual(b.draft.teams.map((t) => t.teamId));
    for (const team of a.draft.teams) expect(team.draftPosition).toBe(order.indexOf(team.teamId));
    expect(a.draft.picks.slice(0, 8).map((p) => p.teamId)).toEqual([7, 3, 9, 1, 1, 9, 3, 7]);
    const ten = buildInitSnapshot({ leagueId: 5, myTeamId: 1, teamIds: TEN_TEAMS });
    expect(ten.draft.teams.map((t) => t.teamId)).not.toEqual(TEN_TEAMS);
  });

  it('fills pick slots and derives rosters from the filled picks', () => {
    const s = buildInitSnapshot(MID_DRAFT);
    expect(s.draft.picks[2]).toMatchObject({ overallPick: 3, teamId: 3, playerId: -16014, spot: 8, keeper: false });
    expect(s.draft.picks[19]).toMatchObject({ overallPick: 20, teamId: 1, playerId: 4432665, spot: 6, keeper: true });
    expect(s.draft.picks.filter((p) => p.playerId !== -1)).toHaveLength(5);
    const team1 = s.draft.teams.find((t) => t.teamId === 1)!;
    expect(team1.roster.filter((e) => e.playerId !== -1).map((e) => [e.spot, e.playerId])).toEqual([
      [4, 4362628],
      [6, 4432665],
    ]);
    const team3 = s.draft.teams.find((t) => t.teamId === 3)!;
    expect(team3.roster[7]).toEqual({ teamId: 3, spot: 8, playerId: -16014, unknownFlag: false });
    const team6 = s.draft.teams.find((t) => t.teamId === 6)!;
    expect(team6.autoDraftTypeId).toBe(4);
    expect(team6.owners[0]!.online).toBe(false);
    expect(s.draft.teams.find((t) => t.teamId === 2)!.owners[0]!.online).toBe(true);
  });

  it('survives encode → decode unchanged, and parses as an INIT frame', () => {
    const built = buildInitSnapshot(MID_DRAFT);
    const decoded = decodeInit(encodeInit(built));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.snapshot).toEqual(built);
    expect(parseFrame(formatInitFrame(encodeInit(built)), 'in')).toEqual({ type: 'init', snapshot: built });
  });

  it('round-trips large leagues beyond the writer’s initial buffer', () => {
    const teamIds = Array.from({ length: 20 }, (_, i) => i + 1);
    const built = buildInitSnapshot({
      leagueId: 2_000_000_000,
      myTeamId: 20,
      teamIds,
      rounds: 25,
      rosterTemplate: Array.from({ length: 25 }, (_, i) => (i < 9 ? i : 20)),
      picks: Array.from({ length: 40 }, (_, i) => ({ overallPick: i + 1, playerId: -16001 - i, spot: 1 + Math.floor(i / 20) })),
    });
    const bytes = encodeInit(built);
    expect(bytes.length).toBeGreaterThan(16 * 1024);
    const decoded = decodeInit(bytes);
    expect(decoded.ok && decoded.snapshot).toEqual(built);
  });

  it.each<[string, Partial<BuildInitOptions>, RegExp]>([
    ['no teams', { teamIds: [] }, /must not be empty/],
    ['duplicate teams', { teamIds: [1, 1] }, /unique/],
    ['zero rounds', { rounds: 0 }, /rounds/],
    ['pick outside the table', { picks: [{ overallPick: 161, playerId: 1, spot: 1 }] }, /outside 1…160/],
    ['pick filled twice', { picks: [{ overallPick: 1, playerId: 1, spot: 1 }, { overallPick: 1, playerId: 2, spot: 2 }] }, /filled twice/],
    ['spot outside the template', { picks: [{ overallPick: 1, playerId: 1, spot: 17 }] }, /spot 17/],
    ['spot reused by a team', { picks: [{ overallPick: 1, playerId: 1, spot: 3 }, { overallPick: 20, playerId: 2, spot: 3 }] }, /twice/],
    ['-1 as a player', { picks: [{ overallPick: 1, playerId: -1, spot: 1 }] }, /open slot/],
  ])('rejects %s', (_name, override, message) => {
    expect(() => buildInitSnapshot({ ...MID_DRAFT, picks: [], ...override })).toThrow(message);
  });
});
