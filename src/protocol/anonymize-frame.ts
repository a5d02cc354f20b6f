import { decodeBase64 } from './init/base64';
import { redactFrameText, redactSocketUrl } from '../contract/redact';
import { SWID_ANYWHERE } from '../contract/swid';

// Turns a frame into text safe for a public bug report: no member ids (SWIDs), no join tokens or
// security codes, no cookies or bearer tokens, no chat. Each SWID becomes a stable placeholder
// in the fixtures' style, {00000000-0000-4000-8000-00000000000N}, so the capture still shows who
// did what. Player, team and league ids are public ESPN ids and are kept.

/** SWID (normalized: upper case, no braces) → placeholder number. */
export type MemberNumbers = Map<string, number>;

const JOIN_TOKEN = /\b(\d+)(?::|%3A)(\d+)(?::|%3A)(\d+)(?::|%3A)[^\s:&]*?(?::|%3A)-?\d+\b/gi;
const URL_ANYWHERE = /\b(?:wss?|https?):\/\/[^\s"'<>]+/gi;
const COOKIE_OR_PARAM_SECRET = /\b(espn_s2|swid|token|access_token|refresh_token|id_token|auth|authorization|securityCode|code)=([^\s&;"']+)/gi;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*)?/g;
/** ESPN's espn_s2 cookie value: a long run of URL-encoded base64. */
const LONG_OPAQUE = /\b[A-Za-z0-9%+/=_-]{120,}\b/g;

export function normalizeSwid(text: string): string {
  return text.replace(/^(?:\{|%7B)|(?:\}|%7D)$/gi, '').toUpperCase();
}

export function memberPlaceholder(n: number): string {
  return `{00000000-0000-4000-8000-${String(n).padStart(12, '0')}}`;
}

/**
 * Anonymizes one frame's text. `members` is shared across the frames of one capture and is
 * extended here; `secrets` are exact strings to remove wherever they appear (e.g. the security
 * code read from the socket URL).
 */
export function anonymizeFrameText(text: string, members: MemberNumbers, secrets: readonly string[] = []): string {
  const newline = text.endsWith('\n') ? '\n' : '';
  const frame = newline === '' ? text : text.slice(0, -1);
  const command = frame.split(' ', 1)[0] ?? '';
  if (command === 'INIT') return anonymizeInit(frame, members, secrets) + newline;
  // Chat format is [UNKNOWN] and its text is personal: keep only that there was one.
  if (command === 'CHAT') return `CHAT [removed]${newline}`;
  if (command === 'TOKEN') return redactFrameText(frame) + newline;
  return scrubText(frame, members, secrets) + newline;
}

/** Free-text scrubbing, for frames of any shape (unknown ones included) and for notes. */
export function scrubText(text: string, members: MemberNumbers, secrets: readonly string[] = []): string {
  let out = text.replace(URL_ANYWHERE, (url) => redactSocketUrl(url));
  out = out.replace(JOIN_TOKEN, '$1:$2:$3');
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[secret]');
  out = out
    .replace(COOKIE_OR_PARAM_SECRET, '$1=[secret]')
    .replace(BEARER, 'Bearer [secret]')
    .replace(JWT, '[secret]')
    .replace(LONG_OPAQUE, '[secret]');
  return out.replace(SWID_ANYWHERE, (swid) => memberPlaceholder(memberNumber(members, normalizeSwid(swid))));
}

export function memberNumber(members: MemberNumbers, normalized: string, preferred?: number): number {
  const known = members.get(normalized);
  if (known !== undefined) return known;
  const used = new Set(members.values());
  let n = preferred !== undefined && preferred > 0 && !used.has(preferred) ? preferred : 101;
  while (used.has(n)) n++;
  members.set(normalized, n);
  return n;
}

/**
 * INIT carries no text in the captured blobs (init-format.md §2), and its layout is exactly
 * what a drift report needs, so it is kept byte for byte. How a string would be encoded if one
 * ever appeared is [UNKNOWN]: if the bytes hold anything that looks like a member id (ASCII or
 * UTF-16, either case, or the raw bytes of a SWID seen in this capture) or a known secret, the
 * blob is withheld instead.
 */
function anonymizeInit(frame: string, members: MemberNumbers, secrets: readonly string[]): string {
  const base64 = frame.split(' ')[1]?.replace(/#+$/, '') ?? '';
  const decoded = decodeBase64(base64);
  if (!decoded.ok) return scrubText(frame, members, secrets);
  if (blobMayHoldSecret(decoded.bytes, members, secrets)) return 'INIT [withheld: the snapshot held text that may identify a member]';
  return frame;
}

function blobMayHoldSecret(bytes: Uint8Array, members: MemberNumbers, secrets: readonly string[]): boolean {
  const ascii = latin1(bytes);
  const utf16 = latin1(bytes.filter((_, i) => i % 2 === 1));
  const utf16Odd = latin1(bytes.filter((_, i) => i % 2 === 0));
  const guid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
  if ([ascii, utf16, utf16Odd].some((text) => guid.test(text))) return true;
  if (secrets.some((secret) => secret.length >= 4 && [ascii, utf16, utf16Odd].some((text) => text.includes(secret)))) return true;
  for (const swid of members.keys()) {
    const raw = guidBytes(swid);
    if (raw !== null && indexOfBytes(bytes, raw) >= 0) return true;
  }
  return false;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

function guidBytes(normalized: string): Uint8Array | null {
  const hex = normalized.replace(/-/g, '');
  if (!/^[0-9A-F]{32}$/.test(hex)) return null;
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
