import { describe, expect, it } from 'vitest';
import type { HookItem } from '../../../src/contract/page-events';
import { parseHookBatch } from '../../../src/contract/hook-items';

const T = 1_756_607_000_000;

const VALID: Record<HookItem['k'], HookItem> = {
  open: { k: 'open', sid: 'ws-1', at: T, url: 'wss://fantasydraft.espn.com/game-1/league-1/JOIN?4=[swid]' },
  frame: { k: 'frame', sid: 'ws-1', seq: 1, dir: 'in', at: T + 1, data: 'SELECTING 3 30000\n' },
  close: { k: 'close', sid: 'ws-1', at: T + 2, code: 1006, reason: '', clean: false },
  error: { k: 'error', sid: 'ws-1', at: T + 3 },
  stall: { k: 'stall', sid: 'ws-1', at: T + 4, cause: 'silence', silentForMs: 12_000 },
  unload: { k: 'unload', at: T + 5 },
};

const ok = (items: unknown): HookItem[] => {
  const result = parseHookBatch(structuredClone(items));
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.items;
};

/** A rejection of the whole batch, or of its (single) item: either way nothing gets through. */
const rejects = (items: unknown): string => {
  const result = parseHookBatch(structuredClone(items));
  if (!result.ok) return result.error;
  if (result.rejected === 0 || result.firstError === null) throw new Error(`expected a rejection for ${JSON.stringify(items).slice(0, 200)}`);
  expect(result.items).toHaveLength(Array.isArray(items) ? items.length - result.rejected : 0);
  return result.firstError;
};

describe('parseHookBatch: the batch must be an array (a structured clone from the private port)', () => {
  it.each([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['a JSON string (the old DOM-event format)', JSON.stringify([VALID.unload])],
    ['an object', { toString: () => '[]' }],
    ['an array-like object', { 0: VALID.unload, length: 1 }],
    ['a boolean', true],
  ])('refuses %s', (_name, batch) => {
    expect(parseHookBatch(batch)).toEqual({ ok: false, error: 'hook batch rejected: not an array' });
  });
});

describe('parseHookBatch: valid batches', () => {
  it.each(Object.entries(VALID))('accepts a %s item unchanged', (_kind, item) => {
    expect(ok([item])).toEqual([item]);
  });

  it('accepts a mixed batch and keeps its order', () => {
    const items = [VALID.open, VALID.frame, VALID.stall, VALID.error, VALID.close, VALID.unload];
    expect(ok(items)).toEqual(items);
  });

  it('accepts an empty batch', () => {
    expect(parseHookBatch([])).toEqual({ ok: true, items: [], rejected: 0, firstError: null });
  });

  it('accepts the other enum values: outbound frames, pong timeouts, clean closes', () => {
    const items: HookItem[] = [
      { k: 'frame', sid: 'ws-1', seq: 0, dir: 'out', at: 0, data: 'PING PING%201756607000000' },
      { k: 'stall', sid: 'ws-1', at: T, cause: 'pong-timeout', silentForMs: 0 },
      { k: 'close', sid: 'ws-1', at: T, code: -1, reason: 'x'.repeat(1024), clean: true },
    ];
    expect(ok(items)).toEqual(items);
  });

  it('accepts limits exactly at their bounds', () => {
    const items: HookItem[] = [
      { k: 'open', sid: 'x'.repeat(64), at: T, url: 'u'.repeat(4096) },
      { k: 'frame', sid: 'a', seq: 2, dir: 'in', at: T, data: 'A'.repeat(1 << 20) },
    ];
    expect(ok(items)).toEqual(items);
  });

  it('accepts 50 000 items, more than the page bridge ever holds back', () => {
    const items = Array.from({ length: 50_000 }, (_, i) => ({ k: 'unload', at: i }));
    expect(ok(items)).toHaveLength(50_000);
  });

  it('rejects an item with unknown extra fields (strict shapes), so they are never passed on', () => {
    const result = parseHookBatch([VALID.frame, { ...VALID.error, swid: '{SECRET}', __proto__x: 1 }]);
    expect(result).toMatchObject({ ok: true, items: [VALID.frame], rejected: 1 });
    expect(JSON.stringify(result)).not.toContain('{SECRET}');
  });

  it('redacts again in the worker: a secret the page world let through is never passed on', () => {
    const swid = '{00000000-0000-4000-8000-000000000002}';
    const items = ok([
      { ...VALID.open, url: `wss://fantasydraft.espn.com/game-1/league-1/JOIN?3=2&4=${swid}&5=1:1:2:${swid}:-1234567890` },
      { ...VALID.frame, data: `TOKEN 1:1:2:${swid}:-1234567890\n` },
    ]);
    expect(JSON.stringify(items)).not.toMatch(/00000000-0000|1234567890/);
    expect(items[1]).toMatchObject({ data: 'TOKEN 1:1:2\n' });
  });
});

describe('parseHookBatch: wrong shapes', () => {
  const cases: Array<[string, unknown]> = [
    ['an unknown kind', { k: 'message', sid: 'ws-1', at: T }],
    ['no kind', { sid: 'ws-1', at: T }],
    ['a kind of the wrong type', { k: 1, at: T }],
    ['an item that is not an object', 'unload'],
    ['a null item', null],
    ['an empty socket id', { ...VALID.error, sid: '' }],
    ['a socket id over 64 characters', { ...VALID.error, sid: 'x'.repeat(65) }],
    ['a numeric socket id', { ...VALID.error, sid: 1 }],
    ['a missing socket id', { k: 'error', at: T }],
    ['a negative time', { ...VALID.unload, at: -1 }],
    ['a fractional time', { ...VALID.unload, at: T + 0.5 }],
    ['a string time', { ...VALID.unload, at: String(T) }],
    ['a missing time', { k: 'unload' }],
    ['an open without url', { k: 'open', sid: 'ws-1', at: T }],
    ['an open url over 4096 characters', { ...VALID.open, url: 'u'.repeat(4097) }],
    ['a frame with a negative seq', { ...VALID.frame, seq: -1 }],
    ['a frame with a fractional seq', { ...VALID.frame, seq: 1.5 }],
    ['a frame with an unknown direction', { ...VALID.frame, dir: 'sideways' }],
    ['a frame without data', { k: 'frame', sid: 'ws-1', seq: 1, dir: 'in', at: T }],
    ['a frame with non-string data', { ...VALID.frame, data: { text: 'x' } }],
    ['a frame over 1 MiB', { ...VALID.frame, data: 'A'.repeat((1 << 20) + 1) }],
    ['a close with a fractional code', { ...VALID.close, code: 1006.5 }],
    ['a close with a string code', { ...VALID.close, code: '1006' }],
    ['a close reason over 1024 characters', { ...VALID.close, reason: 'r'.repeat(1025) }],
    ['a close whose clean flag is not boolean', { ...VALID.close, clean: 'false' }],
    ['a close without reason', { k: 'close', sid: 'ws-1', at: T, code: 1000, clean: true }],
    ['a stall with an unknown cause', { ...VALID.stall, cause: 'timeout' }],
    ['a stall with negative silence', { ...VALID.stall, silentForMs: -1 }],
    ['a stall without silence', { k: 'stall', sid: 'ws-1', at: T, cause: 'silence' }],
  ];

  it.each(cases)('rejects %s', (_name, item) => {
    expect(rejects([item])).toMatch(/^hook batch rejected: /);
  });

  it('rejects the whole batch when one item among valid ones is bad', () => {
    expect(rejects([VALID.open, VALID.frame, { ...VALID.frame, seq: 'two' }, VALID.close])).toMatch(/^hook batch rejected: /);
  });

  it('rejects a batch of more than 50 000 items', () => {
    const items = Array.from({ length: 50_001 }, (_, i) => ({ k: 'unload', at: i }));
    expect(rejects(items)).toMatch(/^hook batch rejected: /);
  });
});
