import type { PickLogJson } from './pick-log-schema';

export const PICK_LOG_CSV_HEADER = [
  'overall_pick',
  'round',
  'round_pick',
  'team_id',
  'team_name',
  'player_id',
  'player_name',
  'position',
  'pro_team',
  'roster_spot',
  'keeper',
  'autopick',
  'source',
  'recorded_at',
  // Added after version 1's first columns; readers that look columns up by name keep working.
  'price',
  'nominating_team_id',
] as const;

const CRLF = '\r\n';

/** A cell is either a number (written as is) or text (guarded against formula injection). */
type Cell = { number: number | null } | { text: string | null };

/** The pick log as RFC 4180 CSV: one row per pick, CRLF line ends, a header row. */
export function formatPickLogCsv(log: PickLogJson): string {
  const teamNames = new Map(log.draft.teams.map((team) => [team.teamId, team.name]));
  const rows = log.picks.map((pick): Cell[] => [
    { number: pick.overallPick },
    { number: pick.round },
    { number: pick.roundPick },
    { number: pick.teamId },
    { text: teamNames.get(pick.teamId) ?? null },
    { number: pick.playerId },
    { text: pick.playerName },
    { text: pick.position },
    { text: pick.proTeam },
    { number: pick.rosterSpot },
    { text: String(pick.keeper) },
    { text: String(pick.autopick) },
    { text: pick.source },
    { text: pick.recordedAt },
    { number: pick.price },
    { number: pick.nominatingTeamId },
  ]);
  const lines = [PICK_LOG_CSV_HEADER.join(','), ...rows.map((cells) => cells.map(formatCell).join(','))];
  return lines.map((line) => line + CRLF).join('');
}

function formatCell(cell: Cell): string {
  if ('number' in cell) return cell.number === null ? '' : String(cell.number);
  if (cell.text === null) return '';
  return quoteField(neutralizeFormula(cell.text));
}

/**
 * Spreadsheets run text starting with = + - @ (or a tab / CR) as a formula, and
 * names come from a third party. A leading apostrophe makes it plain text.
 * Numbers are not touched: a D/ST id like -16014 must stay a number.
 */
function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote fields holding a comma, quote, CR or LF; double inner quotes. */
function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
