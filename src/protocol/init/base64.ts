// A small pure decoder, so the INIT path behaves the same in service workers, pages and Node,
// and reports bad input as a value instead of the DOMException atob would throw.

/** The standard alphabet; the encoder (tests/sim/init) shares it. */
export const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Int16Array(128).fill(-1);
for (let i = 0; i < BASE64_ALPHABET.length; i++) SEXTET[BASE64_ALPHABET.charCodeAt(i)] = i;

export type Base64DecodeResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/** Standard alphabet. Padding is optional (one ESPN client reports it missing). */
export function decodeBase64(text: string): Base64DecodeResult {
  const body = text.replace(/={1,2}$/, '');
  if (body.length % 4 === 1) return { ok: false, error: `base64 length ${body.length} is impossible (remainder 1 of 4)` };
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    const value = code < 128 ? (SEXTET[code] ?? -1) : -1;
    if (value < 0) return { ok: false, error: `invalid base64 character ${JSON.stringify(body[i])} at position ${i}` };
    acc = ((acc << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return { ok: true, bytes: out };
}
