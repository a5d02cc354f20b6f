import type { InitDraft, InitSnapshot } from '../protocol/init/init-types';
import { logEntry } from './log';
import { firstOpenSlot, inferOnTheClock } from './pick-table';
import { reconcilePicks, type Reconciliation } from './reconcile-picks';
import type { Reduction } from './reduction';
import type { DraftState, DraftStatus, DraftType, LogEntry, Pick, TeamInfo } from './types';
import { findInitProblem } from './validate-init';

/**
 * Every (re)connection gets a fresh INIT holding every pick made so far, and
 * missed SELECTED frames are never replayed: take settings from it and make our
 * pick log agree with its table.
 */
export function applyInit(state: DraftState, snapshot: InitSnapshot, now: number): Reduction {
  const problem = findInitProblem(snapshot, state.key.leagueId);
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
  const reconciled = reconcilePicks(state.picks, table, teamCount, rosterTemplate, now);

  const next: DraftState = {
    ...state,
    myTeamId: snapshot.myTeamId,
    type: draftTypeOf(draft.draftType, now, log),
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
  next.onTheClock = inferOnTheClock(next, now);

  log.push(...reconciliationLog(reconciled, state.hasSnapshot, now));
  log.push(logEntry(now, 'info', 'snapshot', snapshotSummary(next)));
  return { state: next, log };
}

function draftTypeOf(code: number, now: number, log: LogEntry[]): DraftType {
  if (code !== 1) {
    // Only snake (1) has been captured; the auction code is unknown, so we
    // cannot tell an auction from anything else yet.
    log.push(logEntry(now, 'warn', 'draft_type', `Unknown draft type code ${code}; treating the draft as snake.`));
  }
  return 'snake';
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
