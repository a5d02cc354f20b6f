import type { DraftEvent } from '../protocol/events';
import { isAuctionEvent } from './auction-events';
import { quoteFrameText } from './redact';
import type { DriftCounters, DriftKind, DriftSample, LogEntry, ProtocolDrift } from './types';

/** Enough examples to show a pattern in a bug report, few enough to keep the state small. */
export const DRIFT_SAMPLE_LIMIT = 5;
const MAX_DETAIL_LENGTH = 160;

/**
 * ESPN's own client commands (protocol.md §3.2, the 19 literals in ESPN's draft bundle). The page
 * sends them; we only model a few, so the rest parse as `unknown` and are not drift. The parser's
 * `unknown` event carries no direction, so an inbound frame spelled like one of these is not
 * counted either: a known, accepted blind spot.
 */
const ESPN_CLIENT_COMMANDS = new Set([
  'PING', 'SELECT', 'AUTODRAFT', 'DRAFT_LIST', 'LEAVE', 'NOMINATE', 'BID', 'PRENOMINATE', 'AUTO_NOMINATION', 'CHAT',
  'PAUSE', 'UNDO', 'RESET', 'ADJUST', 'ASSIGN', 'CENSOR', 'ROUTE', 'SET', 'JOIN',
]);

export function isEspnClientCommand(command: string): boolean {
  return ESPN_CLIENT_COMMANDS.has(command);
}

export function emptyDrift(): ProtocolDrift {
  return {
    counters: { unknownFrames: 0, invalidFrames: 0, undecodableInits: 0, rejectedInits: 0, unknownClocks: 0, auctionFramesInSnakeDraft: 0 },
    samples: [],
  };
}

/**
 * Counts what one event says about protocol drift. `log` is what reduceDraft wrote for the same
 * event: a decoded INIT that failed the consistency checks is only known from it. Returns the same
 * object when there is nothing to count (the common case), so the shell can skip a write.
 * `knownSnake`: the draft state before the event was a snake draft confirmed by a snapshot
 * (isKnownSnake), in which auction frames are left unapplied.
 *
 * Drift is kept beside the draft state rather than in it: a frame we cannot read must leave the
 * draft state exactly as it was (reduceDraft returns the very same object), while still being counted.
 */
export function observeDrift(
  drift: ProtocolDrift,
  event: DraftEvent,
  log: readonly LogEntry[],
  now: number,
  knownSnake = false,
): ProtocolDrift {
  let next = drift;
  if (knownSnake && isAuctionEvent(event)) {
    next = recordDrift(next, 'auctionFramesInSnakeDraft', commandOf(event), 'an auction frame arrived, but the draft room snapshot showed a snake draft', now);
  }
  switch (event.type) {
    case 'unknown':
      if (!isEspnClientCommand(event.command)) next = recordDrift(next, 'unknownFrames', event.command, 'no grammar for this command', now);
      break;
    case 'malformed':
      next =
        event.command === 'INIT'
          ? recordDrift(next, 'undecodableInits', 'INIT', event.error, now)
          : recordDrift(next, 'invalidFrames', event.command, event.error, now);
      break;
    case 'clock':
      if (event.phase === 'other') {
        next = recordDrift(next, 'unknownClocks', 'CLOCK', `state ${event.code} with ${event.args.length} more values`, now);
      }
      break;
    default:
      break;
  }
  for (const entry of log) {
    if (entry.kind === 'snapshot_rejected') next = recordDrift(next, 'rejectedInits', 'INIT', entry.message, now);
  }
  return next;
}

/** Counts one piece of drift and keeps a redacted sample. */
export function recordDrift(drift: ProtocolDrift, kind: DriftKind, command: string, detail: string, now: number): ProtocolDrift {
  const sample: DriftSample = { at: now, kind, command: commandWord(command), detail: shorten(quoteFrameText(detail)) };
  const counters: DriftCounters = { ...drift.counters, [kind]: drift.counters[kind] + 1 };
  return { counters, samples: [...drift.samples, sample].slice(-DRIFT_SAMPLE_LIMIT) };
}

export function totalDrift(drift: ProtocolDrift): number {
  const c = drift.counters;
  return c.unknownFrames + c.invalidFrames + c.undecodableInits + c.rejectedInits + c.unknownClocks + c.auctionFramesInSnakeDraft;
}

export const DRIFT_HEADLINE = 'ESPN changed something; picks may be incomplete';

export interface DriftWarning {
  headline: string;
  /** Plain-words counts, e.g. "3 unknown frames, 1 unreadable INIT". */
  details: string[];
}

/** Whether to warn the user, and what to say; null when nothing unreadable has been seen. */
export function driftWarning(drift: ProtocolDrift | undefined): DriftWarning | null {
  if (drift === undefined || totalDrift(drift) === 0) return null; // undefined: a record stored before drift was counted
  const c = drift.counters;
  const details = [
    count(c.unknownFrames, 'frame of an unknown type', 'frames of an unknown type'),
    count(c.invalidFrames, 'frame that could not be read', 'frames that could not be read'),
    count(c.undecodableInits, 'draft room snapshot that could not be decoded', 'draft room snapshots that could not be decoded'),
    count(c.rejectedInits, 'draft room snapshot that did not add up', 'draft room snapshots that did not add up'),
    count(c.unknownClocks, 'clock in an unknown state', 'clocks in an unknown state'),
    count(c.auctionFramesInSnakeDraft, 'auction frame in a draft read as snake', 'auction frames in a draft read as snake'),
  ].filter((line): line is string => line !== null);
  return { headline: DRIFT_HEADLINE, details };
}

function commandOf(event: DraftEvent): string {
  switch (event.type) {
    case 'nomination':
      return 'NOMINATION';
    case 'bid':
      return 'BID';
    case 'bidAck':
      return 'BID_ACK';
    case 'sold':
      return 'SOLD';
    default:
      return 'CLOCK';
  }
}

function count(n: number, one: string, many: string): string | null {
  if (n === 0) return null;
  return `${n} ${n === 1 ? one : many}`;
}

/** ESPN commands are short upper-case words; anything else may be a garbled secret. */
function commandWord(command: string): string {
  return /^[A-Z_]{1,24}$/.test(command) ? command : '(unreadable)';
}

function shorten(text: string): string {
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}…` : text;
}
