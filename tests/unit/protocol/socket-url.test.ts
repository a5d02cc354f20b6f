import { describe, expect, it } from 'vitest';
import { parseDraftSocketUrl } from '../../../src/protocol/socket-url';
import { loadSessionA } from './session-a-fixture';

const SWID = '{00000000-0000-4000-8000-000000000002}';

describe('parseDraftSocketUrl', () => {
  it('reads the captured raw URL', () => {
    expect(parseDraftSocketUrl(loadSessionA().meta.url)).toEqual({ gameId: 1, leagueId: 123456789, teamId: 2 });
  });

  it('reads a redacted URL and one with only the path and team', () => {
    expect(
      parseDraftSocketUrl('wss://fantasydraft.espn.com/game-3/league-77/JOIN?1=3&2=77&3=5&4=[swid]&5=3:77:5:[swid]:[code]'),
    ).toEqual({ gameId: 3, leagueId: 77, teamId: 5 });
    expect(parseDraftSocketUrl('wss://fantasydraft.espn.com/game-1/league-9/JOIN?3=4')).toEqual({ gameId: 1, leagueId: 9, teamId: 4 });
  });

  it('falls back to the token for the team id', () => {
    expect(parseDraftSocketUrl(`wss://fantasydraft.espn.com/game-1/league-9/JOIN?5=1:9:6:${SWID}:-1`)).toEqual({
      gameId: 1,
      leagueId: 9,
      teamId: 6,
    });
  });

  it.each([
    ['other host', 'wss://espn.connections.edge.bamgrid.com/game-1/league-9/JOIN?3=2'],
    ['look-alike host', 'wss://fantasydraft.espn.com.evil.example/game-1/league-9/JOIN?3=2'],
    ['sub-domain', 'wss://x.fantasydraft.espn.com/game-1/league-9/JOIN?3=2'],
    ['wrong case path', 'wss://fantasydraft.espn.com/game-1/league-9/join?3=2'],
    ['SSE path', 'https://fantasydraft.espn.com/game-1/league-9/sse/JOIN?3=2'],
    ['http scheme', 'https://fantasydraft.espn.com/game-1/league-9/JOIN?3=2'],
    ['extra path', 'wss://fantasydraft.espn.com/game-1/league-9/JOIN/x?3=2'],
    ['non-numeric league', 'wss://fantasydraft.espn.com/game-1/league-abc/JOIN?3=2'],
    ['league 0', 'wss://fantasydraft.espn.com/game-1/league-0/JOIN?3=2'],
    ['no team', 'wss://fantasydraft.espn.com/game-1/league-9/JOIN'],
    ['param 2 disagrees with the path', 'wss://fantasydraft.espn.com/game-1/league-9/JOIN?2=10&3=2'],
    ['param 1 disagrees with the path', 'wss://fantasydraft.espn.com/game-1/league-9/JOIN?1=3&3=2'],
    ['not a URL', 'fantasydraft.espn.com/game-1/league-9/JOIN?3=2'],
    ['empty', ''],
  ])('rejects %s', (_name, url) => {
    expect(parseDraftSocketUrl(url)).toBeNull();
  });
});
