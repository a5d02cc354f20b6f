import type { InitPickSlot, InitSnapshot, InitTeam } from '../../../src/protocol/init/init-types';
import { capturedSettings, capturedStatus } from '../../sim/init/captured-defaults';

export const LEAGUE_ID = 123456789;

/** The captured football template: spot → lineupSlotId (protocol.md §3.3). */
export const FOOTBALL_TEMPLATE: ReadonlyArray<[spot: number, lineupSlotId: number]> = [
  [1, 0], [2, 2], [3, 2], [4, 4], [5, 4], [6, 6], [7, 23], [8, 16], [9, 17],
  [10, 20], [11, 20], [12, 20], [13, 20], [14, 20], [15, 20], [16, 20],
];

export interface FilledSlot {
  overallPick: number;
  playerId: number;
  spot?: number;
  keeper?: boolean;
}

export interface SnapshotOptions {
  leagueId?: number;
  myTeamId?: number;
  teams?: number;
  rounds?: number;
  state?: number;
  draftType?: number;
  draftDate?: number | null;
  timePerSelectionMs?: number;
  filled?: readonly FilledSlot[];
  /** Teams whose autodraft is on and whose owner is offline at INIT time. */
  offlineTeams?: readonly number[];
  /** Overrides the team owning a slot, to model a changed draft order. */
  slotTeams?: ReadonlyMap<number, number>;
}

/** Team on the clock for overall pick n of a snake draft with teams 1..teamCount. */
export function snakeTeam(overallPick: number, teamCount: number): number {
  const round = Math.ceil(overallPick / teamCount);
  const inRound = overallPick - (round - 1) * teamCount;
  return round % 2 === 1 ? inRound : teamCount + 1 - inRound;
}

/**
 * A hand-built INIT snapshot (the real decoder lives elsewhere): snake order,
 * teams 1..n in draft position order, every slot open unless listed in `filled`.
 */
export function makeSnapshot(options: SnapshotOptions = {}): InitSnapshot {
  const leagueId = options.leagueId ?? LEAGUE_ID;
  const teamCount = options.teams ?? 10;
  const rounds = options.rounds ?? FOOTBALL_TEMPLATE.length;
  const filled = new Map((options.filled ?? []).map((slot) => [slot.overallPick, slot]));
  const offline = new Set(options.offlineTeams ?? []);

  const picks: InitPickSlot[] = [];
  for (let n = 1; n <= teamCount * rounds; n++) {
    const slot = filled.get(n);
    picks.push({
      teamId: options.slotTeams?.get(n) ?? snakeTeam(n, teamCount),
      overallPick: n,
      playerId: slot?.playerId ?? -1,
      spot: slot === undefined ? 0 : (slot.spot ?? 10),
      bidAmount: 0,
      nominatingTeamId: 0,
      keeper: slot?.keeper ?? false,
      unknownU1: 0,
      unknownU2: 0,
    });
  }

  const teams: InitTeam[] = [];
  for (let teamId = 1; teamId <= teamCount; teamId++) {
    teams.push({
      teamId,
      draftPosition: teamId - 1,
      autoDraftTypeId: offline.has(teamId) ? 4 : 0,
      unknownU: 0,
      owners: [{ teamId, memberRef: -1, unknownFlagA: false, online: !offline.has(teamId), unknownFlagB: true }],
      roster: [],
    });
  }

  return {
    leagueId,
    myTeamId: options.myTeamId ?? 2,
    draft: {
      draftType: options.draftType ?? 1,
      unknownU1: 0,
      draftDate: options.draftDate === undefined ? 1756607492198 : options.draftDate,
      state: options.state ?? 0,
      status: capturedStatus(),
      // The reducer reads only the pick clock from settings; the rest is the captured filler.
      settings: { ...capturedSettings(options.timePerSelectionMs ?? 30000), scoringItems: [{ statId: 53, points: 1, unknownFlag: false }] },
      positionLimits: [],
      rosterTemplate: FOOTBALL_TEMPLATE.map(([spot, lineupSlotId]) => ({ spot, lineupSlotId, extras: [] })),
      picks,
      teams,
    },
    tail: new Uint8Array(8),
  };
}
