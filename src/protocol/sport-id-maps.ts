// Basketball, baseball and hockey id maps: facts (id → name) read from the public repository
// cwendt94/espn-api, not its code. ESPN documents none of this. Each table names the file and
// commit it was read from. An id the source does not name, or names only as a guess, is left out
// on purpose: the extension then shows the number itself, which is "unknown", never a wrong name.
//
// Two numberings per sport, not to be confused (espn-api calls both "position"):
// - lineupSlotId: what a roster spot accepts (espn-api POSITION_MAP);
// - defaultPositionId: a player's own position (what the pick log exports).

export interface SportIdMaps {
  lineupSlots: Readonly<Record<number, string>>;
  positions: Readonly<Record<number, string>>;
  proTeams: Readonly<Record<number, string>>;
}

/**
 * espn_api/basketball/constant.py @ c688b2a1680557bd7d169401488a4498b3746d9b (POSITION_MAP,
 * PRO_TEAM_MAP). Slot 14 is an empty string there: unknown. A player's position is its
 * defaultPositionId − 1 looked up in the slot map (espn_api/basketball/player.py @ 10aa060),
 * which names 1–5; higher ids are left unknown.
 */
export const BASKETBALL: SportIdMaps = {
  lineupSlots: {
    0: 'PG', 1: 'SG', 2: 'SF', 3: 'PF', 4: 'C', 5: 'G', 6: 'F', 7: 'SG/SF', 8: 'G/F', 9: 'PF/C',
    10: 'F/C', 11: 'UT', 12: 'BE', 13: 'IR', 15: 'Rookie',
  },
  positions: { 1: 'PG', 2: 'SG', 3: 'SF', 4: 'PF', 5: 'C' },
  proTeams: {
    0: 'FA', 1: 'ATL', 2: 'BOS', 3: 'NOP', 4: 'CHI', 5: 'CLE', 6: 'DAL', 7: 'DEN', 8: 'DET',
    9: 'GSW', 10: 'HOU', 11: 'IND', 12: 'LAC', 13: 'LAL', 14: 'MIA', 15: 'MIL', 16: 'MIN',
    17: 'BKN', 18: 'NYK', 19: 'ORL', 20: 'PHL', 21: 'PHO', 22: 'POR', 23: 'SAC', 24: 'SAS',
    25: 'OKC', 26: 'UTA', 27: 'WAS', 28: 'TOR', 29: 'MEM', 30: 'CHA',
  },
};

/**
 * espn_api/baseball/constant.py @ 14a514d4ed2ce5115ddd59840ad6a0908cee8442 (POSITION_MAP,
 * PRO_TEAM_MAP; slots 18, 21 and 22 "have appeared but unknown" there: left out).
 * Positions: the later DEFAULT_POSITION_MAP of the same file (defaultPositionId 1–11), the map
 * espn-api's tests/baseball/unit/test_player.py @ 052daaade9b40539fb50885cd4b9ce9d206a0a9a checks.
 * Pro-team abbreviations keep ESPN's mixed case, as the source spells them.
 */
export const BASEBALL: SportIdMaps = {
  lineupSlots: {
    0: 'C', 1: '1B', 2: '2B', 3: '3B', 4: 'SS', 5: 'OF', 6: '2B/SS', 7: '1B/3B', 8: 'LF', 9: 'CF',
    10: 'RF', 11: 'DH', 12: 'UTIL', 13: 'P', 14: 'SP', 15: 'RP', 16: 'BE', 17: 'IL', 19: 'IF',
  },
  positions: { 1: 'SP', 2: 'C', 3: '1B', 4: '2B', 5: '3B', 6: 'SS', 7: 'LF', 8: 'CF', 9: 'RF', 10: 'DH', 11: 'RP' },
  proTeams: {
    0: 'FA', 1: 'Bal', 2: 'Bos', 3: 'LAA', 4: 'ChW', 5: 'Cle', 6: 'Det', 7: 'KC', 8: 'Mil', 9: 'Min',
    10: 'NYY', 11: 'Oak', 12: 'Sea', 13: 'Tex', 14: 'Tor', 15: 'Atl', 16: 'ChC', 17: 'Cin', 18: 'Hou',
    19: 'LAD', 20: 'Wsh', 21: 'NYM', 22: 'Phi', 23: 'Pit', 24: 'StL', 25: 'SD', 26: 'SF', 27: 'Col',
    28: 'Mia', 29: 'Ari', 30: 'TB',
  },
};

/**
 * espn_api/hockey/constant.py @ 159fcff3e37966b39bdb269471e369bea69d5947. Its POSITION_MAP names
 * slots 1–5 only; 0, 6, 7 and 8 are marked there as guesses ("IR?", "Forward ?"): unknown here.
 * Positions follow espn_api/hockey/player.py @ 018747d033bcfac2f28fb14154bcfb8a00226442:
 * defaultPositionId ≤ 3 is looked up at id − 1, higher ids as they are, which names 2 (Center),
 * 3 (Left Wing), 4 (Defense) and 5 (Goalie); 1 lands on the guessed slot 0: unknown. Right Wing's
 * defaultPositionId is not established by the source. Pro teams are full names there; id 0 is
 * not listed (unknown).
 */
export const HOCKEY: SportIdMaps = {
  lineupSlots: { 1: 'Center', 2: 'Left Wing', 3: 'Right Wing', 4: 'Defense', 5: 'Goalie' },
  positions: { 2: 'Center', 3: 'Left Wing', 4: 'Defense', 5: 'Goalie' },
  proTeams: {
    1: 'Boston Bruins', 2: 'Buffalo Sabres', 3: 'Calgary Flames', 4: 'Chicago Blackhawks',
    5: 'Detroit Red Wings', 6: 'Edmonton Oilers', 7: 'Carolina Hurricanes', 8: 'Los Angeles Kings',
    9: 'Dallas Stars', 10: 'Montréal Canadiens', 11: 'New Jersey Devils', 12: 'New York Islanders',
    13: 'New York Rangers', 14: 'Ottawa Senators', 15: 'Philadelphia Flyers', 16: 'Pittsburgh Penguins',
    17: 'Colorado Avalanche', 18: 'San Jose Sharks', 19: 'St. Louis Blues', 20: 'Tampa Bay Lightning',
    21: 'Toronto Maple Leafs', 22: 'Vancouver Canucks', 23: 'Washington Capitals', 24: 'Arizona Coyotes',
    25: 'Anaheim Ducks', 26: 'Florida Panthers', 27: 'Nashville Predators', 28: 'Winnipeg Jets',
    29: 'Columbus Blue Jackets', 30: 'Minnesota Wild', 37: 'Vegas Golden Knights', 124292: 'Seattle Kraken',
  },
};
