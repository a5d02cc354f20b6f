import { describe, expect, it } from 'vitest';
import { ByteReader } from '../../../src/protocol/init/byte-reader';
import { ByteWriter } from '../../sim/init/byte-writer';
import { InitFormatError } from '../../../src/protocol/init/init-format-error';

function catchFormatError(fn: () => unknown): InitFormatError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InitFormatError) return error;
    throw error;
  }
  throw new Error('expected an InitFormatError');
}

describe('ByteWriter → ByteReader', () => {
  it('round-trips every primitive big-endian with no padding', () => {
    const w = new ByteWriter();
    w.int32(-1, 'a');
    w.bool(true);
    w.int32(0x7fffffff, 'b');
    w.int64(1756607492198, 'c');
    w.int64(-5, 'd');
    w.float64(0.04);
    w.optDate(null, 'e');
    w.optDate(1756607492198, 'f');
    const bytes = w.toBytes();
    expect(bytes.length).toBe(4 + 1 + 4 + 8 + 8 + 8 + 4 + 12);
    expect([...bytes.subarray(0, 9)]).toEqual([0xff, 0xff, 0xff, 0xff, 1, 0x7f, 0xff, 0xff, 0xff]);

    const r = new ByteReader(bytes);
    expect(r.int32('a')).toBe(-1);
    expect(r.bool('bool')).toBe(true);
    expect(r.int32('b')).toBe(0x7fffffff);
    expect(r.int64('c')).toBe(1756607492198);
    expect(r.int64('d')).toBe(-5);
    expect(r.float64('f64')).toBe(0.04);
    expect(r.optDate('e')).toBeNull();
    expect(r.optDate('f')).toBe(1756607492198);
    expect(r.remaining).toBe(0);
  });

  it('grows past its initial buffer', () => {
    const w = new ByteWriter();
    for (let i = 0; i < 10_000; i++) w.int32(i, 'i');
    const r = new ByteReader(w.toBytes());
    expect(r.remaining).toBe(40_000);
    r.int32('skip');
    expect(r.int32('second')).toBe(1);
  });

  it('refuses values that DataView would silently wrap', () => {
    const w = new ByteWriter();
    expect(() => w.int32(2 ** 31, 'big')).toThrow(RangeError);
    expect(() => w.int32(-(2 ** 31) - 1, 'small')).toThrow(RangeError);
    expect(() => w.int32(1.5, 'fraction')).toThrow(RangeError);
    expect(() => w.int32(Number.NaN, 'nan')).toThrow(RangeError);
    expect(() => w.int64(2 ** 53, 'unsafe')).toThrow(RangeError);
  });
});

describe('ByteReader checks', () => {
  it('reports the offset of a read past the end', () => {
    const r = new ByteReader(new Uint8Array(6));
    r.int32('first');
    const error = catchFormatError(() => r.int32('second'));
    expect(error.offset).toBe(4);
    expect(error.message).toContain('second');
    expect(error.message).toContain('at byte 4');
  });

  it('rejects a bool byte other than 0 or 1', () => {
    const error = catchFormatError(() => new ByteReader(new Uint8Array([2])).bool('flag'));
    expect(error.offset).toBe(0);
    expect(error.reason).toMatch(/bool byte is 2/);
  });

  it('rejects an optDate flag other than 0 or 1', () => {
    const error = catchFormatError(() => new ByteReader(new Uint8Array([0, 0, 0, 2])).optDate('date'));
    expect(error.reason).toMatch(/optDate flag is 2/);
  });

  it('rejects an int64 beyond 2^53', () => {
    const bytes = new Uint8Array([0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(catchFormatError(() => new ByteReader(bytes).int64('date')).reason).toMatch(/beyond 2\^53/);
  });

  it('can start mid-buffer and on a subarray view', () => {
    const backing = new Uint8Array([9, 9, 0, 0, 0, 7, 0, 0, 0, 8]);
    expect(new ByteReader(backing, 2).int32('x')).toBe(7);
    expect(new ByteReader(backing.subarray(6)).int32('y')).toBe(8);
  });
});
