// A small pure codec, so the INIT path behaves the same in service workers, pages and Node,
// and reports bad input as a value instead of the DOMException atob would throw.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SEXTET[ALPHABET.charCodeAt(i)] = i;

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

/** Standard alphabet with '=' padding, as ESPN sends it. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const triple = (b0 << 16) | (b1 << 8) | b2;
    out += ALPHABET[(triple >> 18) & 63];
    out += ALPHABET[(triple >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[triple & 63] : '=';
  }
  return out;
}
