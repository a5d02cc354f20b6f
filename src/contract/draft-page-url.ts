/**
 * The draft room a page is, read from its URL. Zod-free on purpose: the MAIN-world hook runs this
 * in ESPN's page (and may not even reach zod through a type). The worker's schema for the same
 * shape (./page-context.ts) checks these rules and is proven equal to this type at compile time.
 */

/** The member's SWID (memberId) is deliberately absent. */
export interface DraftPageContext {
  sport: string;
  leagueId: string;
  seasonId: number;
  teamId: number | null;
}

export const DRAFT_SPORTS = ['football', 'baseball', 'basketball', 'hockey'] as const;
export const LEAGUE_ID_PATTERN = /^\d{1,12}$/;
export const MIN_SEASON = 2000;
export const MAX_SEASON = 2100;

const DRAFT_PATH = new RegExp(`^/(${DRAFT_SPORTS.join('|')})/draft/?$`);

function isDraftSport(value: string | undefined): value is string {
  return DRAFT_SPORTS.some((sport) => sport === value);
}

export function readDraftPageContext(href: string): DraftPageContext | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname !== 'fantasy.espn.com') return null;
  const sport = DRAFT_PATH.exec(url.pathname)?.[1];
  const leagueId = url.searchParams.get('leagueId') ?? '';
  const season = Number(url.searchParams.get('seasonId'));
  if (!isDraftSport(sport) || !LEAGUE_ID_PATTERN.test(leagueId) || !Number.isInteger(season) || season < MIN_SEASON || season > MAX_SEASON) return null;
  const team = Number(url.searchParams.get('teamId'));
  return { sport, leagueId, seasonId: season, teamId: Number.isInteger(team) && team > 0 ? team : null };
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
