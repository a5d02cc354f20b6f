import { Rng } from '../rng';
import type { SportName } from '../sports';

/** Everything a simulated draft can be told. Every field is optional; ENGINE_DEFAULTS fills the gaps. */
export interface EngineOptions {
  seed: number | string;
  leagueId: number;
  seasonId: number;
  teams: number;
  rounds: number;
  myTeamId: number;
  /** Round-1 order of team ids; default 1…teams. */
  draftOrder?: number[];
  /** Average time a human takes to pick. */
  pickIntervalMs: number;
  /** Server CLOCK tick. */
  clockTickMs: number;
  /** Lobby time before STATE 1. */
  preDraftMs: number;
  /** The pick clock sent in SELECTING / INIT. */
  timePerSelectionMs?: number;
  /** CLOCK 4 period after the draft. */
  postDraftClockMs?: number;
  /** Bot / autodraft teams pick this long after SELECTING. */
  autoPickDelayMs?: number;
  /** SELECTED → next SELECTING gap. */
  selectingGapMs?: number;
  /** SELECT → SELECTED latency. */
  selectLatencyMs?: number;
  /** A member whose clock ran out comes back (AUTODRAFT T false) this long after the autopick. */
  returnAfterTimeoutMs?: number;
  /** Share of online humans whose clock runs out (AUTODRAFT T true, then SELECTED without SWID). */
  timeoutRate?: number;
  /**
   * Who makes my team's picks. `engine`: the engine picks for me as a human (with my SWID)
   * whether or not a socket is connected. `client`: only a SELECT from my socket (or the clock
   * expiring) makes my pick.
   */
  myPicks?: 'engine' | 'client';
  /** Teams with no member (bots). */
  unownedTeamIds?: number[];
  /** Other members joining/leaving (JOINED / LEFT / AUTODRAFT) as in the captures. */
  presenceChurn?: boolean;
  /** Keeper slots, pre-filled before the draft: the team's pick in that round. */
  keepers?: Array<{ teamId: number; round: number; playerId?: number }>;
  privateLeague?: boolean;
  leagueName?: string;
  /** Which ESPN game the room is (its game id, page path, roster and player pool: ../sports.ts). */
  sport?: SportName;
  /** Snake (picks in turn) or auction (teams nominate in turn and bid; see rules/auction-*.ts). */
  draftType?: 'snake' | 'auction';
  /** Auction: every team's budget in dollars. */
  auctionBudget?: number;
  /** Auction: the nomination clock (NOMINATION / CLOCK 1). */
  nominationClockMs?: number;
  /** Auction: the bid clock each bid resets (BID / CLOCK 2); the lot is sold when it runs out. */
  bidClockMs?: number;
  /** Auction: a bot nominates this long after NOMINATION. */
  nominateDelayMs?: number;
  /** Auction: time between two bids of a lot. */
  bidGapMs?: number;
  /** Auction: SOLD → next NOMINATION (CLOCK 3). */
  lotGapMs?: number;
  /**
   * The player universe (ids, names, ranks) is ESPN's, one per season, shared by every league:
   * leagues served together give it the same seed. Default: `seed`.
   */
  playerPoolSeed?: number | string;
  /**
   * A mock draft league (protocol.md §1, §4.2–4.3). `lobby`: league reads answer with
   * `leagueSubType: "MOCKDRAFT_LOBBY"` and `status.isViewable: false`; `not-found`: league reads
   * answer 404, as ESPN does once a mock is over. `none`: a real league.
   */
  mockLeague?: 'none' | 'lobby' | 'not-found';
  /** RESET → the restarted room opens (fresh INIT to open sockets, new lobby countdown). */
  resetRestartMs?: number;
  /** Whether sockets still open when the restarted room opens are sent its INIT (else only new sockets get one). */
  resetSendsInit?: boolean;
}

/**
 * The one place every engine default lives. Timings marked "at real pace" are what the captures
 * show with a 10 s pick interval; a faster `pickIntervalMs` scales them down by the same factor
 * (never up), so a quick test draft keeps the real draft's rhythm.
 */
export const ENGINE_DEFAULTS = {
  seed: 1,
  leagueId: 123_456_789,
  seasonId: 2026,
  teams: 10,
  rounds: 16,
  /** My team is team 2 (team 1 in a one-team league). */
  myTeamId: 2,
  /** ≈ the captures' average human pick; also the "real pace" the scaled timings refer to. */
  pickIntervalMs: 10_000,
  clockTickMs: 5_000,
  preDraftMs: 20_000,
  /** Pick clock = this × pickIntervalMs (30 s at real pace); at least 3 ms. */
  timePerSelectionIntervals: 3,
  /** CLOCK 4 period = this × clockTickMs (20 s at real pace). */
  postDraftClockTicks: 4,
  /** Autopick delay at real pace. */
  autoPickDelayMs: 1_300,
  /** SELECTED → SELECTING gap at real pace. */
  selectingGapMs: 220,
  /** SELECT → SELECTED latency at real pace. */
  selectLatencyMs: 250,
  /** A timed-out member's return at real pace. */
  returnAfterTimeoutMs: 2_000,
  timeoutRate: 0.04,
  myPicks: 'engine' as 'engine' | 'client',
  /** With at least this many teams, one team other than mine (drawn from the seed) has no member. */
  unownedTeamFromTeams: 6,
  presenceChurn: true,
  privateLeague: false,
  sport: 'football' as SportName,
  draftType: 'snake' as 'snake' | 'auction',
  /** ESPN's default auction budget ([SOURCE] mSettings auctionBudget; INIT settings carry 200). */
  auctionBudget: 200,
  /** Nomination clock at real pace ([INFERRED] from INIT settings timingsMs 25000, 10000, 25000). */
  nominationClockMs: 25_000,
  /** Bid clock at real pace ([INFERRED] from the same timings). */
  bidClockMs: 10_000,
  /** A bot's nomination at real pace. */
  nominateDelayMs: 2_000,
  /** Between two bids at real pace. */
  bidGapMs: 1_200,
  /** SOLD → next NOMINATION at real pace. */
  lotGapMs: 3_000,
  /**
   * RESET → restarted room. [UNKNOWN] at ESPN; long enough for a page that reloads on RESET to be
   * back on a new socket first, short against the extension's INIT wait. Not scaled by the pace.
   */
  resetRestartMs: 1_000,
  /**
   * [UNKNOWN] at ESPN, whose page reloads on RESET; the sim sends it by default so a page that
   * stays on its socket can follow the restart, and `false` tests the extension's own reload.
   */
  resetSendsInit: true,
  /** A real league, not a mock. */
  mockLeague: 'none' as 'none' | 'lobby' | 'not-found',
} as const;

/** EngineOptions with every default applied; what the engine and REST read. */
export type ResolvedEngineOptions = Required<Omit<EngineOptions, 'draftOrder' | 'keepers' | 'leagueName'>> &
  Pick<EngineOptions, 'draftOrder' | 'keepers' | 'leagueName'>;

export function resolveEngineOptions(options: Partial<EngineOptions>): ResolvedEngineOptions {
  const D = ENGINE_DEFAULTS;
  const teams = options.teams ?? D.teams;
  const pickIntervalMs = options.pickIntervalMs ?? D.pickIntervalMs;
  const scale = Math.min(1, pickIntervalMs / D.pickIntervalMs);
  const scaled = (realPaceMs: number): number => Math.max(1, Math.round(realPaceMs * scale));
  const clockTickMs = options.clockTickMs ?? D.clockTickMs;
  const myTeamId = options.myTeamId ?? Math.min(D.myTeamId, teams);
  const seed = options.seed ?? D.seed;
  const resolved: ResolvedEngineOptions = {
    seed,
    leagueId: options.leagueId ?? D.leagueId,
    seasonId: options.seasonId ?? D.seasonId,
    teams,
    rounds: options.rounds ?? D.rounds,
    myTeamId,
    draftOrder: options.draftOrder,
    pickIntervalMs,
    clockTickMs,
    preDraftMs: options.preDraftMs ?? D.preDraftMs,
    timePerSelectionMs: options.timePerSelectionMs ?? Math.max(3, Math.round(pickIntervalMs * D.timePerSelectionIntervals)),
    postDraftClockMs: options.postDraftClockMs ?? clockTickMs * D.postDraftClockTicks,
    autoPickDelayMs: options.autoPickDelayMs ?? scaled(D.autoPickDelayMs),
    selectingGapMs: options.selectingGapMs ?? scaled(D.selectingGapMs),
    selectLatencyMs: options.selectLatencyMs ?? scaled(D.selectLatencyMs),
    returnAfterTimeoutMs: options.returnAfterTimeoutMs ?? scaled(D.returnAfterTimeoutMs),
    timeoutRate: options.timeoutRate ?? D.timeoutRate,
    myPicks: options.myPicks ?? D.myPicks,
    unownedTeamIds: options.unownedTeamIds ?? defaultUnownedTeams(seed, teams, myTeamId),
    presenceChurn: options.presenceChurn ?? D.presenceChurn,
    keepers: options.keepers,
    privateLeague: options.privateLeague ?? D.privateLeague,
    leagueName: options.leagueName,
    sport: options.sport ?? D.sport,
    draftType: options.draftType ?? D.draftType,
    auctionBudget: options.auctionBudget ?? D.auctionBudget,
    nominationClockMs: options.nominationClockMs ?? scaled(D.nominationClockMs),
    bidClockMs: options.bidClockMs ?? scaled(D.bidClockMs),
    nominateDelayMs: options.nominateDelayMs ?? scaled(D.nominateDelayMs),
    bidGapMs: options.bidGapMs ?? scaled(D.bidGapMs),
    lotGapMs: options.lotGapMs ?? scaled(D.lotGapMs),
    playerPoolSeed: options.playerPoolSeed ?? seed,
    mockLeague: options.mockLeague ?? D.mockLeague,
    resetRestartMs: options.resetRestartMs ?? D.resetRestartMs,
    resetSendsInit: options.resetSendsInit ?? D.resetSendsInit,
  };
  if (resolved.timePerSelectionMs <= 1) throw new RangeError('timePerSelectionMs must be > 1');
  if (resolved.draftType === 'auction' && resolved.auctionBudget < resolved.rounds) {
    throw new RangeError(`auctionBudget ${resolved.auctionBudget} cannot buy ${resolved.rounds} players at $1`);
  }
  return resolved;
}

function defaultUnownedTeams(seed: number | string, teams: number, myTeamId: number): number[] {
  if (teams < ENGINE_DEFAULTS.unownedTeamFromTeams) return [];
  const candidates = Array.from({ length: teams }, (_, i) => i + 1).filter((t) => t !== myTeamId);
  return [new Rng(seed).fork('unowned').pick(candidates)];
}
