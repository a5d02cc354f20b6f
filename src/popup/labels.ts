import type { DraftState, Pick } from '../draft/types';
import type { PlayerInfo } from '../contract/draft-view';
import { sportPathOfGameCode } from '../protocol/espn-ids';

/** "Football" for ffl; the raw code for a sport we have no name for. */
export function sportLabel(game: string): string {
  const path = sportPathOfGameCode(game);
  return path ? path[0]!.toUpperCase() + path.slice(1) : game.toUpperCase();
}

export function teamNameOf(state: DraftState, teamId: number): string {
  return state.teams.find((team) => team.teamId === teamId)?.name ?? `Team ${teamId}`;
}

/** What a pick shows when names are still loading: at least the id, never an empty cell. */
export function playerOf(players: Readonly<Record<string, PlayerInfo>>, pick: Pick): PlayerInfo {
  return players[String(pick.playerId)] ?? { playerId: pick.playerId, name: null, position: null, proTeam: null };
}

export function playerName(player: PlayerInfo): string {
  return player.name ?? `Player #${player.playerId}`;
}

/** A picks's place in the draft: "3.07" is round 3, pick 7. */
export function roundPickLabel(round: number, roundPick: number): string {
  return `${round}.${String(roundPick).padStart(2, '0')}`;
}

/** A countdown in clock form: 1:05, 0:09; never negative. */
export function clockLabel(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "4 s", "2 min", "1 h 5 min": an age read at a glance; whole seconds because it ticks each second. */
export function ageLabel(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Wall-clock time of an event, HH:MM:SS in the popup's time zone. */
export function timeOfDay(at: number): string {
  const date = new Date(at);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** "J. Chase" for Ja'Marr Chase: the board's narrow cells, as ESPN's own board abbreviates. Team defenses stay whole. */
export function shortPlayerName(player: PlayerInfo): string {
  const name = playerName(player);
  if (player.name === null || player.position === 'D/ST') return name;
  const [first, ...rest] = name.split(/\s+/);
  return rest.length === 0 || !first ? name : `${first[0]}. ${rest.join(' ')}`;
}

/** The league's name from ESPN when it was read, else its id: leagues stay told apart either way. */
export function leagueLabel(leagueName: string | null, leagueId: string): string {
  return leagueName ?? `League ${leagueId}`;
}
