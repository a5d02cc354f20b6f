import type { DraftPageContext } from '../contract/draft-page-url';
import type { HookItem } from '../contract/page-events';
import type { DraftKey, DraftState, LogEntry, ProtocolDrift } from '../draft/types';
import type { DraftEvent } from '../protocol/events';
import { createDraftState } from '../draft/create-draft';
import { reduceDraftSession } from '../draft/session';
import { emptyDrift } from '../draft/drift';
import { markDesynced } from '../draft/mark-desynced';
import { parseFrame } from '../protocol/parse-frame';
import { draftIdOf, draftKeyFor, keyOfDraftId, pageDraftKey } from '../draft/draft-id';
import type { SocketProgress, TabSession } from '../store/records';

/** A draft the ingest step may read and write, by id. Missing ids are created on demand. */
export type DraftLookup = (id: string) => DraftState | undefined;
/** The protocol drift counted so far for a draft, by id; missing ids start from emptyDrift(). */
export type DriftLookup = (id: string) => ProtocolDrift | undefined;

export interface IngestResult {
  session: TabSession;
  /** Drafts whose state changed, by id. */
  drafts: Map<string, DraftState>;
  /** Log entries per draft id. */
  logs: Map<string, LogEntry[]>;
  /** Drafts whose protocol drift changed, by id. */
  drifts: Map<string, ProtocolDrift>;
  /**
   * Drafts as they stood before a commissioner reset, in order, each to be stored under its
   * `archive.id` before the live draft's new state (src/draft/reduction.ts).
   */
  archived: DraftState[];
  /** Every applied item, in order, for the connection supervisor. */
  lifecycle: LifecycleEntry[];
}

export interface LifecycleEntry {
  item: HookItem;
  draftId: string | null;
  /** The parsed event, for frames. */
  event?: DraftEvent;
  /** Picks an INIT added to the log (missed while disconnected). */
  caughtUp?: number;
  /** The draft's state after this item. */
  draft?: DraftState;
  /** This frame showed the log can no longer place picks by itself: a fresh INIT is needed. */
  desync?: boolean;
}

const MAX_TRACKED_SOCKETS = 32;

/**
 * Applies one relay batch for one tab. Pure: the caller supplies the current
 * drafts and persists the result. Frames already applied (same socket, seq not
 * newer) are skipped, which makes redelivery harmless.
 */
export function ingestHookItems(
  session: TabSession,
  page: DraftPageContext,
  items: readonly HookItem[],
  lookup: DraftLookup,
  now: number,
  lookupDrift: DriftLookup = () => undefined,
): IngestResult {
  const drafts = new Map<string, DraftState>();
  const logs = new Map<string, LogEntry[]>();
  const drifts = new Map<string, ProtocolDrift>();
  const archived: DraftState[] = [];
  const lifecycle: IngestResult['lifecycle'] = [];
  let current: TabSession = { ...session, sockets: { ...session.sockets }, updatedAt: now };

  const draftFor = (id: string, key: DraftKey): DraftState => drafts.get(id) ?? lookup(id) ?? createDraftState(key, now);
  const driftFor = (id: string): ProtocolDrift => drifts.get(id) ?? lookupDrift(id) ?? emptyDrift();
  // The lists in `logs` are this call's own, so they grow in place (no copy per frame).
  const addLog = (id: string, entries: LogEntry[]): void => {
    if (entries.length === 0) return;
    const list = logs.get(id);
    if (list) list.push(...entries);
    else logs.set(id, entries.slice());
  };
  // Socket progress copied from `session` once per call and then updated in place, instead of
  // a fresh copy per frame: the caller's session is never mutated.
  const ownedProgress = new Set<string>();
  const ownProgress = (sid: string): SocketProgress => {
    const progress = current.sockets[sid]!;
    if (ownedProgress.has(sid)) return progress;
    ownedProgress.add(sid);
    return (current.sockets[sid] = { ...progress });
  };

  for (const item of items) {
    if (item.k === 'unload') {
      lifecycle.push({ item, draftId: current.draftId });
      continue;
    }
    if (item.k === 'open') {
      const key = draftKeyFor(item.url, page);
      const id = draftIdOf(key);
      // A redelivered open must not reset the socket's progress, or its frames would apply twice.
      current.sockets[item.sid] ??= { draftId: id, lastSeq: 0, openedAt: item.at, closedAt: null };
      current.activeSocketId = item.sid;
      current.draftId = id;
      drafts.set(id, draftFor(id, key));
      lifecycle.push({ item, draftId: id });
      continue;
    }
    const socket = current.sockets[item.sid];
    // A socket we never saw open (e.g. its open item was lost): it belongs to this page's draft.
    const draftId = socket?.draftId ?? current.draftId ?? draftIdOf(pageDraftKey(page));
    if (socket === undefined) current.sockets[item.sid] = { draftId, lastSeq: 0, openedAt: item.at, closedAt: null };
    if (item.k === 'frame') {
      if (item.seq <= current.sockets[item.sid]!.lastSeq) continue;
      const progress = ownProgress(item.sid);
      const missed = item.seq - progress.lastSeq - 1;
      progress.lastSeq = item.seq;
      const key = keyOfDraftId(draftId);
      let state = draftFor(draftId, key);
      const event = parseFrame(item.data, item.dir);
      // A lost frame may have been a pick: placing later picks by position would shift them.
      const desyncReason = missed > 0 && event.type !== 'init' ? `Lost ${missed} frame${missed === 1 ? '' : 's'} from the draft socket` : null;
      const before = state;
      if (desyncReason) {
        const marked = markDesynced(state, desyncReason, item.at);
        state = marked.state;
        addLog(draftId, marked.log);
      }
      const driftBefore = driftFor(draftId);
      const step = reduceDraftSession({ state, drift: driftBefore }, event, item.at);
      if (step.session.drift !== driftBefore) drifts.set(draftId, step.session.drift);
      if (step.archived !== undefined) archived.push(step.archived);
      let reduction = { state: step.session.state, log: step.log };
      const misplaced = reduction.log.some((entry) => entry.kind === 'pick_mismatch');
      if (misplaced) {
        const marked = markDesynced(reduction.state, 'A pick did not match its slot in the pick table', item.at);
        reduction = { state: marked.state, log: reduction.log.concat(marked.log) };
      }
      if (reduction.state !== before || !drafts.has(draftId)) drafts.set(draftId, reduction.state);
      addLog(draftId, reduction.log);
      const caughtUp = event.type === 'init' ? Math.max(0, countAdded(before, reduction.state)) : undefined;
      const desync = reduction.state.awaitingSnapshot === true && before.awaitingSnapshot !== true;
      lifecycle.push({ item, draftId, event, caughtUp, draft: reduction.state, ...(desync ? { desync: true } : {}) });
      continue;
    }
    if (item.k === 'close') ownProgress(item.sid).closedAt = item.at;
    lifecycle.push({ item, draftId });
  }

  current = { ...current, sockets: pruneSockets(current.sockets, current.activeSocketId) };
  return { session: current, drafts, logs, drifts, archived, lifecycle };
}

function countAdded(before: DraftState, after: DraftState): number {
  const known = new Set(before.picks.map((pick) => pick.overallPick));
  return after.picks.filter((pick) => !known.has(pick.overallPick)).length;
}

function pruneSockets(sockets: TabSession['sockets'], activeId: string | null): TabSession['sockets'] {
  const ids = Object.keys(sockets);
  if (ids.length <= MAX_TRACKED_SOCKETS) return sockets;
  const keep = ids
    .sort((a, b) => (sockets[b]?.openedAt ?? 0) - (sockets[a]?.openedAt ?? 0))
    .slice(0, MAX_TRACKED_SOCKETS);
  if (activeId !== null && !keep.includes(activeId)) keep.push(activeId);
  return Object.fromEntries(keep.map((id) => [id, sockets[id]!]));
}
