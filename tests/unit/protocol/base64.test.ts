import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../src/protocol/init/base64';
import { encodeBase64 } from '../../sim/init/encode-base64';

function randomBytes(length: number, seed: number): Uint8Array {
  let s = seed;
  return Uint8Array.from({ length }, () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s >>> 24;
  });
}

describe('base64', () => {
  it('matches Node for lengths 0…64 in both directions', () => {
    for (let length = 0; length <= 64; length++) {
      const bytes = randomBytes(length, length + 1);
      const expected = Buffer.from(bytes).toString('base64');
      expect(encodeBase64(bytes)).toBe(expected);
      const decoded = decodeBase64(expected);
      expect(decoded.ok && [...decoded.bytes]).toEqual([...bytes]);
    }
  });

  it('accepts missing padding', () => {
    const decoded = decodeBase64('QUJDRA');
    expect(decoded.ok && new TextDecoder().decode(decoded.bytes)).toBe('ABCD');
  });

  it('rejects characters outside the standard alphabet, with their position', () => {
    expect(decodeBase64('QU-D')).toEqual({ ok: false, error: 'invalid base64 character "-" at position 2' });
    expect(decodeBase64('QU=D').ok).toBe(false);
    expect(decodeBase64('QUJ\u00e9').ok).toBe(false);
  });

  it('rejects an impossible length', () => {
    expect(decodeBase64('QUJDR').ok).toBe(false);
  });
});
