/**
 * Which sockets are the tab's draft, read from the page URL: `wss://fantasydraft.espn.com/game-G/league-L/`
 * for a draft room, else null. A lean reading of the same path and league rules as
 * readDraftPageContext (src/contract/draft-page-url.ts), kept apart so the page script stays
 * small; a unit test holds the two equal. The season is not checked here: the relay reads the
 * full context, and for a page it refuses the hook's port is never taken, so nothing is sent.
 *
 * Runs once at document_start, before any page script, so URL and RegExp are still the originals.
 */
const DRAFT_ROOM_PATH = /^\/(football|baseball|basketball|hockey)\/draft\/?$/;
/** ESPN's gameId in the draft socket path, by sport (src/protocol/espn-ids.ts; a unit test holds them equal). */
export const GAME_ID_BY_SPORT: Readonly<Record<string, number>> = { football: 1, baseball: 2, basketball: 3, hockey: 4 };

export function draftSocketPrefixFor(gameId: number, leagueId: string): string {
  return `wss://fantasydraft.espn.com/game-${gameId}/league-${leagueId}/`;
}

export function draftSocketPrefixOfPage(href: string): string | null {
  const url = new URL(href);
  const sport = url.protocol === 'https:' && url.hostname === 'fantasy.espn.com' ? DRAFT_ROOM_PATH.exec(url.pathname)?.[1] : undefined;
  const leagueId = url.searchParams.get('leagueId') ?? '';
  return sport !== undefined && /^\d{1,12}$/.test(leagueId) ? draftSocketPrefixFor(GAME_ID_BY_SPORT[sport]!, leagueId) : null;
}
