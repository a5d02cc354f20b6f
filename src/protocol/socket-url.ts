export interface DraftSocketIds {
  gameId: number;
  leagueId: number;
  teamId: number;
}

const DRAFT_HOST = 'fantasydraft.espn.com';
const JOIN_PATH = /^\/game-(\d+)\/league-(\d+)\/JOIN$/;

function positiveId(text: string | null | undefined): number | null {
  if (text == null || !/^[1-9]\d{0,15}$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Recognises ESPN's draft socket and reads its public ids. Works on raw and redacted URLs,
 * since only the path and params 1–3 are used (the token in param 5 is a fallback for the team).
 * Anything else (other hosts, the DSS telemetry socket, the SSE path) returns null.
 */
export function parseDraftSocketUrl(url: string): DraftSocketIds | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'wss:' && parsed.protocol !== 'ws:') return null;
  if (parsed.hostname !== DRAFT_HOST) return null;
  const path = JOIN_PATH.exec(parsed.pathname);
  const gameId = positiveId(path?.[1]);
  const leagueId = positiveId(path?.[2]);
  if (gameId === null || leagueId === null) return null;
  const query = parsed.searchParams;
  if (query.has('1') && positiveId(query.get('1')) !== gameId) return null;
  if (query.has('2') && positiveId(query.get('2')) !== leagueId) return null;
  const teamId = positiveId(query.get('3')) ?? positiveId(query.get('5')?.split(':')[2]);
  if (teamId === null) return null;
  return { gameId, leagueId, teamId };
}
