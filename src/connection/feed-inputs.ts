import type { DraftState } from '../draft/types';
import { quoteFrameText } from '../draft/redact';
import { isConfirmedComplete } from '../draft/sealed-board';
import type { DraftEvent } from '../protocol/events';
import type { SilencePhase, StallCause } from './silence';
import type { ConnectionInput } from './types';

/**
 * What the page hook reported, as far as the connection cares: the fields of the hook items
 * (src/relay/hook-items.ts `HookItem`) it reads. Written out here so the pure core needs nothing
 * from the relay layer; any `HookItem` is one of these.
 */
export type FeedItem =
  | { k: 'open'; sid: string; at: number }
  | { k: 'frame'; sid: string; dir: 'in' | 'out'; at: number }
  | { k: 'close'; sid: string; at: number; code: number; reason: string; clean: boolean }
  | { k: 'error'; sid: string; at: number }
  | { k: 'stall'; sid: string; at: number; cause: StallCause; silentForMs: number }
  | { k: 'unload'; at: number };

/** One applied hook item as the ingest step reports it (src/worker/ingest.ts `LifecycleEntry`). */
export interface FeedEntry {
  item: FeedItem;
  /** The parsed event, for frames. */
  event?: DraftEvent;
  /** Picks an INIT added to the log (missed while disconnected). */
  caughtUp?: number;
  /** The draft's state after this item. */
  draft?: Pick<DraftState, 'myTeamId' | 'status' | 'completion'>;
  /** This frame showed the log can no longer place picks by itself: a fresh INIT is needed. */
  desync?: boolean;
}

/**
 * Turns one batch's applied items into connection inputs. Only the tab's active socket speaks for
 * the connection: an old socket closing, erring, stalling or sending late frames after its
 * replacement opened says nothing about the live one.
 *
 * @param activeSocketId the tab's active socket before this batch; opens inside the batch move it along
 */
export function feedInputs(entries: readonly FeedEntry[], activeSocketId: string | null): ConnectionInput[] {
  const inputs: ConnectionInput[] = [];
  let active = activeSocketId;
  for (const { item, event, caughtUp, draft, desync } of entries) {
    if (item.k === 'unload') {
      inputs.push({ type: 'pageUnloaded', at: item.at });
      continue;
    }
    if (item.k === 'open') {
      active = item.sid;
      inputs.push({ type: 'socketOpened', at: item.at });
      continue;
    }
    if (item.sid !== active) continue;
    const { at } = item;
    switch (item.k) {
      case 'close':
        // The close reason is server text: it is shown and stored, so it is redacted and capped first.
        inputs.push({ type: 'socketClosed', at, code: item.code, reason: quoteFrameText(item.reason), wasClean: item.clean });
        break;
      case 'error':
        inputs.push({ type: 'socketError', at });
        break;
      case 'stall':
        inputs.push({ type: 'stallDetected', at, cause: item.cause, silentForMs: item.silentForMs });
        break;
      case 'frame':
        if (item.dir === 'out') {
          inputs.push({ type: 'frameSent', at, isPing: event?.type === 'ping' });
          break;
        }
        inputs.push(received(at, event, caughtUp));
        // The socket works but its stream has a hole: only a new socket's INIT fills it.
        if (desync) inputs.push({ type: 'framesLost', at });
        // A commissioner reset: the snapshot is gone until ESPN sends a new INIT.
        if (event?.type === 'reset') inputs.push({ type: 'snapshotReset', at });
        if (isKick(event, draft)) inputs.push({ type: 'kicked', at });
        // Only ESPN's confirmation ends the watch: after a lone STATE 2 a drop is still recovered.
        if (draft !== undefined && isConfirmedComplete(draft)) inputs.push({ type: 'draftCompleted', at });
        break;
    }
  }
  return inputs;
}

function received(at: number, event: DraftEvent | undefined, caughtUp: number | undefined): ConnectionInput {
  if (event?.type === 'init') return { type: 'frameReceived', at, isInit: true, ...(caughtUp === undefined ? {} : { caughtUp }) };
  if (event?.type === 'pong') return { type: 'frameReceived', at, isPong: true, rttMs: at - event.pingSentAt };
  return { type: 'frameReceived', at };
}

/** `LEFT <me> <swid> 2`: ESPN moved this seat to another tab or device. My team comes from the draft, not the URL. */
function isKick(event: DraftEvent | undefined, draft: FeedEntry['draft']): boolean {
  const myTeamId = draft?.myTeamId ?? null;
  return event?.type === 'left' && event.reason === 2 && myTeamId !== null && event.teamId === myTeamId;
}

/**
 * The input that closes every batch: the tab is alive, and where the draft stands sets how long
 * it may stay quiet (the watchdog, watchdog.ts). The last draft status in the batch wins.
 */
export function batchInput(entries: readonly FeedEntry[]): ConnectionInput {
  let quiet: SilencePhase | null = null;
  for (const { draft } of entries) if (draft) quiet = quietPhaseOf(draft.status);
  return { type: 'batchReceived', quiet };
}

function quietPhaseOf(status: DraftState['status']): SilencePhase {
  return status === 'paused' ? 'paused' : status === 'complete' ? 'complete' : 'active';
}
