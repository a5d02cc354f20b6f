/** Where a pick came from: the live SELECTED frame, an INIT snapshot (backfill), or ESPN's REST API. */
export type PickSource = 'socket' | 'init' | 'api';

export type DraftStatus = 'pre_draft' | 'live' | 'paused' | 'complete';

export type DraftType = 'snake' | 'auction';

/** Identifies one draft: ESPN game code (ffl, fba, …), league and season. */
export interface DraftKey {
  game: string;
  leagueId: string;
  seasonId: number;
}

export interface TeamInfo {
  teamId: number;
  /** From the REST teams view; INIT carries no names. */
  name: string | null;
  /** 0-based slot in round 1 (INIT's draftPosition). */
  draftPosition: number;
  autodraft: boolean;
  online: boolean;
}

/** One slot of INIT's pick table: which team owns overall pick N. */
export interface PickSlot {
  overallPick: number;
  teamId: number;
}

export interface Pick {
  overallPick: number;
  round: number;
  roundPick: number;
  teamId: number;
  /** Signed: D/ST ids are -16000 - proTeamId. */
  playerId: number;
  /** 1-based roster spot from SELECTED's 4th field; null when unknown (e.g. from REST). */
  rosterSpot: number | null;
  /** lineupSlotId = INIT roster template[spot]; null when unknown. */
  lineupSlotId: number | null;
  keeper: boolean;
  autopick: boolean;
  source: PickSource;
  /** Epoch ms, from the injected clock. */
  recordedAt: number;
  /**
   * Auction lots only: the winning bid. Absent in snake drafts (and in picks stored before
   * auctions were supported); null when the lot is known but its price is not (yet).
   */
  price?: number | null;
  /** Auction lots only: the team that put the player up. Absent in snake drafts; null when unknown. */
  nominatingTeamId?: number | null;
}

/** The lot being bid on right now (auction drafts). */
export interface AuctionLot {
  playerId: number;
  /** From the NOMINATION that opened the lot; null when we joined after it. */
  nominatingTeamId: number | null;
  highBid: number;
  highBidderTeamId: number;
  /** Epoch ms of the last bid we saw. */
  updatedAt: number;
}

/** What an auction room shows between sales, for display only; picks come from SOLD and INIT. */
export interface AuctionFloor {
  /** The team that must nominate next (NOMINATION / CLOCK 1), or null. */
  nominatorTeamId: number | null;
  /** The lot under the hammer, or null between lots. */
  lot: AuctionLot | null;
}

/** Counts of what ESPN sent that we could not read: any of them means the pick log may be incomplete. */
export interface DriftCounters {
  /** Frames whose command we have no grammar for (ESPN's own client commands aside). */
  unknownFrames: number;
  /** Known commands whose arguments failed validation. */
  invalidFrames: number;
  /** INIT frames whose blob did not decode. */
  undecodableInits: number;
  /** INIT snapshots that decoded but failed the consistency checks. */
  rejectedInits: number;
  /** CLOCK frames in a state code or arity we do not know. */
  unknownClocks: number;
  /** Auction frames in a draft whose snapshot showed a snake table: our reading of the draft type is wrong. */
  auctionFramesInSnakeDraft: number;
}

export type DriftKind = keyof DriftCounters;

/** One redacted example of drift, so a bug report can say what changed. */
export interface DriftSample {
  at: number;
  kind: DriftKind;
  /** Frame command (ESPN's command words only; anything else is withheld). */
  command: string;
  /** Redacted and shortened description; never the raw frame. */
  detail: string;
}

export interface ProtocolDrift {
  counters: DriftCounters;
  /** The most recent samples, oldest first, at most DRIFT_SAMPLE_LIMIT. */
  samples: DriftSample[];
}

/** Set on a draft record that was archived (e.g. by a commissioner reset) instead of deleted. */
export interface ArchiveInfo {
  reason: 'reset';
  /** Epoch ms when the reset was seen. */
  archivedAt: number;
  /** Derived id the shell stores the record under (archivedDraftId). */
  id: string;
}

export interface RosterSpot {
  spot: number;
  lineupSlotId: number;
}

export interface OnTheClock {
  teamId: number;
  overallPick: number;
  /** Epoch ms when SELECTING arrived (or when we inferred it). */
  since: number;
  msAllowed: number | null;
}

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogEntry {
  at: number;
  level: LogLevel;
  kind: string;
  message: string;
}

export interface DraftState {
  key: DraftKey;
  myTeamId: number | null;
  type: DraftType;
  status: DraftStatus;
  /** False until the first INIT: SELECTED frames cannot be placed without its pick table. */
  hasSnapshot: boolean;
  /**
   * Frames were lost (or a pick did not fit the table), so a SELECTED can no longer be placed
   * with certainty: picks wait for the next INIT instead of landing in the wrong slot.
   */
  awaitingSnapshot?: boolean;
  rounds: number;
  teams: TeamInfo[];
  rosterTemplate: RosterSpot[];
  slots: PickSlot[];
  /** Filled picks, sorted by overallPick. Contiguous from 1 (keepers aside). */
  picks: Pick[];
  onTheClock: OnTheClock | null;
  timePerSelectionMs: number | null;
  draftDate: number | null;
  /** Epoch ms of the last state change. */
  updatedAt: number;
  /** Auction drafts: the current nomination and bid, for display. Absent in snake drafts. */
  auction?: AuctionFloor | null;
  /** Present only on an archived copy of a draft (see archive.ts), never on the live one. */
  archive?: ArchiveInfo;
}
