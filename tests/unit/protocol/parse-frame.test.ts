import { describe, expect, it } from 'vitest';
import type { DraftEvent, Direction } from '../../../src/protocol/events';
import { parseFrame } from '../../../src/protocol/parse-frame';

const SWID = '{00000000-0000-4000-8000-000000000002}';
const CODE = '-1234567890';

type Case = [frame: string, dir: Direction, event: DraftEvent];

function expectMalformed(frame: string, dir: Direction, error: RegExp): void {
  const event = parseFrame(frame, dir);
  expect(event.type).toBe('malformed');
  if (event.type !== 'malformed') return;
  expect(event.command).toBe(frame.split(' ', 1)[0]!.replace(/\n$/, ''));
  expect(event.error).toMatch(error);
}

describe('parseFrame: server → client', () => {
  it.each<Case>([
    [`TOKEN 1:123456789:2:${SWID}:${CODE}\n`, 'in', { type: 'token', gameId: 1, leagueId: 123456789, teamId: 2 }],
    ['TOKEN 1:123456789:2\n', 'in', { type: 'token', gameId: 1, leagueId: 123456789, teamId: 2 }],
    [`JOINED 2 ${SWID}\n`, 'in', { type: 'joined', teamId: 2, member: SWID }],
    ['JOINED 6\n', 'in', { type: 'joined', teamId: 6, member: null }],
    [`LEFT 7 ${SWID} 1\n`, 'in', { type: 'left', teamId: 7, member: SWID, reason: 1 }],
    [`LEFT 7 ${SWID} 2\n`, 'in', { type: 'left', teamId: 7, member: SWID, reason: 2 }],
    [`LEFT 7 ${SWID}\n`, 'in', { type: 'left', teamId: 7, member: SWID, reason: null }],
    ['AUTODRAFT 7 true\n', 'in', { type: 'autodraft', teamId: 7, enabled: true }],
    ['AUTODRAFT 2 false\n', 'in', { type: 'autodraft', teamId: 2, enabled: false }],
    ['CLOCK\n', 'in', { type: 'clock', phase: 'paused' }],
    ['CLOCK 0 76305\n', 'in', { type: 'clock', phase: 'predraft', msToStart: 76305 }],
    ['CLOCK 6 29249 2\n', 'in', { type: 'clock', phase: 'pick', msRemaining: 29249, teamId: 2 }],
    ['CLOCK 4\n', 'in', { type: 'clock', phase: 'postdraft' }],
    ['CLOCK 1 25000 3\n', 'in', { type: 'clock', phase: 'nominating', msRemaining: 25000, teamId: 3 }],
    ['CLOCK 2 9000 4 4362628 17\n', 'in', { type: 'clock', phase: 'bidding', msRemaining: 9000, teamId: 4, playerId: 4362628, highBid: 17 }],
    ['CLOCK 3 2000\n', 'in', { type: 'clock', phase: 'betweenNominations', msRemaining: 2000 }],
    ['CLOCK 9 1 2\n', 'in', { type: 'clock', phase: 'other', code: 9, args: [1, 2] }],
    ['CLOCK 6 500\n', 'in', { type: 'clock', phase: 'other', code: 6, args: [500] }],
    ['CLOCK 4 20000\n', 'in', { type: 'clock', phase: 'other', code: 4, args: [20000] }],
    ['CLOCK 6 -12 3\n', 'in', { type: 'clock', phase: 'pick', msRemaining: -12, teamId: 3 }],
    ['STATE 1\n', 'in', { type: 'state', state: 1 }],
    ['STATE 2\n', 'in', { type: 'state', state: 2 }],
    ['SELECTING 10 30000\n', 'in', { type: 'selecting', teamId: 10, msAllowed: 30000 }],
    [`SELECTED 1 4362628 4 ${SWID}\n`, 'in', { type: 'selected', teamId: 1, playerId: 4362628, spot: 4, member: SWID }],
    ['SELECTED 6 3117251 2\n', 'in', { type: 'selected', teamId: 6, playerId: 3117251, spot: 2, member: null }],
    [`SELECTED 4 -16014 8 ${SWID}\n`, 'in', { type: 'selected', teamId: 4, playerId: -16014, spot: 8, member: SWID }],
    ['SELECTED 3 16800 9\n', 'in', { type: 'selected', teamId: 3, playerId: 16800, spot: 9, member: null }],
    ['AUTOSUGGEST 4262921\n', 'in', { type: 'autosuggest', playerId: 4262921 }],
    ['AUTOSUGGEST -16024\n', 'in', { type: 'autosuggest', playerId: -16024 }],
    ['DRAFT_LIST -16024\n', 'in', { type: 'draftList', direction: 'in', playerIds: [-16024] }],
    ['DRAFT_LIST\n', 'in', { type: 'draftList', direction: 'in', playerIds: [] }],
    ['DRAFT_LIST 1 2 3\n', 'in', { type: 'draftList', direction: 'in', playerIds: [1, 2, 3] }],
    ['UNDONE 0\n', 'in', { type: 'undone', index: 0 }],
    ['UNDONE 21\n', 'in', { type: 'undone', index: 21 }],
    ['RESET\n', 'in', { type: 'reset' }],
    ['CHAT 1756607417674 2 hello+there\n', 'in', { type: 'chat', raw: 'CHAT 1756607417674 2 hello+there' }],
    [
      'ERROR 1 Invalid+selection+team+%28N%29%3B+team+M+is+currently+on+the+clock.\n',
      'in',
      { type: 'error', code: 1, message: 'Invalid selection team (N); team M is currently on the clock.' },
    ],
    ['ERROR 1 Invalid+security+code%3B+access+is+refused.\n', 'in', { type: 'error', code: 1, message: 'Invalid security code; access is refused.' }],
    ['ERROR 7\n', 'in', { type: 'error', code: 7, message: '' }],
    ['PONG PING%201756607417674\n', 'in', { type: 'pong', pingSentAt: 1756607417674 }],
    ['NOMINATION 3 30000\n', 'in', { type: 'nomination', teamId: 3, clockResetMs: 30000 }],
    ['BID 3 4362628 12 10000 8500\n', 'in', { type: 'bid', teamId: 3, playerId: 4362628, amount: 12 }],
    ['BID 3 4362628 12\n', 'in', { type: 'bid', teamId: 3, playerId: 4362628, amount: 12 }],
    ['BID_ACK 3 4362628 12\n', 'in', { type: 'bidAck', teamId: 3, playerId: 4362628, amount: 12 }],
    ['PASSED 5 4362628 false\n', 'in', { type: 'passed', teamId: 5, playerId: 4362628, auto: false }],
    ['SOLD 3 4362628 x 57 y\n', 'in', { type: 'sold', teamId: 3, playerId: 4362628, price: 57 }],
    ['SOLD 3 4362628 0 57\n', 'in', { type: 'sold', teamId: 3, playerId: 4362628, price: 57 }],
  ])('%j', (frame, dir, event) => {
    expect(parseFrame(frame, dir)).toEqual(event);
  });
});

describe('parseFrame: client → server', () => {
  it.each<Case>([
    ['PING PING%201756607417674\n', 'out', { type: 'ping', sentAt: 1756607417674 }],
    ['SELECT 4430807\n', 'out', { type: 'select', playerId: 4430807 }],
    ['SELECT -16014\n', 'out', { type: 'select', playerId: -16014 }],
    ['AUTODRAFT true\n', 'out', { type: 'autodraftRequest', enabled: true }],
    ['AUTODRAFT false\n', 'out', { type: 'autodraftRequest', enabled: false }],
    ['DRAFT_LIST -16024\n', 'out', { type: 'draftList', direction: 'out', playerIds: [-16024] }],
    ['DRAFT_LIST 4362628 -16024 16800\n', 'out', { type: 'draftList', direction: 'out', playerIds: [4362628, -16024, 16800] }],
    ['DRAFT_LIST\n', 'out', { type: 'draftList', direction: 'out', playerIds: [] }],
    ['CHAT hi\n', 'out', { type: 'chat', raw: 'CHAT hi' }],
  ])('%j', (frame, dir, event) => {
    expect(parseFrame(frame, dir)).toEqual(event);
  });

  it('accepts epoch ms up to 2^53 − 1 in heartbeats', () => {
    expect(parseFrame(`PING PING%20${Number.MAX_SAFE_INTEGER}`, 'out')).toEqual({ type: 'ping', sentAt: Number.MAX_SAFE_INTEGER });
    expectMalformed('PING PING%209007199254740993', 'out', /beyond 2\^53/);
  });
});

describe('parseFrame: framing', () => {
  it('works without the trailing newline and with CRLF', () => {
    expect(parseFrame('STATE 1', 'in')).toEqual({ type: 'state', state: 1 });
    expect(parseFrame('STATE 1\r\n', 'in')).toEqual({ type: 'state', state: 1 });
  });

  it('reads commands by direction: a frame in the wrong direction is unknown', () => {
    expect(parseFrame('SELECT 4430807\n', 'in')).toEqual({ type: 'unknown', command: 'SELECT', raw: 'SELECT 4430807' });
    expect(parseFrame('SELECTED 1 2 3\n', 'out')).toMatchObject({ type: 'unknown', command: 'SELECTED' });
    expect(parseFrame('PING PING%201\n', 'in')).toMatchObject({ type: 'unknown', command: 'PING' });
  });

  it.each([
    ['NOMINATE 4362628 1\n', 'out', 'NOMINATE'],
    ['LEAVE\n', 'out', 'LEAVE'],
    ['FROBNICATE 1 2\n', 'in', 'FROBNICATE'],
    ['BINARY 12', 'in', 'BINARY'],
    ['', 'in', ''],
    ['\n', 'in', ''],
    ['state 1', 'in', 'state'],
  ] as const)('unknown command %j', (frame, dir, command) => {
    expect(parseFrame(frame, dir)).toEqual({ type: 'unknown', command, raw: frame.replace(/\n$/, '') });
  });
});

describe('parseFrame: malformed arguments', () => {
  it.each([
    ['SELECTED 1 abc 4\n', /^SELECTED: playerId \(argument 2\): expected an integer$/],
    ['SELECTED 1 4362628\n', /^SELECTED: expected at least 3 arguments, got 2$/],
    ['SELECTED 1 4362628 4 {not-a-swid}\n', /member \(argument 4\): expected a SWID/],
    ['SELECTED 1 4362628 4 {00000000-0000-4000-8000-00000000000a}\n', /member \(argument 4\): expected a SWID/],
    [`SELECTED 1 4362628 4 ${SWID} extra\n`, /expected at most 4 arguments, got 5/],
    ['SELECTED 1 4362628.5 4\n', /playerId \(argument 2\): expected an integer/],
    ['SELECTED 1 1e6 4\n', /expected an integer/],
    ['SELECTED 1 NaN 4\n', /expected an integer/],
    ['SELECTED 1 +5 4\n', /expected an integer/],
    ['SELECTED 1 007 4\n', /expected an integer/],
    ['SELECTED 1 2147483648 4\n', /playerId \(argument 2\): outside the int32 range/],
    ['SELECTED 1 -2147483649 4\n', /outside the int32 range/],
    ['SELECTED -1 4362628 4\n', /teamId \(argument 1\): must not be negative/],
    ['SELECTING 1\n', /expected at least 2 arguments, got 1/],
    ['SELECTING 1 -5\n', /msAllowed \(argument 2\): must not be negative/],
    ['AUTODRAFT 7 yes\n', /enabled \(argument 2\): expected true or false/],
    ['AUTODRAFT 7\n', /expected at least 2 arguments/],
    ['JOINED x\n', /teamId \(argument 1\): expected an integer/],
    [`LEFT 7 ${SWID} x\n`, /reason \(argument 3\): expected an integer/],
    ['CLOCK 6 abc 2\n', /clock value \(argument 2\): expected an integer/],
    ['CLOCK 6 99999999999 2\n', /outside the int32 range/],
    ['STATE\n', /expected at least 1 arguments, got 0/],
    ['STATE one\n', /expected an integer/],
    ['AUTOSUGGEST\n', /expected at least 1 arguments/],
    ['DRAFT_LIST 1 x\n', /playerId \(argument 2\): expected an integer/],
    ['UNDONE -1\n', /must not be negative/],
    ['RESET now\n', /expected at most 0 arguments, got 1/],
    ['ERROR x msg\n', /code \(argument 1\): expected an integer/],
    ['ERROR 1 bad%E0%A4%A\n', /message is not valid URL encoding/],
    ['PONG 1756607417674\n', /payload \(argument 1\): expected PING%20<epoch ms>/],
    ['PONG PING%20abc\n', /expected PING%20<epoch ms>/],
    ['PONG\n', /expected at least 1 arguments/],
    ['PASSED 5 4362628 maybe\n', /auto \(argument 3\): expected true or false/],
    ['SOLD 3 4362628 x\n', /expected at least 4 arguments/],
    ['BID 3 4362628 -1\n', /amount \(argument 3\): must not be negative/],
    ['NOMINATION 3\n', /expected at least 2 arguments/],
  ])('%j', (frame, error) => expectMalformed(frame, 'in', error));

  it.each([
    ['SELECT\n', /expected at least 1 arguments/],
    ['SELECT abc\n', /playerId \(argument 1\): expected an integer/],
    ['AUTODRAFT 2 true\n', /expected at most 1 arguments, got 2/],
    ['PING PING%20\n', /expected PING%20<epoch ms>/],
    ['PING PING%20-5\n', /expected PING%20<epoch ms>/],
    ['DRAFT_LIST 1.5\n', /expected an integer/],
  ])('%j (out)', (frame, error) => expectMalformed(frame, 'out', error));

  it('keeps the raw frame (without newline) on malformed events', () => {
    expect(parseFrame('STATE one\n', 'in')).toEqual({
      type: 'malformed',
      command: 'STATE',
      raw: 'STATE one',
      error: 'STATE: state (argument 1): expected an integer',
    });
  });

  it('reports a bad INIT blob clearly', () => {
    expect(parseFrame('INIT\n', 'in')).toMatchObject({ type: 'malformed', command: 'INIT', error: 'INIT: INIT frame has no base64 payload' });
    expect(parseFrame('INIT AAAA*AAA ###\n', 'in')).toMatchObject({ error: expect.stringMatching(/invalid base64 character "\*"/) });
    expect(parseFrame('INIT AAAAAQAAAAI= ###\n', 'in')).toMatchObject({
      type: 'malformed',
      error: 'INIT: INIT blob: root: version 2, expected 1 (at byte 4)',
    });
  });
});

describe('parseFrame: TOKEN secrets', () => {
  const secretFree = (event: DraftEvent) => {
    const text = JSON.stringify(event);
    expect(text).not.toContain('1234567890');
    expect(text).not.toMatch(/[0-9A-F]{8}-[0-9A-F]{4}/i);
    expect(text).not.toContain('abcdef00');
  };

  it('keeps only the public ids of a valid token', () => {
    const event = parseFrame(`TOKEN 1:123456789:2:${SWID}:${CODE}\n`, 'in');
    expect(Object.keys(event).sort()).toEqual(['gameId', 'leagueId', 'teamId', 'type']);
    secretFree(event);
  });

  it.each([
    `TOKEN 1:123456789:2:${SWID}:notacode\n`,
    `TOKEN 1:123456789:2:{abcdef00-0000-4000-8000-00000000000f}:${CODE}\n`,
    `TOKEN 1:123456789:2:${SWID}\n`,
    `TOKEN 1:123456789:2:${SWID}:${CODE}:extra\n`,
    `TOKEN x:123456789:2:${SWID}:${CODE}\n`,
    `TOKEN 1:123456789:2:${SWID}:${CODE} trailing ${SWID}\n`,
    `TOKEN ${CODE}\n`,
    `TOKEN 1:123456789:2:${SWID}:99999999999\n`,
  ])('redacts raw and error of malformed %j', (frame) => {
    const event = parseFrame(frame, 'in');
    expect(event.type).toBe('malformed');
    secretFree(event);
  });

  it('keeps the public part in a malformed token’s raw', () => {
    const event = parseFrame(`TOKEN 1:123456789:2:${SWID}:notacode\n`, 'in');
    expect(event).toMatchObject({ type: 'malformed', command: 'TOKEN', raw: 'TOKEN 1:123456789:2' });
  });

  it('redacts an outbound TOKEN frame reported as unknown', () => {
    const event = parseFrame(`TOKEN 1:123456789:2:${SWID}:${CODE}\n`, 'out');
    expect(event).toEqual({ type: 'unknown', command: 'TOKEN', raw: 'TOKEN 1:123456789:2' });
  });
});

describe('parseFrame never throws', () => {
  it('on 5,000 random frames built from protocol words', () => {
    const words = ['INIT', 'TOKEN', 'CLOCK', 'SELECTED', 'LEFT', 'ERROR', 'PONG', 'SOLD', 'DRAFT_LIST', '6', '-1', 'true', SWID, '%', '%E0', 'PING%20', '1e9', '', ':', '#', '\n', 'AAAA', '2147483648', '__proto__', 'constructor', 'toString'];
    let s = 7;
    const next = (n: number) => {
      s = (s * 1103515245 + 12345) >>> 0;
      return (s >>> 8) % n;
    };
    for (let i = 0; i < 5000; i++) {
      const frame = Array.from({ length: 1 + next(6) }, () => words[next(words.length)]).join(next(5) === 0 ? '' : ' ');
      const dir: Direction = next(2) === 0 ? 'in' : 'out';
      const event = parseFrame(frame, dir);
      expect(typeof event.type).toBe('string');
    }
  });

  it('treats prototype property names as unknown commands', () => {
    expect(parseFrame('__proto__ 1', 'in')).toMatchObject({ type: 'unknown', command: '__proto__' });
    expect(parseFrame('constructor', 'out')).toMatchObject({ type: 'unknown', command: 'constructor' });
    expect(parseFrame('hasOwnProperty x', 'in')).toMatchObject({ type: 'unknown' });
  });
});
