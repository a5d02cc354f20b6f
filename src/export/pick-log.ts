import { redactSecrets } from '../draft/redact';
import type { DraftState, LogEntry, Pick } from '../draft/types';
import { pickLogSchema, type PickLogEvent, type PickLogJson, type PickLogPick } from './pick-log-schema';

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
      archive: state.archive === undefined ? null : { reason: state.archive.reason, archivedAt: isoTime(state.archive.archivedAt) },
    },
    picks: [...state.picks]
      .sort((a, b) => a.overallPick - b.overallPick)
      .map((pick) => exportPick(pick, input.players.get(pick.playerId) ?? UNKNOWN_PLAYER)),
    events: input.events.map(exportEvent),
  };
}

/**
 * Pretty JSON with the documented key order, whatever order the input object
 * was built in, so two exports of the same draft diff cleanly. Parsing through
 * the schema rebuilds every object in the schema's key order.
 */
export function formatPickLogJson(log: PickLogJson): string {
  return `${JSON.stringify(pickLogSchema.parse(log), null, 2)}\n`;
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
    // Absent on snake picks (and on picks stored before auctions were supported).
    price: pick.price ?? null,
    nominatingTeamId: pick.nominatingTeamId ?? null,
  };
}

/** Log messages are written without secrets; redacting again costs nothing and guards the file. */
function exportEvent(entry: LogEntry): PickLogEvent {
  return { at: isoTime(entry.at), level: entry.level, kind: redactSecrets(entry.kind), message: redactSecrets(entry.message) };
}

function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
