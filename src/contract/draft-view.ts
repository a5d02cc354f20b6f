import { z } from '../zod-setup';
import { connectionStateSchema } from './connection-view';
import { draftStateSchema, logEntrySchema, protocolDriftSchema } from './draft-state';

/** A player as the pick log shows it; names are a nicety, so every field but the id may be missing. */
export const playerInfoSchema = z.object({
  playerId: z.number(),
  name: z.string().nullable(),
  position: z.string().nullable(),
  proTeam: z.string().nullable(),
});
export type PlayerInfo = z.infer<typeof playerInfoSchema>;

/** Everything the popup renders and exports, in one serialisable message. */
/** A league's name as ESPN's settings view gives it; null until read, and for mock leagues (no readable settings). */
export const leagueNameSchema = z.string().min(1).max(200).nullable();

export const draftViewSchema = z.object({
  draftId: z.string(),
  leagueName: leagueNameSchema,
  state: draftStateSchema,
  events: z.array(logEntrySchema),
  players: z.record(z.string(), playerInfoSchema),
  /** The tab following this draft, if any. */
  tabId: z.number().nullable(),
  /** That tab's connection; the popup derives its status line with `displayStatus`. */
  connection: connectionStateSchema.nullable(),
  /** The worker's clock when the view was built, for "last frame 3 s ago". */
  now: z.number(),
  /** What ESPN sent that could not be read while following this draft (src/draft/drift.ts). */
  drift: protocolDriftSchema,
});
export type DraftView = z.infer<typeof draftViewSchema>;

/** One line of the popup's draft chooser: enough to name a draft without loading it. */
export const draftSummarySchema = z.object({
  draftId: z.string(),
  game: z.string(),
  leagueId: z.string(),
  leagueName: leagueNameSchema,
  seasonId: z.number(),
  status: z.enum(['pre_draft', 'live', 'paused', 'complete']),
  picks: z.number().int().min(0),
  /** Epoch ms of the commissioner reset this archive was taken at; null for a live draft. */
  archivedAt: z.number().nullable(),
  lastActiveAt: z.number(),
  /** A tab that follows this draft now, if any. */
  tabId: z.number().int().nullable(),
});
export type DraftSummary = z.infer<typeof draftSummarySchema>;
