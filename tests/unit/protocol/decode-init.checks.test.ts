import { describe, expect, it } from 'vitest';
import { decodeInit } from '../../../src/protocol/init/decode-init';
import { encodeInit } from '../../sim/init/encode-init';
import { SESSION_A_OFFSETS as OFF, setInt32At, sessionABlob } from './init-blob';
import { mulberry32 } from '../../support/prng';

function errorOf(bytes: Uint8Array): string {
  const result = decodeInit(bytes);
  if (result.ok) throw new Error('expected the decode to fail');
  return result.error;
}

function patched(offset: number, value: number): Uint8Array {
  const blob = sessionABlob();
  setInt32At(blob, offset, value);
  return blob;
}

const FIRST_PICK = OFF.picks + 4;

describe('decodeInit §4 checks', () => {
  it('rejects an unexpected version, naming the object and offset', () => {
    expect(errorOf(patched(4, 2))).toBe('INIT blob: root: version 2, expected 1 (at byte 4)');
    expect(errorOf(patched(OFF.settings + 4, 3))).toMatch(/settings: version 3, expected 2 \(at byte 96\)/);
    expect(errorOf(patched(FIRST_PICK + 4, 2))).toMatch(/pick: version 2, expected 3/);
  });

  it('rejects present values other than 1, and null objects it cannot represent', () => {
    expect(errorOf(patched(OFF.draft, 7))).toMatch(/draft: present is 7, expected 0 or 1 \(at byte 16\)/);
    expect(errorOf(patched(OFF.status, 0))).toMatch(/status: null object \(present = 0\) is not supported/);
  });

  it('rejects a league id copy that differs from the header', () => {
    expect(errorOf(patched(FIRST_PICK + 8, 987654321))).toMatch(
      /pick: league id 987654321 differs from header league id 123456789 \(at byte 2162\)/,
    );
    expect(errorOf(patched(OFF.teams + 12, 1))).toMatch(/team: league id 1 differs/);
  });

  it('rejects a bool byte other than 0/1', () => {
    const blob = sessionABlob();
    blob[FIRST_PICK + 36] = 2; // keeper
    expect(errorOf(blob)).toMatch(/pick keeper: bool byte is 2, expected 0 or 1 \(at byte 2190\)/);
  });

  it('rejects an optDate flag other than 0/1', () => {
    expect(errorOf(patched(OFF.draft + 20, 2))).toMatch(/draft date: optDate flag is 2/);
  });

  it('rejects negative, oversized and unaffordable counts before allocating', () => {
    expect(errorOf(patched(OFF.picks, -1))).toMatch(/picks: negative count -1 \(at byte 2150\)/);
    expect(errorOf(patched(OFF.picks, 0x7fffffff))).toMatch(/picks: count 2147483647 exceeds limit 10000/);
    expect(errorOf(patched(OFF.picks, 9000))).toMatch(/picks: count 9000 needs at least 405000 bytes, only \d+ left/);
    expect(errorOf(patched(OFF.scoringCount, 1_000_000))).toMatch(/scoring.items: count 1000000 exceeds limit/);
  });

  it('reports truncation with the field and offset', () => {
    expect(errorOf(sessionABlob().slice(0, 13000))).toMatch(/team roster: count 16 needs at least 400 bytes, only \d+ left \(at byte \d+\)/);
    expect(errorOf(sessionABlob().slice(0, 102))).toMatch(/settings league id: needs 4 bytes, only 2 left \(at byte 100\)/);
    expect(errorOf(new Uint8Array(0))).toMatch(/root present: needs 4 bytes, only 0 left \(at byte 0\)/);
  });

  it('treats everything after the team list as the tail', () => {
    const blob = sessionABlob();
    const bare = decodeInit(blob.slice(0, OFF.tail));
    expect(bare.ok && bare.snapshot.tail.length).toBe(0);

    const longer = new Uint8Array(blob.length + 5);
    longer.set(blob);
    longer.set([1, 2, 3, 4, 5], blob.length);
    const decoded = decodeInit(longer);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.bytesThroughTeamList).toBe(OFF.tail);
    expect([...decoded.snapshot.tail]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5]);
    expect(Buffer.from(encodeInit(decoded.snapshot)).equals(Buffer.from(longer))).toBe(true);
  });

  it('decodes from a subarray view with a non-zero byteOffset', () => {
    const blob = sessionABlob();
    const backing = new Uint8Array(blob.length + 3);
    backing.set(blob, 3);
    const decoded = decodeInit(backing.subarray(3));
    expect(decoded.ok && decoded.snapshot.leagueId).toBe(123456789);
  });
});

/** Deterministic PRNG so a failing corruption can be reproduced from its index. */
const prng = mulberry32;

type Mutation = (blob: Uint8Array, rand: () => number) => Uint8Array;

const int = (rand: () => number, below: number) => Math.floor(rand() * below);

const MUTATIONS: Record<string, Mutation> = {
  flipByte: (b, r) => {
    const out = b.slice();
    for (let n = 1 + int(r, 4); n > 0; n--) out[int(r, out.length)] = int(r, 256);
    return out;
  },
  flipBit: (b, r) => {
    const out = b.slice();
    const i = int(r, out.length);
    out[i] = out[i]! ^ (1 << int(r, 8));
    return out;
  },
  setWord: (b, r) => {
    const out = b.slice();
    const values = [0, 1, -1, 2, 3, 0x7fffffff, -0x80000000, 160, 10_001, int(r, 2 ** 31)];
    setInt32At(out, int(r, out.length - 3), values[int(r, values.length)]!);
    return out;
  },
  truncate: (b, r) => b.slice(0, int(r, b.length)),
  insert: (b, r) => {
    const at = int(r, b.length);
    const extra = Uint8Array.from({ length: 1 + int(r, 12) }, () => int(r, 256));
    const out = new Uint8Array(b.length + extra.length);
    out.set(b.subarray(0, at));
    out.set(extra, at);
    out.set(b.subarray(at), at + extra.length);
    return out;
  },
  remove: (b, r) => {
    const at = int(r, b.length);
    const len = Math.min(1 + int(r, 50), b.length - at);
    const out = new Uint8Array(b.length - len);
    out.set(b.subarray(0, at));
    out.set(b.subarray(at + len), at);
    return out;
  },
};

describe('decodeInit under random corruption', () => {
  it('never throws on 6,000 corrupted or truncated copies of the real blob', () => {
    const original = sessionABlob();
    const rand = prng(20250831);
    const kinds = Object.entries(MUTATIONS);
    const outcomes = { ok: 0, error: 0 };
    for (let i = 0; i < 6000; i++) {
      const [kind, mutate] = kinds[i % kinds.length]!;
      const corrupted = mutate(original, rand);
      let result: ReturnType<typeof decodeInit>;
      try {
        result = decodeInit(corrupted);
      } catch (error) {
        throw new Error(`corruption #${i} (${kind}) threw: ${String(error)}`);
      }
      if (result.ok) {
        outcomes.ok++;
        // Whatever decodes must re-encode to the same bytes: nothing was guessed or dropped.
        expect(Buffer.from(encodeInit(result.snapshot)).equals(Buffer.from(corrupted)), `corruption #${i} (${kind})`).toBe(true);
      } else {
        outcomes.error++;
        expect(result.error, `corruption #${i} (${kind})`).toMatch(/^INIT blob: .+ \(at byte \d+\)$/);
      }
    }
    // Both outcomes must occur, or the mutations are not exercising the checks.
    expect(outcomes.ok).toBeGreaterThan(100);
    expect(outcomes.error).toBeGreaterThan(1000);
  });
});
