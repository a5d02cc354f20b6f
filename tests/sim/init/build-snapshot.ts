import {
  CAPTURED_AUTODRAFT_TYPE_ID,
  CAPTURED_FOOTBALL_ROSTER_TEMPLATE,
  capturedPositionLimits,
  capturedSettings,
  capturedStatus,
  capturedTail,
} from './captured-defaults';
import { NO_PLAYER } from '../../../src/protocol/init/init-layout';
import type { InitPickSlot, InitSnapshot, InitTeam } from '../../../src/protocol/init/init-types';
import { auctionPickOrder, snakePickOrder } from './pick-order';

export interface FilledPick {
  overallPick: number;
  playerId: number;
  /** 1-based roster spot, as in SELECTED's 4th field. */
  spot: number;
  keeper?: boolean;
  /** Auction: the team that bought the player (default: the slot's team, as in a snake draft). */
  teamId?: number;
  /** Auction: the price, written at the slot's bidAmount ([SOURCE] offset +28). */
  bidAmount?: number;
  /** Auction: the nominating team, written at +32 ([SOURCE]). */
  nominatingTeamId?: number;
}

export interface BuildInitOptions {
  leagueId: number;
  myTeamId: number;
  /** Round-1 order: draftPosition = index. */
  teamIds: readonly number[];
  /** Defaults to the roster template's length (ESPN: slots = teams × roster spots). */
  rounds?: number;
  /**
   * Snake (default), or auction: the table's team order repeats every round (the nomination
   * order, [SOURCE]), filled slots carry price and nominator, and each team's roster lists the
   * players it bought. The auction draftType code is [UNKNOWN]; the captured snake code is kept,
   * since the extension reads the type from the table.
   */
  draftType?: 'snake' | 'auction';
  /** 0 before the draft, 1 live, 2 complete. */
  state?: number;
  draftDate?: number | null;
  timePerSelectionMs?: number;
  /** lineupSlotId per roster spot; spot n = index n − 1. */
  rosterTemplate?: readonly number[];
  picks?: readonly FilledPick[];
  autodraftTeamIds?: readonly number[];
  /** Defaults to every team. */
  onlineTeamIds?: readonly number[];
}

const SNAKE_DRAFT_TYPE = 1;

/**
 * A plausible INIT snapshot for a simulated league: the same shape ESPN sends, with captured
 * values for every unknown field. Throws RangeError on inconsistent options (test/simulator use).
 */
export function buildInitSnapshot(opts: BuildInitOptions): InitSnapshot {
  const template = opts.rosterTemplate ?? CAPTURED_FOOTBALL_ROSTER_TEMPLATE;
  const rounds = opts.rounds ?? template.length;
  validateTeams(opts.teamIds, rounds);
  const order = opts.draftType === 'auction' ? auctionPickOrder(opts.teamIds, rounds) : snakePickOrder(opts.teamIds, rounds);
  const filled = indexFilledPicks(opts.picks ?? [], order, template.length);
  /** Who holds each filled slot's player: the buyer in an auction, else the slot's team. */
  const holder = new Map([...filled].map(([overall, pick]) => [overall, pick.teamId ?? order[overall - 1]!] as const));
  const picks: InitPickSlot[] = order.map((teamId, i) => {
    const pick = filled.get(i + 1);
    return {
      teamId,
      overallPick: i + 1,
      playerId: pick?.playerId ?? NO_PLAYER,
      spot: pick?.spot ?? 0,
      bidAmount: pick?.bidAmount ?? 0,
      nominatingTeamId: pick?.nominatingTeamId ?? 0,
      keeper: pick?.keeper ?? false,
      unknownU1: 0,
      unknownU2: 0,
    };
  });
  const autodraft = new Set(opts.autodraftTeamIds ?? []);
  const online = new Set(opts.onlineTeamIds ?? opts.teamIds);
  const teams = opts.teamIds.map(
    (teamId, draftPosition): InitTeam => ({
      teamId,
      draftPosition,
      autoDraftTypeId: autodraft.has(teamId) ? CAPTURED_AUTODRAFT_TYPE_ID : 0,
      unknownU: 0,
      owners: [{ teamId, memberRef: -1, unknownFlagA: false, online: online.has(teamId), unknownFlagB: true }],
      roster: template.map((_, s) => ({
        teamId,
        spot: s + 1,
        playerId: picks.find((p) => holder.get(p.overallPick) === teamId && p.spot === s + 1)?.playerId ?? NO_PLAYER,
        unknownFlag: false,
      })),
    }),
  );
  return {
    leagueId: opts.leagueId,
    myTeamId: opts.myTeamId,
    draft: {
      draftType: SNAKE_DRAFT_TYPE,
      unknownU1: 0,
      draftDate: opts.draftDate ?? null,
      state: opts.state ?? 0,
      status: capturedStatus(),
      settings: capturedSettings(opts.timePerSelectionMs ?? 30_000),
      positionLimits: capturedPositionLimits(),
      rosterTemplate: template.map((lineupSlotId, i) => ({ spot: i + 1, lineupSlotId, extras: [] })),
      picks,
      teams: shuffledDeterministically(teams, opts.leagueId),
    },
    tail: capturedTail(),
  };
}

function validateTeams(teamIds: readonly number[], rounds: number): void {
  if (teamIds.length === 0) throw new RangeError('teamIds must not be empty');
  if (new Set(teamIds).size !== teamIds.length) throw new RangeError('teamIds must be unique');
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a positive integer, got ${rounds}`);
}

function indexFilledPicks(picks: readonly FilledPick[], order: readonly number[], spots: number): Map<number, FilledPick> {
  const byOverall = new Map<number, FilledPick>();
  const usedSpots = new Set<string>();
  for (const pick of picks) {
    const teamId = order[pick.overallPick - 1];
    if (teamId === undefined) throw new RangeError(`overallPick ${pick.overallPick} is outside 1…${order.length}`);
    if (byOverall.has(pick.overallPick)) throw new RangeError(`overallPick ${pick.overallPick} is filled twice`);
    if (!Number.isInteger(pick.spot) || pick.spot < 1 || pick.spot > spots) {
      throw new RangeError(`spot ${pick.spot} is outside 1…${spots}`);
    }
    if (pick.playerId === NO_PLAYER) throw new RangeError(`overallPick ${pick.overallPick}: playerId -1 means an open slot`);
    const teamSpot = `${pick.teamId ?? teamId}:${pick.spot}`;
    if (usedSpots.has(teamSpot)) throw new RangeError(`team ${teamId} fills spot ${pick.spot} twice`);
    usedSpots.add(teamSpot);
    byOverall.set(pick.overallPick, pick);
  }
  return byOverall;
}

/** ESPN lists teams in no particular order; a seeded shuffle mimics that reproducibly. */
function shuffledDeterministically<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  const next = (): number => {
    // xorshift32: tiny, deterministic, good enough for ordering.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
