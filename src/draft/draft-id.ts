import type { DraftPageContext } from '../contract/draft-page-url';
import { gameCodeOfSportPath } from '../protocol/espn-ids';
import type { DraftKey } from './types';

/**
 * Every draft id is derived here and nowhere else: `game:league:season`, plus `:reset-<ms>` for an
 * archived copy. Stored records, tab sessions and the popup's chooser all use these strings.
 */
export function draftIdOf(key: DraftKey): string {
  return `${key.game}:${key.leagueId}:${key.seasonId}`;
}

/**
 * The id an archived draft is stored under: the live draft's identity plus the moment of the
 * reset, so several resets of one draft never overwrite each other. Deterministic, so storing
 * the same archive twice (a redelivered frame) writes one record.
 */
export function archivedDraftId(key: DraftKey, archivedAt: number): string {
  return `${draftIdOf(key)}:reset-${archivedAt}`;
}

export function keyOfDraftId(id: string): DraftKey {
  const [game = '', leagueId = '', season = '0'] = id.split(':');
  return { game, leagueId, seasonId: Number(season) };
}

/** The draft the page URL names, before any socket has opened. */
export function pageDraftKey(page: DraftPageContext): DraftKey {
  return { game: gameCodeOfSportPath(page.sport) ?? page.sport, leagueId: page.leagueId, seasonId: page.seasonId };
}
