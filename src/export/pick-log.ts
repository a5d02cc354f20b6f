import { redactSecrets } from '../draft/redact';
import type { DraftState, LogEntry, Pick } from '../draft/types';
import type { PickLogEvent, PickLogJson, PickLogPick, PickLogTeam } from './pick-log-schema';

/** What the export knows about a player; the draft socket itself only carries ids. */
export interface PlayerInfo {
  name: string | null;
  position: string | null;
  proTeam: string | null;
}

export interface PickLogInput {
  state: DraftState;
  players: ReadonlyMap<number, PlayerInfo>;
  events: readonly LogEntry[];
  exportedAt: number;
}

const UNKNOWN_PLAYER: PlayerInfo = { name: null, position: null, proTeam: null };

/** Builds the version-1 pick log from the draft state (docs/pick-log-format.md). */
export function buildPickLog(input: PickLogInput): PickLogJson {
  const { state } = input;
  return {
    format: 'draft-pick-log',
    version: 1,
    exportedAt: isoTime(input.exportedAt),
    draft: {
      game: state.key.game,
      leagueId: state.key.leagueId,
      seasonId: state.key.seasonId,
      type: state.type,
      status: state.status,
      myTeamId: state.myTeamId,
      teams: state.teams.map((team) => ({ teamId: team.teamId, name: team.name, draftPosition: team.draftPosition })),
      rounds: state.rounds,
    },
    picks: [...state.picks]
      .sort((a, b) => a.overallPick - b.overallPick)
      .map((pick) => exportPick(pick, input.players.get(pick.playerId) ?? UNKNOWN_PLAYER)),
    events: input.events.map(exportEvent),
  };
}

/**
 * Pretty JSON with the documented key order, whatever order the input object
 * was built in, so two exports of the same draft diff cleanly.
 */
export function formatPickLogJson(log: PickLogJson): string {
  const ordered: PickLogJson = {
    format: log.format,
    version: log.version,
    exportedAt: log.exportedAt,
    draft: {
      game: log.draft.game,
      leagueId: log.draft.leagueId,
      seasonId: log.draft.seasonId,
      type: log.draft.type,
      status: log.draft.status,
      myTeamId: log.draft.myTeamId,
      teams: log.draft.teams.map(orderTeam),
      rounds: log.draft.rounds,
    },
    picks: log.picks.map(orderPick),
    events: log.events.map(orderEvent),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function exportPick(pick: Pick, player: PlayerInfo): PickLogPick {
  return {
    overallPick: pick.overallPick,
    round: pick.round,
    roundPick: pick.roundPick,
    teamId: pick.teamId,
    playerId: pick.playerId,
    playerName: player.name,
    position: player.position,
    proTeam: player.proTeam,
    rosterSpot: pick.rosterSpot,
    keeper: pick.keeper,
    autopick: pick.autopick,
    source: pick.source,
    recordedAt: isoTime(pick.recordedAt),
  };
}

/** Log messages are written without secrets; redacting again costs nothing and guards the file. */
function exportEvent(entry: LogEntry): PickLogEvent {
  return { at: isoTime(entry.at), level: entry.level, kind: redactSecrets(entry.kind), message: redactSecrets(entry.message) };
}

function orderTeam(team: PickLogTeam): PickLogTeam {
  return { teamId: team.teamId, name: team.name, draftPosition: team.draftPosition };
}

function orderPick(pick: PickLogPick): PickLogPick {
  return {
    overallPick: pick.overallPick,
    round: pick.round,
    roundPick: pick.roundPick,
    teamId: pick.teamId,
    playerId: pick.playerId,
    playerName: pick.playerName,
    position: pick.position,
    proTeam: pick.proTeam,
    rosterSpot: pick.rosterSpot,
    keeper: pick.keeper,
    autopick: pick.autopick,
    source: pick.source,
    recordedAt: pick.recordedAt,
  };
}

function orderEvent(event: PickLogEvent): PickLogEvent {
  return { at: event.at, level: event.level, kind: event.kind, message: event.message };
}

function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
