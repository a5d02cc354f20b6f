import { z } from '../zod-setup';

/**
 * The exported pick log, version 1 (docs/pick-log-format.md). This is a
 * contract with whoever reads the files: later versions may add fields but
 * never rename, retype or remove these.
 */
const isoTime = z.iso.datetime();
const positiveInt = z.number().int().positive();

export const pickLogTeamSchema = z.object({
  teamId: z.number().int(),
  name: z.string().nullable(),
  draftPosition: z.number().int(),
});

export const pickLogPickSchema = z.object({
  overallPick: positiveInt,
  round: positiveInt,
  roundPick: positiveInt,
  teamId: z.number().int(),
  /** Signed: D/ST ids are negative (-16000 - proTeamId). */
  playerId: z.number().int(),
  playerName: z.string().nullable(),
  position: z.string().nullable(),
  proTeam: z.string().nullable(),
  rosterSpot: positiveInt.nullable(),
  keeper: z.boolean(),
  autopick: z.boolean(),
  source: z.enum(['socket', 'init', 'api']),
  recordedAt: isoTime,
  /** Added in place (version stays 1): auction price; null in snake drafts and when unknown. */
  price: z.number().int().nonnegative().nullable(),
  /** Added in place (version stays 1): the team that nominated the player; null in snake drafts and when unknown. */
  nominatingTeamId: z.number().int().nullable(),
});

export const pickLogEventSchema = z.object({
  at: isoTime,
  level: z.enum(['info', 'warn', 'error']),
  kind: z.string(),
  message: z.string(),
});

export const pickLogSchema = z.object({
  format: z.literal('draft-pick-log'),
  version: z.literal(1),
  exportedAt: isoTime,
  draft: z.object({
    game: z.string(),
    leagueId: z.string(),
    seasonId: z.number().int(),
    type: z.enum(['snake', 'auction']),
    status: z.enum(['pre_draft', 'live', 'paused', 'complete']),
    myTeamId: z.number().int().nullable(),
    teams: z.array(pickLogTeamSchema),
    rounds: z.number().int().nonnegative(),
    /** Added in place (version stays 1): set when this is an archived draft (e.g. the picks before a commissioner reset). */
    archive: z.object({ reason: z.enum(['reset']), archivedAt: isoTime }).nullable(),
  }),
  picks: z.array(pickLogPickSchema),
  events: z.array(pickLogEventSchema),
});

export type PickLogJson = z.infer<typeof pickLogSchema>;
export type PickLogTeam = z.infer<typeof pickLogTeamSchema>;
export type PickLogPick = z.infer<typeof pickLogPickSchema>;
export type PickLogEvent = z.infer<typeof pickLogEventSchema>;
