import { describe, expect, it } from 'vitest';
import { isDraftRoomUrl, readDraftPageContext } from '../../../src/contract/draft-page-url';

const SWID = '{4D3A1F2C-9B8E-4C7D-A6F5-0123456789AB}';
const draftUrl = (query: string, sport = 'football', host = 'fantasy.espn.com', scheme = 'https'): string =>
  `${scheme}://${host}/${sport}/draft?${query}`;

describe('readDraftPageContext: real draft rooms', () => {
  it.each(['football', 'baseball', 'basketball', 'hockey'])('reads a %s draft room', (sport) => {
    const href = draftUrl(`leagueId=123456789&seasonId=2025&teamId=4&memberId=${encodeURIComponent(SWID)}`, sport);
    expect(readDraftPageContext(href)).toEqual({ sport, leagueId: '123456789', seasonId: 2025, teamId: 4 });
    expect(isDraftRoomUrl(href)).toBe(true);
  });

  it('never carries the member id (SWID) into the result', () => {
    const href = draftUrl(`leagueId=42&seasonId=2024&teamId=1&memberId=${encodeURIComponent(SWID)}&swid=${encodeURIComponent(SWID)}`);
    const context = readDraftPageContext(href);
    expect(context).not.toBeNull();
    expect(Object.keys(context!).sort()).toEqual(['leagueId', 'seasonId', 'sport', 'teamId']);
    expect(JSON.stringify(context)).not.toContain('4D3A1F2C');
  });

  it('accepts a trailing slash, extra parameters, any parameter order and a fragment', () => {
    expect(readDraftPageContext('https://fantasy.espn.com/hockey/draft/?teamId=12&foo=bar&seasonId=2026&leagueId=7#picks')).toEqual({
      sport: 'hockey',
      leagueId: '7',
      seasonId: 2026,
      teamId: 12,
    });
  });

  it('keeps the league id as the exact digit string (leading zeros, 12 digits)', () => {
    expect(readDraftPageContext(draftUrl('leagueId=000123&seasonId=2025'))?.leagueId).toBe('000123');
    expect(readDraftPageContext(draftUrl('leagueId=123456789012&seasonId=2025'))?.leagueId).toBe('123456789012');
  });

  it('accepts the season bounds 2000 and 2100', () => {
    expect(readDraftPageContext(draftUrl('leagueId=1&seasonId=2000'))?.seasonId).toBe(2000);
    expect(readDraftPageContext(draftUrl('leagueId=1&seasonId=2100'))?.seasonId).toBe(2100);
  });

  it('treats a host in upper case like the canonical one (URL parsing lower-cases it)', () => {
    expect(readDraftPageContext('https://FANTASY.ESPN.COM/football/draft?leagueId=1&seasonId=2025')?.leagueId).toBe('1');
  });
});

describe('readDraftPageContext: team id is optional', () => {
  it.each([
    ['missing', 'leagueId=1&seasonId=2025'],
    ['empty', 'leagueId=1&seasonId=2025&teamId='],
    ['zero', 'leagueId=1&seasonId=2025&teamId=0'],
    ['negative', 'leagueId=1&seasonId=2025&teamId=-3'],
    ['fractional', 'leagueId=1&seasonId=2025&teamId=2.5'],
    ['not a number', 'leagueId=1&seasonId=2025&teamId=abc'],
  ])('is null when %s, and the page still counts as a draft room', (_name, query) => {
    const context = readDraftPageContext(draftUrl(query));
    expect(context).toEqual({ sport: 'football', leagueId: '1', seasonId: 2025, teamId: null });
  });
});

describe('readDraftPageContext: not a draft room', () => {
  const GOOD = 'leagueId=123&seasonId=2025&teamId=2';
  const cases: Array<[string, string]> = [
    ['plain http', draftUrl(GOOD, 'football', 'fantasy.espn.com', 'http')],
    ['a websocket scheme', draftUrl(GOOD, 'football', 'fantasy.espn.com', 'wss')],
    ['another ESPN host', draftUrl(GOOD, 'football', 'www.espn.com')],
    ['the read API host', draftUrl(GOOD, 'football', 'lm-api-reads.fantasy.espn.com')],
    ['a lookalike suffix host', draftUrl(GOOD, 'football', 'fantasy.espn.com.evil.example')],
    ['a lookalike prefix host', draftUrl(GOOD, 'football', 'evilfantasy.espn.com')],
    ['a lookalike dashed host', draftUrl(GOOD, 'football', 'fantasy-espn.com')],
    ['the host with a trailing dot', draftUrl(GOOD, 'football', 'fantasy.espn.com.')],
    ['the host only in the user info', `https://fantasy.espn.com@evil.example/football/draft?${GOOD}`],
    ['the host only in the path', `https://evil.example/fantasy.espn.com/football/draft?${GOOD}`],
    ['the host only in the query', `https://evil.example/football/draft?${GOOD}&h=fantasy.espn.com`],
    ['an unknown sport', draftUrl(GOOD, 'soccer')],
    ['a sport in the wrong case', draftUrl(GOOD, 'Football')],
    ['the league page rather than the draft', `https://fantasy.espn.com/football/league?${GOOD}`],
    ['a deeper draft path', `https://fantasy.espn.com/football/draft/lobby?${GOOD}`],
    ['a draft path under a prefix', `https://fantasy.espn.com/x/football/draft?${GOOD}`],
    ['a missing league id', draftUrl('seasonId=2025&teamId=2')],
    ['an empty league id', draftUrl('leagueId=&seasonId=2025')],
    ['a non-numeric league id', draftUrl('leagueId=12a&seasonId=2025')],
    ['a negative league id', draftUrl('leagueId=-12&seasonId=2025')],
    ['a league id over 12 digits', draftUrl('leagueId=1234567890123&seasonId=2025')],
    ['a league id with a trailing newline', draftUrl('leagueId=123%0A&seasonId=2025')],
    ['a missing season', draftUrl('leagueId=123')],
    ['an empty season', draftUrl('leagueId=123&seasonId=')],
    ['a non-numeric season', draftUrl('leagueId=123&seasonId=next')],
    ['a fractional season', draftUrl('leagueId=123&seasonId=2025.5')],
    ['a season before 2000', draftUrl('leagueId=123&seasonId=1999')],
    ['a season after 2100', draftUrl('leagueId=123&seasonId=2101')],
    ['not a URL', 'fantasy.espn.com/football/draft?leagueId=1&seasonId=2025'],
    ['an empty string', ''],
  ];

  it.each(cases)('rejects %s', (_name, href) => {
    expect(readDraftPageContext(href)).toBeNull();
    expect(isDraftRoomUrl(href)).toBe(false);
  });

  it('isDraftRoomUrl is false for an undefined URL (a tab without a known URL)', () => {
    expect(isDraftRoomUrl(undefined)).toBe(false);
  });
});
