import { isDefensePlayerId } from '../protocol/espn-ids';
import { logEntry } from './log';
import { pickPosition } from './pick-table';
import { result, type Reduction } from './reduction';
import type { DraftState, LogEntry, Pick } from './types';

/** What `picksFromApi` yields for the mDraftDetail view. */
/** One pick of ESPN's final board (read by src/lookups/league-api.ts). */
export interface ApiPick {
  overallPick: number;
  teamId: number;
  /** -1 (or 0) while the draft runs: REST has no picks until it is complete. */
  playerId: number;
  lineupSlotId: number | null;
  keeper: boolean;
  /** Auction: the price ([SOURCE] REST `bidAmount`); null when absent or 0 (a snake draft). */
  price?: number | null;
  /** Auction: the nominating team ([SOURCE] REST `nominatingTeamId`); null when absent or 0. */
  nominatingTeamId?: number | null;
}

export interface ApiDraftBoard {
  drafted: boolean;
  picks: readonly ApiPick[];
}

/**
 * ESPN marks an open slot with playerId -1 (one source saw 0). Team defenses
 * have real negative ids (-16000 - proTeamId), so "<= 0" alone would drop them.
 */
export function isOpenApiPlayer(playerId: number): boolean {
  return playerId <= 0 && !isDefensePlayerId(playerId);
}

/**
 * Confirms our pick log against ESPN's final board (protocol.md §4.3), which
 * exists only once `drafted` is true. Where the two disagree ESPN's board wins,
 * but only with picks that keep the state consistent (checkInvariants): a pick
 * for the wrong team, a player drafted at another slot we keep, or a non-keeper
 * pick beyond an open slot is logged as an error and not applied. Our picks
 * whose slot ESPN shows open are kept with a warning.
 *
 * In an auction the table's slot team is only the nomination order, so a REST pick's team (the
 * buyer) is not checked against it; and a price or nominator our lot lacks (we joined while it
 * was under the hammer) is taken from ESPN's board.
 */
export function applyApiPicks(state: DraftState, api: ApiDraftBoard, now: number): Reduction {
  if (!api.drafted) {
    return result(state, [logEntry(now, 'info', 'api_reconcile', "ESPN's API has no picks until the draft is complete")]);
  }
  if (state.slots.length === 0 || state.teams.length === 0) {
    return result(state, [
      logEntry(now, 'warn', 'api_reconcile', "Cannot check picks against ESPN's API: no pick table from the draft room yet"),
    ]);
  }

  const log: LogEntry[] = [];
  const slotTeams = new Map(state.slots.map((slot) => [slot.overallPick, slot.teamId] as const));
  const ours = new Map(state.picks.map((pick) => [pick.overallPick, pick] as const));
  const theirs = collectApiPicks(api.picks, slotTeams, log, now);
  const auction = state.type === 'auction';
  const rejected = rejectInconsistent(ours, theirs, auction ? null : slotTeams);

  const picks: Pick[] = [];
  const perSlot: LogEntry[] = [];
  let confirmed = 0;
  let filled = 0;
  let corrected = 0;
  let unconfirmed = 0;
  let completed = 0;
  const numbers = [...new Set([...ours.keys(), ...theirs.keys()])].sort((a, b) => a - b);
  for (const n of numbers) {
    const mine = ours.get(n);
    const espn = theirs.get(n);
    const refusal = rejected.get(n);
    if (espn === undefined || refusal !== undefined) {
      if (refusal !== undefined) perSlot.push(logEntry(now, 'error', 'api_pick_rejected', `${refusal}; ${keptOrOpen(mine)}`));
      else if (mine !== undefined) {
        unconfirmed++;
        perSlot.push(
          logEntry(now, 'warn', 'api_pick_unconfirmed', `Pick ${n}: ESPN's API shows it open, the socket said player ${mine.playerId}; kept the socket's pick`),
        );
      }
      if (mine !== undefined) picks.push(mine);
      continue;
    }
    if (mine !== undefined && agrees(mine, espn)) {
      confirmed++;
      const lot = auction ? completeLot(mine, espn) : mine;
      if (lot !== mine) completed++;
      picks.push(lot);
      continue;
    }
    picks.push(apiPick(espn, state.teams.length, now, auction));
    if (mine === undefined) {
      filled++;
    } else {
      corrected++;
      perSlot.push(logEntry(now, 'warn', 'api_pick_corrected', correctionMessage(mine, espn)));
    }
  }

  log.push(...perSlot, logEntry(now, 'info', 'api_reconcile', summary(confirmed, filled, corrected, unconfirmed, rejected.size, completed)));
  if (filled === 0 && corrected === 0 && completed === 0) return result(state, log);
  return result({ ...state, picks, updatedAt: now }, log);
}

/** ESPN's filled slots by pick number, keeping only those our pick table can hold. */
function collectApiPicks(apiPicks: readonly ApiPick[], slotTeams: ReadonlyMap<number, number>, log: LogEntry[], now: number): Map<number, ApiPick> {
  const theirs = new Map<number, ApiPick>();
  for (const pick of apiPicks) {
    if (isOpenApiPlayer(pick.playerId)) continue;
    const n = pick.overallPick;
    const slotTeam = slotTeams.get(n);
    if (slotTeam === undefined) {
      log.push(logEntry(now, 'error', 'api_pick_rejected', `ESPN's API lists pick ${n}, which is not in our pick table (1..${slotTeams.size}); ignored it`));
    } else if (theirs.has(n)) {
      log.push(logEntry(now, 'error', 'api_pick_rejected', `ESPN's API lists pick ${n} twice; used the first`));
    } else {
      // A pick for another team is kept here too, so its slot does not read as open; rejectInconsistent refuses it.
      theirs.set(n, pick);
    }
  }
  return theirs;
}

/**
 * Which of ESPN's picks we refuse, by pick number, with the reason. Refusing one
 * pick can expose another problem (a refused fill re-opens its slot; a refused
 * correction brings back our player), so this repeats until nothing changes;
 * refusals only grow, so it ends.
 */
function rejectInconsistent(
  ours: ReadonlyMap<number, Pick>,
  theirs: ReadonlyMap<number, ApiPick>,
  slotTeams: ReadonlyMap<number, number> | null,
): Map<number, string> {
  const rejected = new Map<number, string>();
  // The pick table came from ESPN's own INIT; a REST pick for another team cannot be placed consistently
  // (null: an auction, whose slot teams say who nominates, not who buys).
  if (slotTeams !== null) {
    for (const [n, espn] of theirs) {
      const slotTeam = slotTeams.get(n);
      if (espn.teamId !== slotTeam) {
        rejected.set(n, `Pick ${n}: ESPN's API gives it to team ${espn.teamId}, but our pick table says team ${slotTeam}`);
      }
    }
  }
  for (;;) {
    const before = rejected.size;
    const board = new Map<number, { playerId: number; fromApi: boolean; keeper: boolean }>();
    for (const [n, mine] of ours) board.set(n, { playerId: mine.playerId, fromApi: false, keeper: mine.keeper });
    for (const [n, espn] of theirs) {
      if (rejected.has(n)) continue;
      const mine = ours.get(n);
      if (mine !== undefined && agrees(mine, espn)) continue;
      board.set(n, { playerId: espn.playerId, fromApi: true, keeper: espn.keeper });
    }

    // The same player at two slots: our kept pick (or ESPN's first listing) stands.
    const holders = new Map<number, number[]>();
    for (const [n, entry] of [...board].sort((a, b) => a[0] - b[0])) {
      holders.set(entry.playerId, [...(holders.get(entry.playerId) ?? []), n]);
    }
    for (const [playerId, slots] of holders) {
      if (slots.length < 2) continue;
      const anchor = slots.find((n) => !board.get(n)!.fromApi) ?? slots[0]!;
      for (const n of slots) {
        if (n !== anchor && board.get(n)!.fromApi) {
          rejected.set(n, `Pick ${n}: ESPN's API has player ${playerId}, who is already drafted at pick ${anchor}`);
        }
      }
    }

    // Live picks fill the table from the front; only keepers may stand beyond an open slot.
    let firstOpen = 1;
    while (ours.has(firstOpen) || (theirs.has(firstOpen) && !rejected.has(firstOpen))) firstOpen++;
    for (const [n, entry] of board) {
      if (entry.fromApi && !entry.keeper && n > firstOpen && !rejected.has(n)) {
        rejected.set(n, `Pick ${n}: ESPN's API has player ${entry.playerId}, but pick ${firstOpen} is still open`);
      }
    }
    if (rejected.size === before) return rejected;
  }
}

function agrees(mine: Pick, espn: ApiPick): boolean {
  return mine.playerId === espn.playerId && mine.teamId === espn.teamId;
}

/** Our lot with the price and nominator it lacked, from ESPN's board; the same object when nothing is new. */
function completeLot(mine: Pick, espn: ApiPick): Pick {
  const price = mine.price ?? espn.price ?? null;
  const nominatingTeamId = mine.nominatingTeamId ?? espn.nominatingTeamId ?? null;
  if (price === (mine.price ?? null) && nominatingTeamId === (mine.nominatingTeamId ?? null)) return mine;
  return { ...mine, price, nominatingTeamId };
}

function apiPick(espn: ApiPick, teamCount: number, now: number, auction: boolean): Pick {
  const lot = auction ? { price: espn.price ?? null, nominatingTeamId: espn.nominatingTeamId ?? null } : {};
  return {
    overallPick: espn.overallPick,
    ...pickPosition(espn.overallPick, teamCount),
    teamId: espn.teamId,
    playerId: espn.playerId,
    rosterSpot: null,
    lineupSlotId: espn.lineupSlotId,
    keeper: espn.keeper,
    autopick: false,
    source: 'api',
    recordedAt: now,
    ...lot,
  };
}

function keptOrOpen(mine: Pick | undefined): string {
  return mine === undefined ? 'left it open' : `kept the socket's player ${mine.playerId}`;
}

function correctionMessage(mine: Pick, espn: ApiPick): string {
  const n = espn.overallPick;
  if (mine.playerId === espn.playerId) {
    return `Pick ${n}: ESPN's API has team ${espn.teamId}, the socket said team ${mine.teamId}; using ESPN's final board`;
  }
  return `Pick ${n}: ESPN's API has player ${espn.playerId}, the socket said ${mine.playerId}; using ESPN's final board`;
}

function summary(confirmed: number, filled: number, corrected: number, unconfirmed: number, rejected: number, completed: number): string {
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  let text = `Confirmed ${count(confirmed, 'pick', 'picks')} against ESPN's API (filled ${count(filled, 'gap', 'gaps')}, corrected ${corrected})`;
  if (completed > 0) text += `; took the price or nominator of ${count(completed, 'lot', 'lots')} from ESPN's API`;
  if (unconfirmed > 0) text += `; kept ${count(unconfirmed, 'pick', 'picks')} ESPN's API shows open`;
  if (rejected > 0) text += `; refused ${count(rejected, "of ESPN's picks", "of ESPN's picks")}`;
  return text;
}
