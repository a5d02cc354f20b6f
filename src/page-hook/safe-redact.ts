import { stringCharCodeAt, stringIndexOf, stringSlice } from './intrinsics';

/**
 * The hook's redaction of the join token, written with captured string primitives only. The
 * regex-based redaction in src/protocol/redact.ts would go through String.prototype.replace,
 * RegExp.prototype.exec and the `flags` getters, all of which a page script can replace, and a
 * page that can make the hook skip redaction can make the extension store the token. The worker
 * redacts again on arrival; this copy makes sure the secret does not leave the page at all.
 */

const COLON = 58;
const PERCENT = 37;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** ASCII whitespace and the other characters `\s` matches in the range a frame uses. */
const isSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0xfeff || code === 0x2028 || code === 0x2029;

/** Length of a `:` or `%3A` separator at `at`, or 0. */
function separatorAt(text: string, at: number): number {
  const code = stringCharCodeAt(text, at);
  if (code === COLON) return 1;
  if (code === PERCENT && stringCharCodeAt(text, at + 1) === 51 /* 3 */) {
    const letter = stringCharCodeAt(text, at + 2);
    if (letter === 65 /* A */ || letter === 97 /* a */) return 3;
  }
  return 0;
}

/** The token's leading all-digit fields, at most three (game, league, team), joined with ':'. */
function publicIds(text: string, start: number, end: number): string {
  let ids = '';
  let at = start;
  for (let count = 0; count < 3 && at < end; count += 1) {
    let digitsEnd = at;
    while (digitsEnd < end && isDigit(stringCharCodeAt(text, digitsEnd))) digitsEnd += 1;
    if (digitsEnd === at) break;
    const separator = digitsEnd < end ? separatorAt(text, digitsEnd) : 0;
    // The field must end at a separator or at the end of the token: `12ab` is not an id.
    if (digitsEnd < end && separator === 0) break;
    ids = ids === '' ? stringSlice(text, at, digitsEnd) : `${ids}:${stringSlice(text, at, digitsEnd)}`;
    at = digitsEnd + separator;
  }
  return ids;
}

/** `TOKEN g:L:T:{SWID}:code …` → `TOKEN g:L:T` (newline kept); the same result as redactTokenFrame. */
export function redactTokenFrameInPage(text: string): string {
  let at = 5;
  while (at < text.length && (isSpace(stringCharCodeAt(text, at)) || stringCharCodeAt(text, at) === COLON)) at += 1;
  let end = at;
  while (end < text.length && !isSpace(stringCharCodeAt(text, end))) end += 1;
  const ids = publicIds(text, at, end);
  const newline = text.length > 0 && stringCharCodeAt(text, text.length - 1) === 10 ? '\n' : '';
  return ids === '' ? `TOKEN${newline}` : `TOKEN ${ids}${newline}`;
}

/** Characters a public query value may have; anything else (a SWID, `%7B`, a token) is not kept. */
const isPlainChar = (code: number): boolean =>
  isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 /* _ */ || code === 46; /* . */

function isPlain(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (!isPlainChar(stringCharCodeAt(text, i))) return false;
  return true;
}

function redactParam(param: string): string {
  const eq = stringIndexOf(param, '=');
  const key = eq < 0 ? param : stringSlice(param, 0, eq);
  if (key === '4') return '4=[swid]';
  if (key === '5' || key === 'token') {
    const ids = eq < 0 ? '' : publicIds(param, eq + 1, param.length);
    return `${key}=${ids === '' ? '' : `${ids}:`}[swid]:[code]`;
  }
  if (!isPlain(key, 0, key.length)) return '[redacted]';
  return eq < 0 || isPlain(param, eq + 1, param.length) ? param : `${key}=[redacted]`;
}

/**
 * The socket URL without the member's SWID (param 4) and the token's secret parts (param 5),
 * keeping the path and public ids the worker reads. Values that are not plain letters and digits
 * are dropped rather than inspected; a path with braces or escapes is dropped too.
 */
export function redactSocketUrlInPage(url: string): string {
  const queryAt = stringIndexOf(url, '?');
  const fragmentAt = stringIndexOf(url, '#');
  const baseEnd = queryAt >= 0 ? queryAt : fragmentAt >= 0 ? fragmentAt : url.length;
  let base = stringSlice(url, 0, baseEnd);
  if (stringIndexOf(base, '{') >= 0 || stringIndexOf(base, '}') >= 0 || stringIndexOf(base, '%') >= 0) {
    const pathAt = stringIndexOf(base, '/', stringIndexOf(base, '//') + 2);
    base = `${pathAt < 0 ? base : stringSlice(base, 0, pathAt)}/[redacted]`;
  }
  if (queryAt < 0) return base;
  const queryEnd = fragmentAt > queryAt ? fragmentAt : url.length;
  let query = '';
  let at = queryAt + 1;
  while (at <= queryEnd) {
    let next = stringIndexOf(url, '&', at);
    if (next < 0 || next > queryEnd) next = queryEnd;
    const param = redactParam(stringSlice(url, at, next));
    query = at === queryAt + 1 ? param : `${query}&${param}`;
    at = next + 1;
  }
  return `${base}?${query}`;
}
