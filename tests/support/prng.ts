/**
 * mulberry32: a 32-bit seeded generator. Same seed, same sequence, so any
 * failure a fuzz run finds can be replayed from the seed in its message.
 */
export function mulberry32(seed: number): () => number {
  let s = seed | 0;
  return function next(): number {
    s = (s + 0x6d2b79f5) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 15), 1 | z);
    z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
    return ((z ^ (z >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}
