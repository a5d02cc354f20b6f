/**
 * fantasy.espn.com, simulated: the draft page (`../page/`) and the login cookies it sets.
 * Pure request → response, like rest.ts.
 */
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import type { LeagueInfo } from '../league';
import { SIM_HOSTS } from './certs';
import { parseCookies } from './rest';

const PAGE_HTML = readFileSync(new URL('../page/draft.html', import.meta.url), 'utf8');
const PAGE_JS = readFileSync(new URL('../page/draft-client.js', import.meta.url), 'utf8');
/** `?simInject=hostile`: a hostile third-party script runs before the draft client (tests/e2e/hostile-page.e2e.test.ts). */
const HOSTILE_JS = readFileSync(new URL('../page/hostile.js', import.meta.url), 'utf8');
const CLIENT_TAG = '<script src="/__sim/draft-client.js">';

const NOT_FOUND_HTML = '<!doctype html><title>Page not found</title><h1>Page not found</h1>';

/** When the draft page sets the SWID / espn_s2 cookies. */
export type PageCookies = 'always' | 'private-only' | 'never';

export interface PageResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

export function servePage(league: LeagueInfo, pageCookies: PageCookies, rawUrl: string, reqHeaders: IncomingHttpHeaders): PageResponse {
  const url = new URL(rawUrl, `https://${SIM_HOSTS.page}`);
  if (url.pathname === '/__sim/draft-client.js') {
    return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }, body: PAGE_JS };
  }
  if (url.pathname === '/__sim/hostile.js') {
    return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }, body: HOSTILE_JS };
  }
  if (url.pathname === '/favicon.ico') return { status: 204, headers: {}, body: '' };
  if (url.pathname !== `/${league.sport}/draft`) {
    return { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: NOT_FOUND_HTML };
  }
  const p = url.searchParams;
  const headers: Record<string, string | string[]> = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // ESPN's draft page only sets frame-ancestors (protocol.md §1).
    'content-security-policy': "frame-ancestors 'self' *.espn.com",
  };
  if (!p.get('leagueId') || !p.get('seasonId') || !p.get('teamId') || !p.get('memberId')) {
    return { status: 404, headers, body: NOT_FOUND_HTML };
  }
  const swid = p.get('memberId');
  const member = league.teams.find((t) => t.memberSwid !== null && t.memberSwid === swid);
  const wantCookies = pageCookies === 'always' || (pageCookies === 'private-only' && league.privateLeague);
  const cookies = parseCookies(reqHeaders.cookie);
  if (member && wantCookies && (cookies.get('SWID') !== member.memberSwid || cookies.get('espn_s2') !== league.espnS2)) {
    const attrs = 'Domain=.espn.com; Path=/; Secure; SameSite=None; Max-Age=31536000';
    headers['set-cookie'] = [`SWID=${member.memberSwid}; ${attrs}`, `espn_s2=${league.espnS2}; ${attrs}`];
  }
  const body = p.get('simInject') === 'hostile' ? PAGE_HTML.replace(CLIENT_TAG, `<script src="/__sim/hostile.js"></script>\n${CLIENT_TAG}`) : PAGE_HTML;
  return { status: 200, headers, body };
}
