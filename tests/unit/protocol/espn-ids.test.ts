import { describe, expect, it } from 'vitest';
import {
  defensePlayerId,
  gameCodeOfGameId,
  gameCodeOfSportPath,
  gameIdOfGameCode,
  isDefensePlayerId,
  lineupSlotLabel,
  lineupSlotName,
  positionLabel,
  positionName,
  proTeamAbbrev,
  proTeamName,
  proTeamOfDefense,
  sportPathOfGameCode,
} from '../../../src/protocol/espn-ids';

describe('game ids and codes', () => {
  it.each([
    [1, 'ffl', 'football'],
    [2, 'flb', 'baseball'],
    [3, 'fba', 'basketball'],
    [4, 'fhl', 'hockey'],
  ] as const)('%i ↔ %s ↔ %s', (id, code, sport) => {
    expect(gameCodeOfGameId(id)).toBe(code);
    expect(gameIdOfGameCode(code)).toBe(id);
    expect(gameCodeOfSportPath(sport)).toBe(code);
    expect(sportPathOfGameCode(code)).toBe(sport);
  });

  it('returns null for anything else', () => {
    expect(gameCodeOfGameId(5)).toBeNull();
    expect(gameIdOfGameCode('wfba')).toBeNull();
    expect(gameCodeOfSportPath('toString')).toBeNull();
    expect(gameCodeOfSportPath('Football')).toBeNull();
    expect(sportPathOfGameCode('xyz')).toBeNull();
  });
});

describe('football labels', () => {
  it('labels the captured roster template', () => {
    expect([0, 2, 2, 4, 4, 6, 23, 16, 17, 20].map((id) => lineupSlotLabel(id))).toEqual([
      'QB', 'RB', 'RB', 'WR', 'WR', 'TE', 'FLEX', 'D/ST', 'K', 'BE',
    ]);
    expect(lineupSlotLabel(21)).toBe('IR');
    expect(lineupSlotLabel(22)).toBeNull();
    expect(lineupSlotLabel(22, 'fba')).toBeNull();
  });

  it('labels positions and pro teams', () => {
    expect([1, 2, 3, 4, 5, 16].map((id) => positionLabel(id))).toEqual(['QB', 'RB', 'WR', 'TE', 'K', 'D/ST']);
    expect(positionLabel(6)).toBeNull();
    expect(proTeamAbbrev(34)).toBe('HOU');
    expect(proTeamAbbrev(33)).toBe('BAL');
    expect(proTeamAbbrev(0)).toBe('FA');
    expect(proTeamAbbrev(31)).toBeNull();
    expect(proTeamAbbrev(34, 'fhl')).toBeNull();
    expect(proTeamAbbrev(34, 'fba')).toBeNull();
  });
});

describe('team defenses', () => {
  it('maps −16000 − proTeamId both ways', () => {
    expect(proTeamOfDefense(-16014)).toBe(14);
    expect(proTeamAbbrev(proTeamOfDefense(-16034)!)).toBe('HOU');
    expect(defensePlayerId(24)).toBe(-16024);
    expect(isDefensePlayerId(-16014)).toBe(true);
  });

  it.each([16800, 4362628, -1, -16000, -16100, 0, -16014.5])('%d is not a defense', (id) => {
    expect(isDefensePlayerId(id)).toBe(false);
    expect(proTeamOfDefense(id)).toBeNull();
  });
});

describe('names per sport', () => {
  it('uses football labels for football only', () => {
    expect(positionName(1, 'ffl')).toBe('QB');
    expect(lineupSlotName(23, 'ffl')).toBe('FLEX');
    expect(proTeamName(14, 'ffl')).toBe('LAR');
    // An id outside football's documented map stays unnamed, as before.
    expect(positionName(99, 'ffl')).toBeNull();
  });

  it.each(['fba', 'flb', 'fhl'])('never gives %s a football label', (game) => {
    // Basketball position 1 is not a QB; hockey has no D/ST.
    expect(positionName(1, game)).not.toBe('QB');
    expect(lineupSlotName(0, game)).not.toBe('QB');
    expect(proTeamName(14, game)).not.toBe('LAR');
    expect(positionName(16, game)).not.toBe('D/ST');
  });

  it('names basketball ids (espn-api basketball/constant.py)', () => {
    expect([1, 2, 3, 4, 5].map((id) => positionName(id, 'fba'))).toEqual(['PG', 'SG', 'SF', 'PF', 'C']);
    expect([0, 5, 6, 11, 12, 13].map((id) => lineupSlotName(id, 'fba'))).toEqual(['PG', 'G', 'F', 'UT', 'BE', 'IR']);
    expect([0, 9, 13, 17, 30].map((id) => proTeamName(id, 'fba'))).toEqual(['FA', 'GSW', 'LAL', 'BKN', 'CHA']);
  });

  it('names baseball ids by defaultPositionId, not by lineup slot', () => {
    expect([1, 2, 3, 6, 7, 10, 11].map((id) => positionName(id, 'flb'))).toEqual(['SP', 'C', '1B', 'SS', 'LF', 'DH', 'RP']);
    // The same number means something else as a lineup slot.
    expect([0, 1, 5, 12, 14, 16, 17].map((id) => lineupSlotName(id, 'flb'))).toEqual(['C', '1B', 'OF', 'UTIL', 'SP', 'BE', 'IL']);
    expect([10, 19, 20, 24].map((id) => proTeamName(id, 'flb'))).toEqual(['NYY', 'LAD', 'Wsh', 'StL']);
  });

  it('names hockey ids the source establishes', () => {
    expect([2, 3, 4, 5].map((id) => positionName(id, 'fhl'))).toEqual(['Center', 'Left Wing', 'Defense', 'Goalie']);
    expect([1, 2, 3, 4, 5].map((id) => lineupSlotName(id, 'fhl'))).toEqual(['Center', 'Left Wing', 'Right Wing', 'Defense', 'Goalie']);
    expect(proTeamName(1, 'fhl')).toBe('Boston Bruins');
    expect(proTeamName(124292, 'fhl')).toBe('Seattle Kraken');
  });

  it.each([
    ['fba', 'position', 6],
    ['fba', 'slot', 14],
    ['flb', 'slot', 18],
    ['flb', 'position', 12],
    ['fhl', 'position', 1],
    ['fhl', 'slot', 0],
    ['fhl', 'slot', 7],
    ['fhl', 'team', 0],
  ] as const)('shows %s %s id %i, which the source does not establish, as its number', (game, kind, id) => {
    const name = kind === 'position' ? positionName(id, game) : kind === 'slot' ? lineupSlotName(id, game) : proTeamName(id, game);
    expect(name).toBe(String(id));
    const label = kind === 'position' ? positionLabel(id, game) : kind === 'slot' ? lineupSlotLabel(id, game) : proTeamAbbrev(id, game);
    expect(label).toBeNull();
  });

  it('falls back to the numeric id for a game code it does not know', () => {
    expect(positionName(1, 'wfba')).toBe('1');
    expect(lineupSlotLabel(0, 'wfba')).toBeNull();
    expect(proTeamName(14, 'toString')).toBe('14');
  });
});
