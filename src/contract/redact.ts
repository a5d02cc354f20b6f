import { SWID_ANYWHERE } from './swid';

// The join token `g:L:T:{SWID}:code` is a bearer credential: with it anyone can draft for the
// team. Only its first three fields (game, league, team) are public.

const TOKEN_SEPARATOR = /:|%3A/i;
const URL_SECRET_PARAMS = new Set(['5', 'token']);
const URL_SWID_PARAMS = new Set(['4']);
/** Join tokens embedded anywhere in free text, raw or percent-encoded. */
const TOKEN_ANYWHERE = /\b(\d+)(?::|%3A)(\d+)(?::|%3A)(\d+)(?::|%3A)\S*?(?::|%3A)-?\d+\b/gi;
/** `TOKEN <arg>` inside a log line; only args that look like a token (contain a separator) are touched. */
const TOKEN_FRAME_ANYWHERE = /\bTOKEN([ \t]+)([^\s;,&"')]*(?::|%3A)[^\s;,&"')]*)/gi;

/** Leading all-digit fields of a join token, at most three: the public game, league and team ids. */
function publicTokenIds(token: string): string[] {
  const ids: string[] = [];
  for (const part of token.split(TOKEN_SEPARATOR).slice(0, 3)) {
    if (!/^\d+$/.test(part)) break;
    ids.push(part);
  }
  return ids;
}

/**
 * Keeps `TOKEN g:L:T` and drops the SWID, the security code and anything else on the frame.
 * Other frames pass through unchanged. The output still parses as a TOKEN event.
 */
export function redactFrameText(text: string): string {
  if (!text.startsWith('TOKEN')) return text;
  const firstArg = text.slice(5).replace(/^[\s:]+/, '').split(/\s/, 1)[0] ?? '';
  const ids = publicTokenIds(firstArg);
  const newline = text.endsWith('\n') ? '\n' : '';
  return ids.length > 0 ? `TOKEN ${ids.join(':')}${newline}` : `TOKEN${newline}`;
}

/** Name used by the page hook, which redacts TOKEN frames before they leave the page. */
export const redactTokenFrame = redactFrameText;

/**
 * Replaces the SWID (param 4) and the token's SWID and security code (param 5; `token` in the
 * long-poll URL) while keeping game, league and team ids so the URL stays identifiable.
 * Idempotent; any other SWID in the URL is scrubbed too.
 */
export function redactSocketUrl(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return url.replace(SWID_ANYWHERE, '[swid]');
  const fragmentAt = url.indexOf('#', queryAt);
  const queryEnd = fragmentAt < 0 ? url.length : fragmentAt;
  const params = url
    .slice(queryAt + 1, queryEnd)
    .split('&')
    .map((param) => {
      const eq = param.indexOf('=');
      const key = eq < 0 ? param : param.slice(0, eq);
      if (URL_SWID_PARAMS.has(key)) return `${key}=[swid]`;
      if (URL_SECRET_PARAMS.has(key)) {
        const ids = publicTokenIds(eq < 0 ? '' : param.slice(eq + 1));
        return `${key}=${[...ids, '[swid]', '[code]'].join(':')}`;
      }
      return param;
    });
  const redacted = `${url.slice(0, queryAt)}?${params.join('&')}${url.slice(queryEnd)}`;
  return redacted.replace(SWID_ANYWHERE, '[swid]');
}

/** For log lines: every SWID becomes `{SWID}` and every join-token secret is dropped. */
export function redactForLog(text: string): string {
  return text
    .replace(TOKEN_FRAME_ANYWHERE, (_match, space: string, arg: string) => {
      const ids = publicTokenIds(arg);
      return `TOKEN${space}${ids.length > 0 ? ids.join(':') : '[redacted]'}`;
    })
    .replace(TOKEN_ANYWHERE, '$1:$2:$3:{SWID}:[code]')
    .replace(SWID_ANYWHERE, '{SWID}');
}
