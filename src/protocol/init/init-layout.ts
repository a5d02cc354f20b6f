/**
 * Object versions observed in both captured blobs (init-format.md §3). The decoder rejects any
 * other version rather than guess at a changed layout.
 */
export const VERSION = {
  root: 1,
  draft: 1,
  status: 1,
  settings: 2,
  settingsPair: 1,
  scoring: 1,
  scoringItem: 3,
  positionLimit: 1,
  rosterSpot: 1,
  /** [UNKNOWN] no extras element was ever captured; version 1 is a guess. */
  rosterSpotExtra: 1,
  pick: 3,
  team: 2,
  owner: 1,
  rosterEntry: 1,
} as const;

/** Smallest encoded size of one list element, used to reject counts the remaining bytes cannot hold. */
export const MIN_ITEM_BYTES = {
  scoringItem: 25,
  positionLimit: 20,
  rosterSpot: 24,
  rosterSpotExtra: 20,
  pick: 45,
  team: 36,
  owner: 23,
  rosterEntry: 25,
} as const;

/**
 * Hard caps per list, far above any real league, so corrupted input cannot make the decoder
 * allocate huge arrays even when the byte budget alone would allow it.
 */
export const MAX_ITEMS = {
  scoringItems: 2_000,
  positionLimits: 1_000,
  rosterSpots: 1_000,
  rosterSpotExtras: 100,
  picks: 10_000,
  teams: 1_000,
  owners: 100,
  rosterEntries: 1_000,
} as const;

/** Size of one pick record (init-format.md §3.7); the fallback scan strides by it. */
export const PICK_RECORD_BYTES = 45;

/** The open-slot marker in the pick table and rosters. */
export const NO_PLAYER = -1;
