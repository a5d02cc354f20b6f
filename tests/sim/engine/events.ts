export type DraftPhase = 'pre_draft' | 'live' | 'complete';

/** One pick as the engine made it: the ground truth an exporter must reproduce. */
export interface TruthPick {
  overallPick: number;
  round: number;
  roundPick: number;
  teamId: number;
  playerId: number;
  playerName: string;
  /** QB, RB, WR, TE, K or D/ST. */
  position: string;
  /** Pro team abbreviation, e.g. "CIN". */
  proTeam: string;
  /** 1-based roster spot (SELECTED's 4th field). */
  rosterSpot: number;
  keeper: boolean;
  /** True when ESPN picked (no SWID in SELECTED): autodraft, bot/unowned team, or clock expiry. */
  autopick: boolean;
  /** Auction: the winning bid; null in a snake draft. */
  price: number | null;
  /** Auction: the team that put the player up; null in a snake draft. */
  nominatingTeamId: number | null;
}

/** What an auction lot adds to its pick. */
export interface LotOutcome {
  price: number;
  nominatingTeamId: number;
}

/** What the engine tells its transport. */
export type EngineEvent =
  /** Broadcast to every draft socket of the league. `frame` ends in "\n". */
  | { type: 'frame'; frame: string }
  /** Every socket should now get `AUTOSUGGEST <engine.autosuggest(itsTeam)>`. */
  | { type: 'autosuggest' }
  /** To the sockets of `teamId` only (e.g. BID_ACK). `frame` ends in "\n". */
  | { type: 'team-frame'; teamId: number; frame: string }
  /** The draft restarted (commissioner reset): every socket should get a fresh INIT for its team. */
  | { type: 'snapshot' }
  | { type: 'pick'; pick: TruthPick }
  | { type: 'phase'; phase: DraftPhase };

/** What a client frame produced for the socket that sent it (errors, echoes). */
export interface ClientReply {
  frame: string;
  /** Send after this delay (ms); 0 = now. */
  delayMs: number;
}
