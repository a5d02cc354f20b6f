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
}
