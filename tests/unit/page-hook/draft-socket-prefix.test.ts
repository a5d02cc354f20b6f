import { describe, expect, it } from 'vitest';
import { draftSocketPrefixFor, draftSocketPrefixOfPage, GAME_ID_BY_SPORT } from '../../../src/page-hook/draft-socket-prefix';
import { readDraftPageContext, DRAFT_SPORTS } from '../../../src/contract/draft-page-url';
import { gameCodeOfSportPath, gameIdOfGameCode } from '../../../src/protocol/espn-ids';

const PAGES = [
  'https://fantasy.espn.com/football/draft?leagueId=123456789&seasonId=2025&teamId=2',
  'https://fantasy.espn.com/baseball/draft/?leagueId=42&seasonId=2026',
  'https://fantasy.espn.com/basketball/draft?seasonId=2026&leagueId=7#top',
  'https://fantasy.espn.com/hockey/draft?leagueId=1&leagueId=2&seasonId=2026',
  'https://fantasy.espn.com/football/draftrecap?leagueId=1&seasonId=2026',
  'https://fantasy.espn.com/football/draft/extra?leagueId=1&seasonId=2026',
  'https://fantasy.espn.com/soccer/draft?leagueId=1&seasonId=2026',
  'https://fantasy.espn.com/Football/draft?leagueId=1&seasonId=2026',
  'http://fantasy.espn.com/football/draft?leagueId=1&seasonId=2026',
  'https://fantasy.espn.com.evil.example/football/draft?leagueId=1&seasonId=2026',
  'https://evil.example/fantasy.espn.com/football/draft?leagueId=1&seasonId=2026',
  'https://fantasy.espn.com/football/draft?leagueId=1234567890123&seasonId=2026',
  'https://fantasy.espn.com/football/draft?leagueId=12a&seasonId=2026',
  'https://fantasy.espn.com/football/draft?leagueId=&seasonId=2026',
  'https://fantasy.espn.com/football/draft?seasonId=2026',
  'https://fantasy.espn.com/football/draft?leagueId=%31%32&seasonId=2026',
  'https://FANTASY.ESPN.COM:443/football/draft?leagueId=9&seasonId=2026',
];

describe('draftSocketPrefixOfPage: the hook reads the page URL as the relay and worker do', () => {
  it.each(PAGES)('%s', (href) => {
    const page = readDraftPageContext(href);
    const expected = page === null ? null : draftSocketPrefixFor(gameIdOfGameCode(gameCodeOfSportPath(page.sport)!)!, page.leagueId);
    expect(draftSocketPrefixOfPage(href)).toBe(expected);
  });

  it('finds a prefix for a valid room whatever the season: the relay, not the hook, refuses the page', () => {
    expect(draftSocketPrefixOfPage('https://fantasy.espn.com/football/draft?leagueId=5&seasonId=1900')).toBe('wss://fantasydraft.espn.com/game-1/league-5/');
    expect(readDraftPageContext('https://fantasy.espn.com/football/draft?leagueId=5&seasonId=1900')).toBeNull();
  });

  it("uses ESPN's game ids for every draft sport", () => {
    for (const sport of DRAFT_SPORTS) expect(GAME_ID_BY_SPORT[sport]).toBe(gameIdOfGameCode(gameCodeOfSportPath(sport)!));
  });
});
