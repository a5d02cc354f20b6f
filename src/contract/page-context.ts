import { z } from '../zod-setup';
import { DRAFT_SPORTS, LEAGUE_ID_PATTERN, MAX_SEASON, MIN_SEASON } from './draft-page-rules';

/**
 * The draft-room page a batch came from, as content scripts report it to the worker. The member's
 * SWID (memberId) is deliberately absent. Same rules as the URL reader (./draft-page-rules.ts).
 */
export const pageContextSchema = z.object({
  // A plain string to the core (it maps sports to game codes); the check is the URL reader's.
  sport: z.string().refine((sport) => DRAFT_SPORTS.some((known) => known === sport), 'not a draft-room sport'),
  leagueId: z.string().regex(LEAGUE_ID_PATTERN),
  seasonId: z.number().int().min(MIN_SEASON).max(MAX_SEASON),
  teamId: z.number().int().positive().nullable(),
});
export type DraftPageContext = z.infer<typeof pageContextSchema>;
