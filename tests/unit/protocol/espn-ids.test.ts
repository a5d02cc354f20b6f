import { describe, expect, it } from 'vitest';
import {
  defensePlayerId,
  gameCodeOfGameId,
  gameCodeOfSportPath,
  gameIdOfGameCode,
  hasDocumentedIdMaps,
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
    expect(lineupSlotLabel(0, 'fba')).toBeNull();
  });

  it('labels positions and pro teams', () => {
    expect([1, 2, 3, 4, 5, 16].map((id) => positionLabel(id))).toEqual(['QB', 'RB', 'WR', 'TE', 'K', 'D/ST']);
    expect(positionLabel(6)).toBeNull();
    expect(proTeamAbbrev(34)).toBe('HOU');
    expect(proTeamAbbrev(33)).toBe('BAL');
    expect(proTeamAbbrev(0)).toBe('FA');
    expect(proTeamAbbrev(31)).toBeNull();
    expect(proTeamAbbrev(34, 'fhl')).toBeNull();
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
    expect(hasDocumentedIdMaps('ffl')).toBe(true);
    expect(positionName(1, 'ffl')).toBe('QB');
    expect(lineupSlotName(23, 'ffl')).toBe('FLEX');
    expect(proTeamName(14, 'ffl')).toBe('LAR');
    // An id outside football's documented map stays unnamed, as before.
    expect(positionName(99, 'ffl')).toBeNull();
  });

  it.each(['fba', 'flb', 'fhl'])('falls back to the numeric id for %s, whose maps the shared docs do not give', (game) => {
    expect(hasDocumentedIdMaps(game)).toBe(false);
    // Never a football label for another sport's id (basketball position 1 is not a QB).
    expect(positionName(1, game)).toBe('1');
    expect(lineupSlotName(0, game)).toBe('0');
    expect(proTeamName(14, game)).toBe('14');
  });
});
