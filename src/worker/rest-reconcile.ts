import type { DraftStore } from '../adapters/store';
import { applyApiPicks, type ApiDraftBoard } from '../draft/apply-api-picks';
import { logEntry } from '../draft/log';
import { result, type Reduction } from '../draft/reduction';
import type { DraftState, DraftStatus, LogEntry } from '../draft/types';
import { draftDetailSchema, leagueUrl, picksFromApi, readApiResponse } from '../espn/league-api';
import type { PageFetchResult } from '../contract/page-fetch';
import { appendEvents } from './records';
import type { PageFetch } from './team-names';

/**
 * After the draft, the pick log is checked once against ESPN's final board
 * (mDraftDetail, protocol.md §4.3). The schedule is durable (store meta under
 * `rest:<draftId>`) and bounded; hook batches, which keep arriving after the
 * draft, drive it, so no timers are needed. Nothing here changes a draft's
 * state unless ESPN's board was read.
 */

export const MAX_RECONCILE_ATTEMPTS = 4;
/** How long to wait after failed attempt 1, 2 and 3. */
export const RECONCILE_RETRY_DELAYS_MS: readonly number[] = [3_000, 10_000, 30_000];
export const RECONCILE_TIMEOUT_MS = 15_000;
/** A claimed attempt holds off the next one this long, so a worker killed mid-request neither loops nor stalls. */
export const RECONCILE_LEASE_MS = RECONCILE_TIMEOUT_MS + 5_000;

export type ReconcileOutcomeName = 'confirmed' | 'private' | 'not-found' | 'gave-up' | 'no-draft';

export interface ReconcileProgress {
  /** Attempts claimed so far, including one that may still be running. */
  attempts: number;
  /** Epoch ms before which no new attempt starts. */
  nextAttemptAt: number;
  done: boolean;
  outcome?: ReconcileOutcomeName;
}

export type ReconcileStep = 'attempt' | 'wait' | 'done';

export function reconcileMetaKey(draftId: string): string {
  return `rest:${draftId}`;
}

export function nextReconcileStep(progress: ReconcileProgress | undefined, status: DraftStatus, now: number): ReconcileStep {
  if (progress !== undefined && (progress.done || progress.attempts >= MAX_RECONCILE_ATTEMPTS)) return 'done';
  if (status !== 'complete') return 'wait';
  if (progress === undefined) return 'attempt';
  return now >= progress.nextAttemptAt ? 'attempt' : 'wait';
}

/** Recorded before the request goes out. */
export function markAttempt(progress: ReconcileProgress | undefined, now: number): ReconcileProgress {
  return { attempts: (progress?.attempts ?? 0) + 1, nextAttemptAt: now + RECONCILE_LEASE_MS, done: false };
}

/** What one request yielded: ESPN's board, a final refusal, or a failure worth retrying. */
export type AttemptResult =
  | { kind: 'board'; board: ApiDraftBoard }
  | { kind: 'final'; outcome: 'private' | 'not-found'; message: string }
  | { kind: 'retry'; message: string };

export function readAttempt(answer: PageFetchResult): AttemptResult {
  if (!answer.ok) {
    return answer.error === 'timeout'
      ? { kind: 'retry', message: `ESPN's API did not answer within ${RECONCILE_TIMEOUT_MS / 1000} s` }
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
export function settleAttempt(marked: ReconcileProgress, attempt: AttemptResult, now: number): { progress: ReconcileProgress; log: LogEntry[] } {
  const { attempts } = marked;
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
  if (attempts >= MAX_RECONCILE_ATTEMPTS) {
    const log = notReady ? [] : [logEntry(now, 'warn', 'api_unavailable', attempt.message)];
    const why = notReady ? "ESPN's API still had no picks" : "Could not read ESPN's API";
    log.push(logEntry(now, 'warn', 'api_unavailable', `${why} after ${attempts} attempts; gave up and kept the socket's picks`));
    return { progress: { attempts, nextAttemptAt: now, done: true, outcome: 'gave-up' }, log };
  }
  const delay = RECONCILE_RETRY_DELAYS_MS[attempts - 1] ?? RECONCILE_RETRY_DELAYS_MS[RECONCILE_RETRY_DELAYS_MS.length - 1]!;
  const retry = `will retry in ${delay / 1000} s (attempt ${attempts} of ${MAX_RECONCILE_ATTEMPTS})`;
  const entry = notReady
    ? logEntry(now, 'info', 'api_reconcile', `ESPN's final board is not ready yet; ${retry}`)
    : logEntry(now, 'warn', 'api_unavailable', `${attempt.message}; ${retry}`);
  return { progress: { attempts, nextAttemptAt: now + delay, done: false }, log: [entry] };
}

export interface ReconcileDeps {
  store: Pick<DraftStore, 'getDraft' | 'getMeta'>;
  pageFetch: PageFetch;
  now(): number;
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
  const marked = (await deps.store.getMeta<ReconcileProgress>(reconcileMetaKey(draftId))) ?? markAttempt(undefined, deps.now());
  const record = await deps.store.getDraft(draftId);
  if (!record) return { progress: { ...marked, done: true, outcome: 'no-draft' }, board: null, log: [] };
  const { game, seasonId, leagueId } = record.state.key;
  const url = leagueUrl(game, seasonId, leagueId, ['mDraftDetail']);
  let answer: PageFetchResult;
  try {
    answer = await deps.pageFetch(tabId, url, { 'x-fantasy-source': 'kona' }, RECONCILE_TIMEOUT_MS);
  } catch (error) {
    answer = { ok: false, error: 'network', message: String(error) };
  }
  const attempt = readAttempt(answer);
  const settled = settleAttempt(marked, attempt, deps.now());
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
  return result(reduction.state, [...reduction.log, ...outcome.log]);
}

/** Claims the next attempt when one is due, recording it before the request goes out. */
export async function claimReconcileAttempt(
  store: Pick<DraftStore, 'getDraft' | 'getMeta' | 'setMeta'>,
  draftId: string,
  now: number,
): Promise<boolean> {
  const record = await store.getDraft(draftId);
  if (!record) return false;
  const key = reconcileMetaKey(draftId);
  const progress = await store.getMeta<ReconcileProgress>(key);
  if (nextReconcileStep(progress, record.state.status, now) !== 'attempt') return false;
  await store.setMeta(key, markAttempt(progress, now));
  return true;
}

/**
 * Commits an outcome (run inside the worker's queue): the draft first, then the
 * progress, so a worker killed in between retries rather than losing the board.
 * Returns what was logged.
 */
export async function commitReconcileOutcome(
  store: Pick<DraftStore, 'getDraft' | 'saveBatch' | 'setMeta'>,
  draftId: string,
  outcome: ReconcileOutcome,
  now: number,
): Promise<LogEntry[]> {
  const latest = await store.getDraft(draftId);
  let log: LogEntry[] = [];
  if (latest) {
    const reduction = applyReconcileOutcome(latest.state, outcome, now);
    log = reduction.log;
    if (reduction.state !== latest.state || log.length > 0) {
      await store.saveBatch([{ ...latest, state: reduction.state, events: appendEvents(latest.events, log) }], null);
    }
  }
  await store.setMeta(reconcileMetaKey(draftId), outcome.progress);
  return log;
}
