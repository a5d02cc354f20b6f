import type { ClockEvent } from './events';

/**
 * `CLOCK <code> …`: the first number is a clock-state code, not a team (protocol.md §7).
 * A known code is only trusted with its exact documented arity; anything else is kept as
 * `other` so an undocumented variant is visible instead of misread.
 */
export function clockEvent(args: readonly number[]): ClockEvent {
  const [code, ...rest] = args;
  if (code === undefined) return { type: 'clock', phase: 'paused' }; // bare CLOCK [SOURCE]
  const [a, b, c, d] = rest;
  switch (`${code}/${rest.length}`) {
    case '0/1':
      return { type: 'clock', phase: 'predraft', msToStart: a! };
    case '6/2':
      // The 3rd field is the team on the clock, not the round [CAPTURED].
      return { type: 'clock', phase: 'pick', msRemaining: a!, teamId: b! };
    case '4/0':
      return { type: 'clock', phase: 'postdraft' };
    case '1/2':
      return { type: 'clock', phase: 'nominating', msRemaining: a!, teamId: b! };
    case '2/4':
      return { type: 'clock', phase: 'bidding', msRemaining: a!, teamId: b!, playerId: c!, highBid: d! };
    case '3/1':
      return { type: 'clock', phase: 'betweenNominations', msRemaining: a! };
    default:
      return { type: 'clock', phase: 'other', code, args: rest };
  }
}
