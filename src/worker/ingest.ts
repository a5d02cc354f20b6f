import type { DraftPageContext } from '../contract/draft-page-url';
import type { HookItem } from '../contract/page-events';
import type { DraftKey, DraftState, LogEntry, ProtocolDrift } from '../draft/types';
import type { DraftEvent } from '../protocol/events';
import { createDraftState } from '../draft/create-draft';
import { reduceDraftSession } from '../draft/session';
import { emptyDrift } from '../draft/drift';
import { markDesynced } from '../draft/mark-desynced';
import { parseFrame } from '../protocol/parse-frame';
import { draftIdOf, keyOfDraftId, pageDraftKey } from '../draft/draft-id';
import { admitsLifecycle, capSockets, judgeFrame, judgeSocketOpen, refusedSocket } from '../draft/socket-rules';
import { logEntry } from '../draft/log';
import type { TabSession } from '../store/records';

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
  /** What the frame rules dropped, in plain words (also in the tab's draft log when it has one). */
  refusals: string[];
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

/**
 * Applies one relay batch for one tab. Pure: the caller supplies the current
 * drafts and persists the result. Frames already applied (same socket, seq not
 * newer) are skipped, which makes redelivery harmless. What may reach the draft at all is
 * decided by the frame rules (src/draft/socket-rules.ts): a socket for another game or league,
 * a socket never seen to open, or a late INIT is dropped and logged, and never switches the tab's draft.
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
  const refusals: string[] = [];
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
  /** The tab's draft, which a refused item must never switch: its log tells the user what was dropped. */
  const tabDraftId = (): string => current.draftId ?? draftIdOf(pageDraftKey(page));
  const refuse = (message: string): void => {
    refusals.push(message);
    if (current.draftId !== null) addLog(current.draftId, [logEntry(now, 'warn', 'frame_refused', message)]);
  };

  for (const item of items) {
    if (item.k === 'unload') {
      lifecycle.push({ item, draftId: current.draftId });
      continue;
    }
    if (item.k === 'open') {
      const known = current.sockets[item.sid];
      if (known?.refused !== undefined) continue;
      const verdict = judgeSocketOpen(item.url, page);
      if (!verdict.admit) {
        current.sockets[item.sid] = refusedSocket(tabDraftId(), item.at, verdict.reason);
        refuse(`Ignored a socket the draft page opened: ${verdict.reason}.`);
        continue;
      }
      const id = draftIdOf(verdict.key);
      // A redelivered open must not reset the socket's progress, or its frames would apply twice.
      current.sockets[item.sid] = known ?? { draftId: id, lastSeq: 0, openedAt: item.at, closedAt: null };
      current.activeSocketId = item.sid;
      current.draftId = id;
      drafts.set(id, draftFor(id, verdict.key));
      lifecycle.push({ item, draftId: id });
      continue;
    }
    const progress = current.sockets[item.sid];
    if (item.k === 'frame') {
      // Parsed only when the verdict may apply it: an unknown, refused or redelivered socket's frame is never read.
      const unread = progress === undefined || progress.refused !== undefined || item.seq <= progress.lastSeq;
      const event = unread ? null : parseFrame(item.data, item.dir);
      const verdict = judgeFrame(progress, item.seq, event ?? UNREAD, item.at, tabDraftId());
      if (verdict.record !== undefined) current.sockets[item.sid] = verdict.record;
      if (!verdict.apply) {
        if (verdict.log !== null) refuse(verdict.log);
        continue;
      }
      const draftId = progress!.draftId;
      const missed = item.seq - progress!.lastSeq - 1;
      const key = keyOfDraftId(draftId);
      let state = draftFor(draftId, key);
      const parsed = event!;
      // A lost frame may have been a pick: placing later picks by position would shift them.
      const desyncReason = missed > 0 && parsed.type !== 'init' ? `Lost ${missed} frame${missed === 1 ? '' : 's'} from the draft socket` : null;
      const before = state;
      if (desyncReason) {
        const marked = markDesynced(state, desyncReason, item.at);
        state = marked.state;
        addLog(draftId, marked.log);
      }
      const driftBefore = driftFor(draftId);
      const step = reduceDraftSession({ state, drift: driftBefore }, parsed, item.at);
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
      const caughtUp = parsed.type === 'init' ? Math.max(0, countAdded(before, reduction.state)) : undefined;
      const desync = reduction.state.awaitingSnapshot === true && before.awaitingSnapshot !== true;
      lifecycle.push({ item, draftId, event: parsed, caughtUp, draft: reduction.state, ...(desync ? { desync: true } : {}) });
      continue;
    }
    if (!admitsLifecycle(progress)) {
      if (progress === undefined) {
        const reason = 'its socket was never seen to open';
        current.sockets[item.sid] = refusedSocket(tabDraftId(), item.at, reason);
        refuse(`Dropped a socket ${item.k} report from the draft page: ${reason}.`);
      }
      continue;
    }
    if (item.k === 'close') current.sockets[item.sid] = { ...progress!, closedAt: item.at };
    lifecycle.push({ item, draftId: progress!.draftId });
  }

  current = { ...current, sockets: capSockets(current.sockets, current.activeSocketId) };
  return { session: current, drafts, logs, drifts, archived, lifecycle, refusals };
}

/** Stands in for a frame that is not parsed because its socket is unknown or refused: the verdict does not read it. */
const UNREAD: DraftEvent = { type: 'unknown', command: '', raw: '' };

function countAdded(before: DraftState, after: DraftState): number {
  const known = new Set(before.picks.map((pick) => pick.overallPick));
  return after.picks.filter((pick) => !known.has(pick.overallPick)).length;
}
