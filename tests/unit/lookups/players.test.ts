import { describe, expect, it } from 'vitest';
import { parsePlayersResponse } from '../../../src/lookups/players';
import { PLAYERS_FILTER_HEADER, playersUrl } from '../../../src/lookups/league-client';
import type { PlayerInfo } from '../../../src/contract/draft-view';

const parse = (entries: unknown): { players: PlayerInfo[]; dropped: number } => {
  const result = parsePlayersResponse(JSON.stringify(entries));
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return { players: result.players, dropped: result.dropped };
};

describe('parsePlayersResponse: a valid pool', () => {
  it('reads names, positions and pro teams, keeping the order', () => {
    const { players, dropped } = parse([
      { id: 4362628, fullName: "Ja'Marr Chase", defaultPositionId: 3, proTeamId: 4 },
      { id: 15847, fullName: 'Travis Kelce', defaultPositionId: 4, proTeamId: 12 },
      { id: 3918298, fullName: 'Josh Allen', defaultPositionId: 1, proTeamId: 2 },
      { id: -16034, fullName: 'Texans D/ST', defaultPositionId: 16, proTeamId: 34 },
      { id: 3054850, fullName: 'Harrison Butker', defaultPositionId: 5, proTeamId: 12 },
      { id: 4430807, fullName: 'Bijan Robinson', defaultPositionId: 2, proTeamId: 1 },
    ]);
    expect(dropped).toBe(0);
    expect(players).toEqual([
      { playerId: 4362628, name: "Ja'Marr Chase", position: 'WR', proTeam: 'CIN' },
      { playerId: 15847, name: 'Travis Kelce', position: 'TE', proTeam: 'KC' },
      { playerId: 3918298, name: 'Josh Allen', position: 'QB', proTeam: 'BUF' },
      { playerId: -16034, name: 'Texans D/ST', position: 'D/ST', proTeam: 'HOU' },
      { playerId: 3054850, name: 'Harrison Butker', position: 'K', proTeam: 'KC' },
      { playerId: 4430807, name: 'Bijan Robinson', position: 'RB', proTeam: 'ATL' },
    ]);
  });

  it('keeps D/ST pseudo-players with negative ids for every team shape', () => {
    const { players } = parse([
      { id: -16001, fullName: 'Falcons D/ST', defaultPositionId: 16, proTeamId: 1 },
      { id: -16033, fullName: 'Ravens D/ST', defaultPositionId: 16, proTeamId: 33 },
    ]);
    expect(players.map((p) => [p.playerId, p.position, p.proTeam])).toEqual([
      [-16001, 'D/ST', 'ATL'],
      [-16033, 'D/ST', 'BAL'],
    ]);
  });

  it('accepts the int32 bounds for ids', () => {
    const { players, dropped } = parse([{ id: 2_147_483_647 }, { id: -2_147_483_648 }, { id: 0 }]);
    expect(dropped).toBe(0);
    expect(players.map((p) => p.playerId)).toEqual([2_147_483_647, -2_147_483_648, 0]);
  });

  it('accepts an empty pool', () => {
    expect(parsePlayersResponse('[]')).toEqual({ ok: true, players: [], dropped: 0 });
  });

  it('ignores fields it does not know', () => {
    const { players } = parse([{ id: 1, fullName: 'A B', ownership: { percentOwned: 99 }, eligibleSlots: [2, 3] }]);
    expect(players).toEqual([{ playerId: 1, name: 'A B', position: null, proTeam: null }]);
  });
});

describe('parsePlayersResponse: names', () => {
  it('prefers fullName over first and last name', () => {
    expect(parse([{ id: 1, fullName: 'Full Name', firstName: 'First', lastName: 'Last' }]).players[0]!.name).toBe('Full Name');
  });

  it('joins first and last name when fullName is missing', () => {
    expect(parse([{ id: 1, firstName: 'Patrick', lastName: 'Mahomes' }]).players[0]!.name).toBe('Patrick Mahomes');
  });

  it.each([
    ['only a first name', { firstName: 'Cher' }, 'Cher'],
    ['only a last name', { lastName: 'Mahomes' }, 'Mahomes'],
    ['an empty first name', { firstName: '', lastName: 'Mahomes' }, 'Mahomes'],
    ['an empty last name', { firstName: 'Patrick', lastName: '' }, 'Patrick'],
    ['both names empty', { firstName: '', lastName: '' }, null],
    ['no name at all', {}, null],
  ])('uses %s', (_name, fields, expected) => {
    expect(parse([{ id: 1, ...fields }]).players[0]!.name).toBe(expected);
  });
});

describe('parsePlayersResponse: labels', () => {
  it('leaves position and pro team null when absent', () => {
    expect(parse([{ id: 1, fullName: 'X' }]).players[0]).toEqual({ playerId: 1, name: 'X', position: null, proTeam: null });
  });

  it('labels free agents FA (proTeamId 0)', () => {
    expect(parse([{ id: 1, proTeamId: 0 }]).players[0]!.proTeam).toBe('FA');
  });

  it.each([
    ['an unknown position id', { defaultPositionId: 99 }, 'position'],
    ['position id 0', { defaultPositionId: 0 }, 'position'],
    ['a pro team id in the gap (31)', { proTeamId: 31 }, 'proTeam'],
    ['a pro team id past the last one', { proTeamId: 35 }, 'proTeam'],
    ['a negative pro team id', { proTeamId: -1 }, 'proTeam'],
  ] as const)('gives null for %s but keeps the player', (_name, fields, key) => {
    const { players, dropped } = parse([{ id: 7, ...fields }]);
    expect(dropped).toBe(0);
    expect(players[0]![key]).toBeNull();
  });
});

describe('parsePlayersResponse: bad entries are dropped and counted', () => {
  const bad: Array<[string, unknown]> = [
    ['null', null],
    ['a number', 42],
    ['a string', 'Josh Allen'],
    ['an array', [1, 'Josh Allen']],
    ['no id', { fullName: 'Nobody' }],
    ['a string id', { id: '3918298', fullName: 'Josh Allen' }],
    ['a fractional id', { id: 1.5 }],
    ['an id past int32', { id: 2_147_483_648 }],
    ['an id below int32', { id: -2_147_483_649 }],
    ['a numeric fullName', { id: 1, fullName: 12 }],
    ['a fullName over 200 characters', { id: 1, fullName: 'x'.repeat(201) }],
    ['a firstName over 100 characters', { id: 1, firstName: 'x'.repeat(101) }],
    ['a null lastName', { id: 1, lastName: null }],
    ['a fractional position id', { id: 1, defaultPositionId: 2.5 }],
    ['a string pro team id', { id: 1, proTeamId: '12' }],
  ];

  it.each(bad)('drops an entry that is %s', (_name, entry) => {
    expect(parse([entry])).toEqual({ players: [], dropped: 1 });
  });

  it('keeps the good entries around bad ones and counts each bad one', () => {
    const { players, dropped } = parse([
      { id: 1, fullName: 'One' },
      null,
      { id: 'two' },
      { id: 3, fullName: 'Three' },
      { fullName: 'no id' },
      { id: 4, firstName: 'Fo', lastName: 'ur' },
    ]);
    expect(players.map((p) => [p.playerId, p.name])).toEqual([
      [1, 'One'],
      [3, 'Three'],
      [4, 'Fo ur'],
    ]);
    expect(dropped).toBe(3);
  });
});

describe('parsePlayersResponse: unusable bodies', () => {
  it.each(['', 'not json', '[{"id":1}', '<html>Service Unavailable</html>'])('refuses invalid JSON %j', (body) => {
    expect(parsePlayersResponse(body)).toEqual({ ok: false, error: 'players response is not valid JSON' });
  });

  it.each([
    ['an object', '{"players":[]}'],
    ['null', 'null'],
    ['a number', '7'],
    ['a string', '"[]"'],
  ])('refuses JSON that is %s rather than an array', (_name, body) => {
    expect(parsePlayersResponse(body)).toEqual({ ok: false, error: 'players response is not an array' });
  });
});

describe('playersUrl and PLAYERS_FILTER_HEADER', () => {
  it('points at the season pool of ESPN’s read API', () => {
    expect(playersUrl('ffl', 2025)).toBe('https://lm-api-reads.fantasy.espn.com/apis/v3/games/ffl/seasons/2025/players?view=players_wl');
    expect(playersUrl('fhl', 2026)).toBe('https://lm-api-reads.fantasy.espn.com/apis/v3/games/fhl/seasons/2026/players?view=players_wl');
  });

  it('encodes the game code as one path segment', () => {
    expect(playersUrl('a/b?c', 2025)).toBe('https://lm-api-reads.fantasy.espn.com/apis/v3/games/a%2Fb%3Fc/seasons/2025/players?view=players_wl');
  });

  it('asks for active players only, as a JSON header value', () => {
    expect(Object.keys(PLAYERS_FILTER_HEADER)).toEqual(['x-fantasy-filter']);
    expect(JSON.parse(PLAYERS_FILTER_HEADER['x-fantasy-filter'])).toEqual({ filterActive: { value: true } });
  });
});

describe('empty names', () => {
  it('fall back to first and last name, or null', () => {
    const result = parsePlayersResponse('[{"id":1,"fullName":"","firstName":"Josh","lastName":"Allen"},{"id":2,"fullName":" "}]');
    expect(result.ok && result.players.map((p) => p.name)).toEqual(['Josh Allen', null]);
  });
});

describe('parsePlayersResponse: other sports', () => {
  it('gives a basketball player its own sport\'s position and team, never football\'s', () => {
    const result = parsePlayersResponse('[{"id":3975,"fullName":"A Guard","defaultPositionId":1,"proTeamId":14}]', 'fba');
    expect(result.ok && result.players[0]).toEqual({ playerId: 3975, name: 'A Guard', position: 'PG', proTeam: 'MIA' });
  });

  it('shows the numeric id for an id the sport\'s source does not establish', () => {
    const result = parsePlayersResponse('[{"id":3975,"fullName":"A Skater","defaultPositionId":1,"proTeamId":99}]', 'fhl');
    expect(result.ok && result.players[0]).toEqual({ playerId: 3975, name: 'A Skater', position: '1', proTeam: '99' });
  });

  it('keeps football labels for football', () => {
    const result = parsePlayersResponse('[{"id":1,"defaultPositionId":1,"proTeamId":14}]', 'ffl');
    expect(result.ok && result.players[0]).toMatchObject({ position: 'QB', proTeam: 'LAR' });
  });
});
