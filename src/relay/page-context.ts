/** The draft-room page a batch came from. The member's SWID (memberId) is deliberately absent. */
export interface DraftPageContext {
  sport: string;
  leagueId: string;
  seasonId: number;
  teamId: number | null;
}

const DRAFT_PATH = /^\/(football|baseball|basketball|hockey)\/draft\/?$/;

export function readDraftPageContext(href: string): DraftPageContext | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname !== 'fantasy.espn.com') return null;
  const path = DRAFT_PATH.exec(url.pathname);
  const leagueId = url.searchParams.get('leagueId') ?? '';
  const season = Number(url.searchParams.get('seasonId'));
  if (!path?.[1] || !/^\d{1,12}$/.test(leagueId) || !Number.isInteger(season) || season < 2000 || season > 2100) return null;
  const team = Number(url.searchParams.get('teamId'));
  return { sport: path[1], leagueId, seasonId: season, teamId: Number.isInteger(team) && team > 0 ? team : null };
}

export function isDraftRoomUrl(href: string | undefined): boolean {
  return href !== undefined && readDraftPageContext(href) !== null;
}

/** Still in a draft room, judged by the path alone (a page may rewrite its query string). */
export function isDraftRoomPath(href: string | undefined): boolean {
  if (href === undefined) return false;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && url.hostname === 'fantasy.espn.com' && DRAFT_PATH.test(url.pathname);
  } catch {
    return false;
  }
}
