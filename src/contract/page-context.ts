import { z } from '../zod-setup';
import { DRAFT_SPORTS, LEAGUE_ID_PATTERN, MAX_SEASON, MIN_SEASON, type DraftPageContext } from './draft-page-url';
import type { Assert, SameType } from './same-type';

/** The draft-room page a batch came from, as content scripts report it; the URL reader's rules. */
export const pageContextSchema = z.object({
  sport: z.string().refine((sport) => DRAFT_SPORTS.some((known) => known === sport), 'not a draft-room sport'),
  leagueId: z.string().regex(LEAGUE_ID_PATTERN),
  seasonId: z.number().int().min(MIN_SEASON).max(MAX_SEASON),
  teamId: z.number().int().positive().nullable(),
});
// The type is declared zod-free (./draft-page-url.ts) so the page hook can use it; this keeps the two equal.
export type PageContextSchemaMatches = Assert<SameType<z.infer<typeof pageContextSchema>, DraftPageContext>>;
