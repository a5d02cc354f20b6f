import { z } from '../zod-setup';

/**
 * The draft as the pure reducer keeps it and the popup reads it. One schema per shape; the core's
 * types in src/draft/types.ts are `z.infer` of these, so the wire check and the reducer can never
 * disagree. Epoch-ms fields are plain numbers (zod 4 rejects NaN and ±Infinity).
 */

/** Where a pick came from: the live SELECTED frame, an INIT snapshot (backfill), or ESPN's REST API. */
export const pickSourceSchema = z.enum(['socket', 'init', 'api']);

export const draftStatusSchema = z.enum(['pre_draft', 'live', 'paused', 'complete']);

export const draftTypeSchema = z.enum(['snake', 'auction']);

/** Identifies one draft: ESPN game code (ffl, fba, …), league and season. */
export const draftKeySchema = z.object({
  game: z.string(),
  leagueId: z.string(),
  seasonId: z.number(),
});

export const teamInfoSchema = z.object({
  teamId: z.number(),
  /** From the REST teams view; INIT carries no names. */
  name: z.string().nullable(),
  /** 0-based slot in round 1 (INIT's draftPosition). */
  draftPosition: z.number(),
  autodraft: z.boolean(),
  online: z.boolean(),
});

/** One slot of INIT's pick table: which team owns overall pick N. */
export const pickSlotSchema = z.object({
  overallPick: z.number(),
  teamId: z.number(),
});

export const pickSchema = z.object({
  overallPick: z.number(),
  round: z.number(),
  roundPick: z.number(),
  teamId: z.number(),
  /** Signed: D/ST ids are -16000 - proTeamId. */
  playerId: z.number(),
  /** 1-based roster spot from SELECTED's 4th field; null when unknown (e.g. from REST). */
  rosterSpot: z.number().nullable(),
  /** lineupSlotId = INIT roster template[spot]; null when unknown. */
  lineupSlotId: z.number().nullable(),
  keeper: z.boolean(),
  autopick: z.boolean(),
  source: pickSourceSchema,
  /** Epoch ms, from the injected clock. */
  recordedAt: z.number(),
  /**
   * Auction lots only: the winning bid. Absent in snake drafts (and in picks stored before
   * auctions were supported); null when the lot is known but its price is not (yet).
   */
  price: z.number().nullable().optional(),
  /** Auction lots only: the team that put the player up. Absent in snake drafts; null when unknown. */
  nominatingTeamId: z.number().nullable().optional(),
});

/** The lot being bid on right now (auction drafts). */
export const auctionLotSchema = z.object({
  playerId: z.number(),
  /** From the NOMINATION that opened the lot; null when we joined after it. */
  nominatingTeamId: z.number().nullable(),
  highBid: z.number(),
  highBidderTeamId: z.number(),
  /** Epoch ms of the last bid we saw. */
  updatedAt: z.number(),
});

/** What an auction room shows between sales, for display only; picks come from SOLD and INIT. */
export const auctionFloorSchema = z.object({
  /** The team that must nominate next (NOMINATION / CLOCK 1), or null. */
  nominatorTeamId: z.number().nullable(),
  /** The lot under the hammer, or null between lots. */
  lot: auctionLotSchema.nullable(),
});

/** Counts of what ESPN sent that we could not read: any of them means the pick log may be incomplete. */
export const driftCountersSchema = z.object({
  /** Frames whose command we have no grammar for (ESPN's own client commands aside). */
  unknownFrames: z.number(),
  /** Known commands whose arguments failed validation. */
  invalidFrames: z.number(),
  /** INIT frames whose blob did not decode. */
  undecodableInits: z.number(),
  /** INIT snapshots that decoded but failed the consistency checks. */
  rejectedInits: z.number(),
  /** CLOCK frames in a state code or arity we do not know. */
  unknownClocks: z.number(),
  /** Auction frames in a draft whose snapshot showed a snake table: our reading of the draft type is wrong. */
  auctionFramesInSnakeDraft: z.number(),
});

export const driftKindSchema = driftCountersSchema.keyof();

/** One redacted example of drift, so a bug report can say what changed. */
export const driftSampleSchema = z.object({
  at: z.number(),
  kind: driftKindSchema,
  /** Frame command (ESPN's command words only; anything else is withheld). */
  command: z.string(),
  /** Redacted and shortened description; never the raw frame. */
  detail: z.string(),
});

export const protocolDriftSchema = z.object({
  counters: driftCountersSchema,
  /** The most recent samples, oldest first, at most DRIFT_SAMPLE_LIMIT. */
  samples: z.array(driftSampleSchema),
});

/** Set on a draft record that was archived (e.g. by a commissioner reset) instead of deleted. */
export const archiveInfoSchema = z.object({
  reason: z.literal('reset'),
  /** Epoch ms when the reset was seen. */
  archivedAt: z.number(),
  /** Derived id the shell stores the record under (archivedDraftId). */
  id: z.string(),
});

/**
 * ESPN confirmed the draft is over: a snapshot (INIT) in state 2 (`snapshot`), or its final REST
 * board was read and applied (`final_board`). A lone `STATE 2` on the live socket is no
 * confirmation. After `final_board` the board is sealed: no later frame changes it.
 */
export const completionSchema = z.object({
  confirmedBy: z.enum(['snapshot', 'final_board']),
  /** Epoch ms of the confirmation. */
  at: z.number(),
});

export const rosterSpotSchema = z.object({
  spot: z.number(),
  lineupSlotId: z.number(),
});

export const onTheClockSchema = z.object({
  teamId: z.number(),
  overallPick: z.number(),
  /** Epoch ms when SELECTING arrived (or when we inferred it). */
  since: z.number(),
  msAllowed: z.number().nullable(),
});

export const logLevelSchema = z.enum(['info', 'warn', 'error']);

export const logEntrySchema = z.object({
  at: z.number(),
  level: logLevelSchema,
  kind: z.string(),
  message: z.string(),
});

export const draftStateSchema = z.object({
  key: draftKeySchema,
  myTeamId: z.number().nullable(),
  type: draftTypeSchema,
  status: draftStatusSchema,
  /** False until the first INIT: SELECTED frames cannot be placed without its pick table. */
  hasSnapshot: z.boolean(),
  /**
   * Frames were lost (or a pick did not fit the table), so a SELECTED can no longer be placed
   * with certainty: picks wait for the next INIT instead of landing in the wrong slot.
   */
  awaitingSnapshot: z.boolean().optional(),
  rounds: z.number(),
  teams: z.array(teamInfoSchema),
  rosterTemplate: z.array(rosterSpotSchema),
  slots: z.array(pickSlotSchema),
  /** Filled picks, sorted by overallPick. Contiguous from 1 (keepers aside). */
  picks: z.array(pickSchema),
  onTheClock: onTheClockSchema.nullable(),
  timePerSelectionMs: z.number().nullable(),
  draftDate: z.number().nullable(),
  /** Epoch ms of the last state change. */
  updatedAt: z.number(),
  /** Auction drafts: the current nomination and bid, for display. Absent in snake drafts. */
  auction: auctionFloorSchema.nullable().optional(),
  /** Present only on an archived copy of a draft (see archive.ts), never on the live one. */
  archive: archiveInfoSchema.optional(),
  /** Set once ESPN confirmed the draft is over (src/draft/sealed-board.ts); absent while it runs or only STATE 2 said so. */
  completion: completionSchema.optional(),
});
