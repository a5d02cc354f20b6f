import { decodeBase64 } from './base64';

export type InitFrameTextResult =
  | { ok: true; bytes: Uint8Array; base64Length: number }
  | { ok: false; error: string };

/**
 * Extracts the binary blob from `INIT <base64> <'#' run>\n`. Tolerates a missing '#' run, a
 * missing '\n', a '#' run glued to the base64, and missing '=' padding. Never throws.
 */
export function parseInitFrameText(text: string): InitFrameTextResult {
  const match = /^INIT(?:[ \t]+(\S*))?/.exec(text.trimStart());
  if (!match) return { ok: false, error: 'not an INIT frame' };
  const token = (match[1] ?? '').replace(/#+$/, '');
  if (token.length === 0) return { ok: false, error: 'INIT frame has no base64 payload' };
  const base64Length = token.length;
  const decoded = decodeBase64(token);
  if (!decoded.ok) return { ok: false, error: `INIT payload: ${decoded.error}` };
  return { ok: true, bytes: decoded.bytes, base64Length };
}
