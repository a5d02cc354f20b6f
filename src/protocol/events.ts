import type { InitSnapshot } from './init/init-types';

/** Which way a frame travelled: `in` is ESPN → page, `out` is page → ESPN. */
export type Direction = 'in' | 'out';

/**
 * One draft-socket frame, parsed. The parser never throws: text it cannot read
 * becomes `unknown` (a command we have no grammar for) or `malformed` (a known
 * command whose arguments failed validation). Secrets never appear in events:
 * `TOKEN` keeps only its public ids, and `raw` of a TOKEN frame is redacted.
 */
export type DraftEvent =
  | { type: 'init'; snapshot: InitSnapshot }
  | { type: 'token'; gameId: number; leagueId: number; teamId: number }
  | { type: 'joined'; teamId: number; member: string | null }
  /** `reason` 2 means ESPN kicked this connection for a duplicate one. 0/1 seen in captures; meaning unknown. */
  | { type: 'left'; teamId: number; member: string | null; reason: number | null }
  | { type: 'autodraft'; teamId: number; enabled: boolean }
  | ClockEvent
  | { type: 'state'; state: number }
  | { type: 'selecting'; teamId: number; msAllowed: number }
  /** `member` is the picking member's SWID, null for autopicks. Never stored. */
  | { type: 'selected'; teamId: number; playerId: number; spot: number; member: string | null }
  | { type: 'autosuggest'; playerId: number }
  | { type: 'draftList'; direction: Direction; playerIds: number[] }
  /** Zero-based pick index: pick `index + 1` and all later picks are cleared. */
  | { type: 'undone'; index: number }
  | { type: 'reset' }
  | { type: 'chat'; raw: string }
  | { type: 'error'; code: number; message: string }
  | { type: 'pong'; pingSentAt: number }
  | { type: 'ping'; sentAt: number }
  | { type: 'select'; playerId: number }
  | { type: 'autodraftRequest'; enabled: boolean }
  | AuctionEvent
  | { type: 'unknown'; command: string; raw: string }
  | { type: 'malformed'; command: string; raw: string; error: string };

export type ClockEvent =
  | { type: 'clock'; phase: 'predraft'; msToStart: number }
  | { type: 'clock'; phase: 'pick'; msRemaining: number; teamId: number }
  | { type: 'clock'; phase: 'postdraft' }
  | { type: 'clock'; phase: 'paused' }
  | { type: 'clock'; phase: 'nominating'; msRemaining: number; teamId: number }
  | { type: 'clock'; phase: 'bidding'; msRemaining: number; teamId: number; playerId: number; highBid: number }
  | { type: 'clock'; phase: 'betweenNominations'; msRemaining: number }
  /** A CLOCK code we have not seen documented; kept so nothing is lost. */
  | { type: 'clock'; phase: 'other'; code: number; args: number[] };

/** Auction frames are sourced, not captured (protocol.md §5); several fields are unknown. */
export type AuctionEvent =
  | { type: 'nomination'; teamId: number; clockResetMs: number }
  | { type: 'bid'; teamId: number; playerId: number; amount: number }
  | { type: 'bidAck'; teamId: number; playerId: number; amount: number }
  | { type: 'passed'; teamId: number; playerId: number; auto: boolean }
  | { type: 'sold'; teamId: number; playerId: number; price: number };

export type DraftEventType = DraftEvent['type'];
