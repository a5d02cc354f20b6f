import type { DraftStore } from '../store/draft-store';
import { applyApiPicks, type ApiDraftBoard } from '../draft/apply-api-picks';
import { logEntry } from '../draft/log';
import { result, type Reduction } from '../draft/reduction';
import { sealBoard } from '../draft/sealed-board';
import type { DraftState, DraftStatus, LogEntry } from '../draft/types';
import { appendEvents, type DraftRecord, type FinalBoardProgress } from '../store/records';
import { draftDetailSchema, picksFromApi, readApiResponse } from './league-api';
import { draftDetailRequest, send, type FetchAnswer, type Transports } from './league-client';
import { DEFAULT_LOOKUP_OPTIONS, hasAttemptsLeft, leaseMs, retryDelayMs, type LookupOptions } from './retry';

/**
 * After the draft, the pick log is checked once against ESPN's final board
 * (mDraftDetail, protocol.md §4.3). The schedule is the finalBoard entry of
 * retry.ts; its progress is durable (the store's finalBoardChecks) and bounded; hook batches, which keep arriving after the
 * draft, drive it, so no timers are needed. Nothing here changes a draft's
 * state unless ESPN's board was read.
 */

export type ReconcileProgress = FinalBoardProgress;

export type ReconcileStep = 'attempt' | 'wait' | 'done';

export function nextReconcileStep(
  progress: ReconcileProgress | undefined,
  status: DraftStatus,
  now: number,
  options: LookupOptions = DEFAULT_LOOKUP_OPTIONS,
): ReconcileStep {
  if (progress !== undefined && (progress.done || !hasAttemptsLeft(options.finalBoard, progress.attempts))) return 'done';
  if (status !== 'complete') return 'wait';
  if (progress === undefined) return 'attempt';
  return now >= progress.nextAttemptAt ? 'attempt' : 'wait';
}

/** Recorded before the request goes out. */
export function markAttempt(progress: ReconcileProgress | undefined, now: number, options: LookupOptions = DEFAULT_LOOKUP_OPTIONS): ReconcileProgress {
  return { attempts: (progress?.attempts ?? 0) + 1, nextAttemptAt: now + leaseMs(options.finalBoard, options), done: false };
}

/** What one request yielded: ESPN's board, a final refusal, or a failure worth retrying. */
export type AttemptResult =
  | { kind: 'board'; board: ApiDraftBoard }
  | { kind: 'final'; outcome: 'private' | 'not-found'; message: string }
  | { kind: 'retry'; message: string };

export function readAttempt(answer: FetchAnswer, options: LookupOptions = DEFAULT_LOOKUP_OPTIONS): AttemptResult {
  if (!answer.ok) {
    return answer.error === 'timeout'
      ? { kind: 'retry', message: `ESPN's API did not answer within ${options.finalBoard.timeoutMs / 1000} s` }
      : { kind: 'retry', message: `Could not reach ESPN's API (${answer.message})` };
  }
  const read = readApiResponse(answer.status, answer.body, draftDetailSchema);
  if (read.ok) return { kind: 'board', board: picksFromApi(read.value) };
  switch (read.problem) {
    case 'not-visible':
      return { kind: 'final', outcome: 'private', message: "League is private: ESPN's API needs your ESPN login cookies; kept the socket's picks" };
    case 'not-found':
      return {
        kind: 'final',
        outcome: 'not-found',
        message: "ESPN's API does not show this league (mock drafts are not readable); kept the socket's picks",
      };
    case 'server-error':
      return { kind: 'retry', message: `ESPN's API failed (${read.message})` };
    case 'unexpected-status':
      return { kind: 'retry', message: `ESPN's API answered with an unexpected ${read.message}` };
    case 'malformed':
      return { kind: 'retry', message: `ESPN's API sent an unreadable answer (${read.message})` };
  }
}

/** The progress after an attempt, and what to log about the request itself (the board's own findings come from applyApiPicks). */
export function settleAttempt(
  marked: ReconcileProgress,
  attempt: AttemptResult,
  now: number,
  options: LookupOptions = DEFAULT_LOOKUP_OPTIONS,
): { progress: ReconcileProgress; log: LogEntry[] } {
  const { attempts } = marked;
  const schedule = options.finalBoard;
  if (attempt.kind === 'board' && attempt.board.drafted) {
    return { progress: { attempts, nextAttemptAt: now, done: true, outcome: 'confirmed' }, log: [] };
  }
  if (attempt.kind === 'final') {
    return {
      progress: { attempts, nextAttemptAt: now, done: true, outcome: attempt.outcome },
      log: [logEntry(now, 'warn', 'api_unavailable', attempt.message)],
    };
  }
  // ESPN's board can lag the socket's "complete" by a moment, so "not drafted yet" is retried too.
  const notReady = attempt.kind === 'board';
  if (!hasAttemptsLeft(schedule, attempts)) {
    const log = notReady ? [] : [logEntry(now, 'warn', 'api_unavailable', attempt.message)];
    const why = notReady ? "ESPN's API still had no picks" : "Could not read ESPN's API";
    log.push(logEntry(now, 'warn', 'api_unavailable', `${why} after ${attempts} attempts; gave up and kept the socket's picks`));
    return { progress: { attempts, nextAttemptAt: now, done: true, outcome: 'gave-up' }, log };
  }
  const delay = retryDelayMs(schedule, attempts);
  const retry = `will retry in ${delay / 1000} s (attempt ${attempts} of ${schedule.maxAttempts})`;
  const entry = notReady
    ? logEntry(now, 'info', 'api_reconcile', `ESPN's final board is not ready yet; ${retry}`)
    : logEntry(now, 'warn', 'api_unavailable', `${attempt.message}; ${retry}`);
  return { progress: { attempts, nextAttemptAt: now + delay, done: false }, log: [entry] };
}

export interface ReconcileDeps {
  store: Pick<DraftStore, 'getDraft' | 'getFinalBoardProgress'>;
  transports: Pick<Transports, 'tab'>;
  now(): number;
  options?: LookupOptions;
}

export interface ReconcileOutcome {
  progress: ReconcileProgress;
  /** ESPN's board when it was read; apply it to the latest state with applyReconcileOutcome. */
  board: ApiDraftBoard | null;
  log: LogEntry[];
}

/**
 * One attempt: reads mDraftDetail from the draft tab's origin (so a private
 * league gets the user's cookies) and settles the claimed progress. Changes
 * nothing itself; any failure becomes a log entry and a null board.
 */
export async function reconcileWithRest(deps: ReconcileDeps, tabId: number, draftId: string): Promise<ReconcileOutcome> {
  const options = deps.options ?? DEFAULT_LOOKUP_OPTIONS;
  const marked = (await deps.store.getFinalBoardProgress(draftId)) ?? markAttempt(undefined, deps.now(), options);
  const record = await deps.store.getDraft(draftId);
  if (!record) return { progress: { ...marked, done: true, outcome: 'no-draft' }, board: null, log: [] };
  const answer = await send(deps.transports.tab(tabId), draftDetailRequest(record.state.key, options));
  const attempt = readAttempt(answer, options);
  const settled = settleAttempt(marked, attempt, deps.now(), options);
  return { progress: settled.progress, board: attempt.kind === 'board' ? attempt.board : null, log: settled.log };
}

/** Applies an outcome to the latest committed state: the draft may have moved on while the request ran. */
export function applyReconcileOutcome(state: DraftState, outcome: ReconcileOutcome, now: number): Reduction {
  if (outcome.board === null) return result(state, outcome.log);
  if (state.status !== 'complete') {
    return result(state, [
      ...outcome.log,
      logEntry(now, 'warn', 'api_reconcile', "The draft is no longer complete; ignored ESPN's API board"),
    ]);
  }
  const reduction = applyApiPicks(state, outcome.board, now);
  // Applied means ESPN's final board was read and the log now agrees with it as far as it can: sealed.
  const applied = outcome.board.drafted && state.slots.length > 0 && state.teams.length > 0;
  return result(applied ? sealBoard(reduction.state, now) : reduction.state, [...reduction.log, ...outcome.log]);
}

/** Claims the next attempt when one is due, recording it before the request goes out. */
export async function claimReconcileAttempt(
  store: Pick<DraftStore, 'getDraft' | 'getFinalBoardProgress' | 'setFinalBoardProgress'>,
  draftId: string,
  now: number,
  options: LookupOptions = DEFAULT_LOOKUP_OPTIONS,
): Promise<boolean> {
  const record = await store.getDraft(draftId);
  if (!record) return false;
  const progress = await store.getFinalBoardProgress(draftId);
  if (nextReconcileStep(progress, record.state.status, now, options) !== 'attempt') return false;
  await store.setFinalBoardProgress(draftId, markAttempt(progress, now, options));
  return true;
}

/**
 * Commits an outcome (run inside the worker's queue): the draft first, then the
 * progress, so a worker killed in between retries rather than losing the board.
 * Returns what was logged and the draft record written, if one was.
 */
export async function commitReconcileOutcome(
  store: Pick<DraftStore, 'getDraft' | 'saveBatch' | 'setFinalBoardProgress'>,
  draftId: string,
  outcome: ReconcileOutcome,
  now: number,
): Promise<{ log: LogEntry[]; saved: DraftRecord | undefined }> {
  const latest = await store.getDraft(draftId);
  let log: LogEntry[] = [];
  let saved: DraftRecord | undefined;
  if (latest) {
    const reduction = applyReconcileOutcome(latest.state, outcome, now);
    log = reduction.log;
    if (reduction.state !== latest.state || log.length > 0) {
      saved = { ...latest, state: reduction.state, events: appendEvents(latest.events, log) };
      await store.saveBatch([saved], null);
    }
  }
  await store.setFinalBoardProgress(draftId, outcome.progress);
  return { log, saved };
}
