/**
 * The decoded INIT snapshot (see ../shared/espn/init-format.md). Field names follow
 * that document. Fields whose meaning is [UNKNOWN] there are kept verbatim under
 * `unknown*` names so that encode(decode(blob)) reproduces the blob byte for byte.
 */
export interface InitSnapshot {
  leagueId: number;
  myTeamId: number;
  draft: InitDraft;
  /** Bytes after the team list (private queues; layout unknown). Usually two zero counts. */
  tail: Uint8Array;
}

export interface InitDraft {
  /** 1 = snake (captured). The auction value is unknown. */
  draftType: number;
  /** Unknown; one decoder calls it "universe". */
  unknownU1: number;
  /** Scheduled start, epoch ms, or null when the optDate flag is 0. */
  draftDate: number | null;
  /** 0 = not started; 1 = in progress, 2 = complete (inferred from STATE frames). */
  state: number;
  status: InitStatus;
  settings: InitSettings;
  positionLimits: InitPositionLimit[];
  rosterTemplate: InitRosterSpot[];
  picks: InitPickSlot[];
  teams: InitTeam[];
}

/** Meaning of every field unknown; only its 40-byte length is confirmed. */
export interface InitStatus {
  state: number;
  date: number | null;
  ints: number[]; // 5 × int32
}

export interface InitSettings {
  /** Three ms timings, meaning unknown (25000, 10000, 25000 in captures). */
  timingsMs: number[];
  timePerSelectionMs: number;
  unknownObjA: [number, number];
  unknownObjB: [number, number];
  unknownInts: number[]; // 4 × int32
  unknownFloats: number[]; // 4 × float64
  unknownInt5: number;
  unknownFlag1: boolean;
  /** Inferred lineup slot ids: bench, IR, none. */
  slotIds: number[]; // 3 × int32
  unknownFlag2: boolean;
  unknownFlag3: boolean;
  scoringFlag: number;
  scoringItems: InitScoringItem[];
  unknownFlag4: boolean;
}

export interface InitScoringItem {
  statId: number;
  points: number;
  unknownFlag: boolean;
}

export interface InitPositionLimit {
  positionId: number;
  /** -1 = no limit. */
  max: number;
}

export interface InitRosterSpot {
  spot: number;
  lineupSlotId: number;
  /** Always empty in captures; element layout unknown (guessed as L, int32, int32). */
  extras: Array<[number, number]>;
}

export interface InitPickSlot {
  teamId: number;
  overallPick: number;
  /** -1 = open slot. */
  playerId: number;
  /** 0 while open. */
  spot: number;
  bidAmount: number;
  nominatingTeamId: number;
  keeper: boolean;
  unknownU1: number;
  unknownU2: number;
}

export interface InitTeam {
  teamId: number;
  /** 0-based slot in round 1. */
  draftPosition: number;
  /** Non-zero = autodraft on (inferred). */
  autoDraftTypeId: number;
  unknownU: number;
  owners: InitOwner[];
  roster: InitRosterEntry[];
}

export interface InitOwner {
  teamId: number;
  /** -1 in every capture; not the SWID. */
  memberRef: number;
  unknownFlagA: boolean;
  /** Inferred: connected at INIT time. */
  online: boolean;
  unknownFlagB: boolean;
}

export interface InitRosterEntry {
  teamId: number;
  spot: number;
  playerId: number;
  unknownFlag: boolean;
}
