import type { z } from '../zod-setup';
import { clockEvent } from './clock-event';
import type { DraftEvent, Direction } from './events';
import { frameArgs as A } from './frame-schemas';

/** How one command's arguments are validated and turned into an event. */
export interface FrameRule {
  argNames: readonly string[];
  schema: z.ZodType;
  toEvent(args: unknown): DraftEvent;
}

function rule<S extends z.ZodType>(
  schema: S,
  argNames: readonly string[],
  toEvent: (args: z.output<S>) => DraftEvent,
): FrameRule {
  return { schema, argNames, toEvent };
}

const draftList = (direction: Direction): FrameRule =>
  rule(A.draftList, ['playerId'], (playerIds) => ({ type: 'draftList', direction, playerIds }));

/** Server → client (protocol.md §3.1, auction §5). INIT and CHAT are handled before these rules. */
const INBOUND: Readonly<Record<string, FrameRule>> = {
  TOKEN: rule(A.token, ['token'], ([ids]) => ({ type: 'token', ...ids })),
  JOINED: rule(A.joined, ['teamId', 'member'], ([teamId, member]) => ({ type: 'joined', teamId, member: member ?? null })),
  LEFT: rule(A.left, ['teamId', 'member', 'reason'], ([teamId, member, reason]) => ({
    type: 'left',
    teamId,
    member: member ?? null,
    reason: reason ?? null,
  })),
  AUTODRAFT: rule(A.autodraft, ['teamId', 'enabled'], ([teamId, enabled]) => ({ type: 'autodraft', teamId, enabled })),
  CLOCK: rule(A.clock, ['clock value'], (values) => clockEvent(values)),
  STATE: rule(A.state, ['state'], ([state]) => ({ type: 'state', state })),
  SELECTING: rule(A.selecting, ['teamId', 'msAllowed'], ([teamId, msAllowed]) => ({ type: 'selecting', teamId, msAllowed })),
  SELECTED: rule(A.selected, ['teamId', 'playerId', 'spot', 'member'], ([teamId, playerId, spot, member]) => ({
    type: 'selected',
    teamId,
    playerId,
    spot,
    member: member ?? null,
  })),
  AUTOSUGGEST: rule(A.autosuggest, ['playerId'], ([playerId]) => ({ type: 'autosuggest', playerId })),
  DRAFT_LIST: draftList('in'),
  UNDONE: rule(A.undone, ['index'], ([index]) => ({ type: 'undone', index })),
  RESET: rule(A.reset, [], () => ({ type: 'reset' })),
  ERROR: rule(A.error, ['code', 'message'], ({ code, words }) => ({ type: 'error', code, message: words })),
  PONG: rule(A.heartbeat, ['payload'], ([pingSentAt]) => ({ type: 'pong', pingSentAt })),
  NOMINATION: rule(A.nomination, ['teamId', 'clockResetMs'], ([teamId, clockResetMs]) => ({
    type: 'nomination',
    teamId,
    clockResetMs,
  })),
  BID: rule(A.bid, ['teamId', 'playerId', 'amount', 'clockResetMs', 'clockRemainingMs'], ([teamId, playerId, amount]) => ({
    type: 'bid',
    teamId,
    playerId,
    amount,
  })),
  BID_ACK: rule(A.bidAck, ['teamId', 'playerId', 'amount'], ([teamId, playerId, amount]) => ({
    type: 'bidAck',
    teamId,
    playerId,
    amount,
  })),
  PASSED: rule(A.passed, ['teamId', 'playerId', 'auto'], ([teamId, playerId, auto]) => ({ type: 'passed', teamId, playerId, auto })),
  SOLD: rule(A.sold, ['teamId', 'playerId', 'unknown', 'price', 'unknown'], ([teamId, playerId, , price]) => ({
    type: 'sold',
    teamId,
    playerId,
    price,
  })),
};

/** Client → server (protocol.md §3.2). Commands without an event variant parse as `unknown`. */
const OUTBOUND: Readonly<Record<string, FrameRule>> = {
  PING: rule(A.heartbeat, ['payload'], ([sentAt]) => ({ type: 'ping', sentAt })),
  SELECT: rule(A.select, ['playerId'], ([playerId]) => ({ type: 'select', playerId })),
  AUTODRAFT: rule(A.autodraftRequest, ['enabled'], ([enabled]) => ({ type: 'autodraftRequest', enabled })),
  DRAFT_LIST: draftList('out'),
};

export function frameRule(direction: Direction, command: string): FrameRule | undefined {
  const table = direction === 'in' ? INBOUND : OUTBOUND;
  return Object.hasOwn(table, command) ? table[command] : undefined;
}
