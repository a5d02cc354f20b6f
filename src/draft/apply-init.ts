import type { InitDraft, InitSnapshot } from '../protocol/init/init-types';
import { logEntry } from './log';
import { firstOpenSlot, inferOnTheClock } from './pick-table';
import { archiveForReset } from './archive';
import { archivedDraftId } from './draft-id';
import { readDraftType, SNAKE_DRAFT_TYPE_CODE, type DraftTypeReading } from './draft-type';
import { reconcileAuctionPicks, winnersByRoster } from './reconcile-auction';
import { reconcilePicks, type Reconciliation } from './reconcile-picks';
import type { Reduction } from './reduction';
import type { DraftState, DraftStatus, DraftType, LogEntry, Pick, TeamInfo } from './types';
import { findInitProblem, keeperKey } from './validate-init';

/**
 * Every (re)connection gets a fresh INIT holding every pick made so far, and
 * missed SELECTED frames are never replayed: take settings from it and make our
 * pick log agree with its table.
 */
export function applyInit(state: DraftState, snapshot: InitSnapshot, now: number): Reduction {
  const reading = readDraftType(snapshot.draft);
  const auction = reading.type === 'auction' || (reading.type === null && state.type === 'auction');
  const knownKeepers = new Set(state.picks.filter((pick) => pick.keeper).map((pick) => keeperKey(pick.overallPick, pick.playerId)));
  const problem = findInitProblem(snapshot, state.key.leagueId, auction, knownKeepers);
  if (problem !== null) {
    return {
      state,
      log: [logEntry(now, 'error', 'snapshot_rejected', `Snapshot ignored because ${problem}; keeping the previous state.`)],
    };
  }

  const log: LogEntry[] = [];
  const { draft } = snapshot;
  const table = [...draft.picks].sort((a, b) => a.overallPick - b.overallPick);
  const teamCount = draft.teams.length;
  const rosterTemplate = draft.rosterTemplate.map(({ spot, lineupSlotId }) => ({ spot, lineupSlotId }));
  const preDraft = draft.state === 0;
  const reconciled = auction
    ? reconcileAuctionPicks(state.picks, table, teamCount, rosterTemplate, winnersByRoster(draft), now, preDraft)
    : reconcilePicks(state.picks, table, teamCount, rosterTemplate, now, preDraft);
  const missedReset = looksLikeMissedReset(state, reconciled);

  const next: DraftState = {
    ...state,
    myTeamId: snapshot.myTeamId,
    type: draftTypeOf(draft.draftType, reading, state.type, now, log),
    status: statusOf(draft.state, state.status, now, log),
    hasSnapshot: true,
    awaitingSnapshot: false,
    rounds: Math.ceil(table.length / teamCount),
    teams: teamsOf(draft, state.teams),
    rosterTemplate,
    slots: table.map(({ overallPick, teamId }) => ({ overallPick, teamId })),
    picks: reconciled.picks,
    timePerSelectionMs: draft.settings.timePerSelectionMs,
    draftDate: draft.draftDate,
    updatedAt: now,
  };
  // ESPN's own snapshot saying the draft is over confirms it; one saying it runs withdraws an earlier confirmation.
  if (draft.state === 2) next.completion = state.completion ?? { confirmedBy: 'snapshot', at: now };
  else if (draft.state === 0 || draft.state === 1) delete next.completion;
  // A snapshot that shows a snake table ends the floor. Otherwise the floor survives only if the
  // snapshot sold no lot we had not seen: the next SOLD takes its nominator from the floor, and
  // lots sold while we were away leave it describing an earlier lot (its nominator is then unknown).
  if (!auction) {
    if (state.auction != null) next.auction = null;
  } else if (state.auction == null || (reconciled.added.length === 0 && reconciled.removed.length === 0)) {
    next.auction = state.auction ?? null;
  } else {
    next.auction = { nominatorTeamId: null, lot: null };
  }
  next.onTheClock = inferOnTheClock(next, now);

  if (missedReset) {
    const archived = archiveForReset(state, now);
    log.push(
      logEntry(
        now,
        'warn',
        'reset',
        `ESPN's snapshot has none of the ${plural(state.picks.length, 'pick')} recorded so far: the draft was reset while we were not looking. They are kept as a separate archived draft (${archivedDraftId(state.key, now)}).`,
      ),
      logEntry(now, 'info', 'snapshot', snapshotSummary(next)),
    );
    return { state: next, log, archived };
  }
  log.push(...reconciliationLog(reconciled, state.hasSnapshot, now));
  log.push(logEntry(now, 'info', 'snapshot', snapshotSummary(next)));
  return { state: next, log };
}

/**
 * A RESET frame can be missed (the page reloads on it, or frames are lost). Then the next INIT
 * simply lacks every live pick we had. Treating that as a reset keeps those picks as an archived
 * draft instead of logging them as removed; a full undo looks the same and is archived too,
 * which loses nothing.
 */
function looksLikeMissedReset(state: DraftState, reconciled: Reconciliation): boolean {
  if (!state.hasSnapshot) return false;
  const live = state.picks.filter((pick) => !pick.keeper);
  if (live.length === 0) return false;
  const removed = new Set(reconciled.removed);
  return live.every((pick) => removed.has(pick));
}

function draftTypeOf(code: number, reading: DraftTypeReading, current: DraftType, now: number, log: LogEntry[]): DraftType {
  if (reading.type === 'auction') {
    // The auction code is unknown, so an unfamiliar code here is expected, not a warning.
    if (current !== 'auction') log.push(logEntry(now, 'info', 'draft_type', `Draft type code ${code}, and ${reading.evidence}: treating the draft as an auction.`));
    return 'auction';
  }
  // The table does not say: auction frames already seen decide.
  const type = reading.type ?? (current === 'auction' ? 'auction' : 'snake');
  if (code !== SNAKE_DRAFT_TYPE_CODE) {
    const why = reading.evidence === null ? '' : ` (${reading.evidence})`;
    log.push(logEntry(now, 'warn', 'draft_type', `Unknown draft type code ${code}; treating the draft as ${type === 'auction' ? 'an auction' : 'snake'}${why}.`));
  } else if (current === 'auction' && type === 'snake') {
    log.push(logEntry(now, 'info', 'draft_type', `The draft room snapshot shows a snake draft (${reading.evidence ?? 'code 1'}): treating the draft as snake.`));
  }
  return type;
}

function statusOf(code: number, current: DraftStatus, now: number, log: LogEntry[]): DraftStatus {
  if (code === 0) return 'pre_draft';
  if (code === 1) return 'live';
  if (code === 2) return 'complete';
  log.push(logEntry(now, 'warn', 'status', `Snapshot has unknown draft state ${code}; status stays ${current}.`));
  return current;
}

/** INIT has no team names (they come from REST), so names we already know are kept. */
function teamsOf(draft: InitDraft, known: readonly TeamInfo[]): TeamInfo[] {
  const names = new Map(known.map((team) => [team.teamId, team.name]));
  return draft.teams
    .map((team) => ({
      teamId: team.teamId,
      name: names.get(team.teamId) ?? null,
      draftPosition: team.draftPosition,
      autodraft: team.autoDraftTypeId !== 0,
      online: team.owners.some((owner) => owner.online),
    }))
    .sort((a, b) => a.draftPosition - b.draftPosition || a.teamId - b.teamId);
}

function reconciliationLog(result: Reconciliation, hadSnapshot: boolean, now: number): LogEntry[] {
  const log: LogEntry[] = [];
  for (const { ours, theirs } of result.corrected) {
    log.push(
      logEntry(
        now,
        'warn',
        'pick_corrected',
        `Pick ${theirs.overallPick} corrected: ESPN has ${describe(theirs)}, we had ${describe(ours)}.`,
      ),
    );
  }
  if (result.removed.length > 0) {
    const which = result.removed.map((pick) => `${pick.overallPick} (player ${pick.playerId})`).join(', ');
    log.push(
      logEntry(
        now,
        'warn',
        'pick_removed',
        `Removed ${plural(result.removed.length, 'pick')} that ESPN shows as open (undone): ${which}.`,
      ),
    );
  }
  // On the first snapshot every filled slot is "new"; only later ones reveal missed frames.
  if (hadSnapshot && result.added.length > 0) {
    log.push(logEntry(now, 'info', 'caught_up', `Caught up ${plural(result.added.length, 'missed pick')}.`));
  }
  return log;
}

function snapshotSummary(state: DraftState): string {
  const made = plural(state.picks.length, 'pick');
  const next = firstOpenSlot(state);
  if (next === null) return `Snapshot: ${made} made, no open pick left.`;
  return `Snapshot: ${made} made, next pick ${next.overallPick} (team ${next.teamId}).`;
}

function describe(pick: Pick): string {
  return `player ${pick.playerId} for team ${pick.teamId}${pick.keeper ? ' (keeper)' : ''}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
