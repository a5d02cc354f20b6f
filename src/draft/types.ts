import type { z } from 'zod';
import type {
  archiveInfoSchema,
  completionSchema,
  auctionFloorSchema,
  auctionLotSchema,
  driftCountersSchema,
  driftKindSchema,
  driftSampleSchema,
  protocolDriftSchema,
  draftKeySchema,
  draftStateSchema,
  draftStatusSchema,
  draftTypeSchema,
  logEntrySchema,
  logLevelSchema,
  onTheClockSchema,
  pickSchema,
  pickSlotSchema,
  pickSourceSchema,
  rosterSpotSchema,
  teamInfoSchema,
} from '../contract/draft-state';

// The draft's shapes cross to the popup inside the draft view, so their one definition is the
// schema in src/contract/draft-state.ts (field docs live there). Type-only: the core loads no zod.
export type PickSource = z.infer<typeof pickSourceSchema>;
export type DraftStatus = z.infer<typeof draftStatusSchema>;
export type DraftType = z.infer<typeof draftTypeSchema>;
export type DraftKey = z.infer<typeof draftKeySchema>;
export type TeamInfo = z.infer<typeof teamInfoSchema>;
export type PickSlot = z.infer<typeof pickSlotSchema>;
export type Pick = z.infer<typeof pickSchema>;
export type RosterSpot = z.infer<typeof rosterSpotSchema>;
export type OnTheClock = z.infer<typeof onTheClockSchema>;
export type LogLevel = z.infer<typeof logLevelSchema>;
export type LogEntry = z.infer<typeof logEntrySchema>;
export type DraftState = z.infer<typeof draftStateSchema>;
export type AuctionLot = z.infer<typeof auctionLotSchema>;
export type AuctionFloor = z.infer<typeof auctionFloorSchema>;
export type DriftCounters = z.infer<typeof driftCountersSchema>;
export type DriftKind = z.infer<typeof driftKindSchema>;
export type DriftSample = z.infer<typeof driftSampleSchema>;
export type ProtocolDrift = z.infer<typeof protocolDriftSchema>;
export type ArchiveInfo = z.infer<typeof archiveInfoSchema>;
export type Completion = z.infer<typeof completionSchema>;
