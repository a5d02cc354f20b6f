import type { DraftState, LogEntry } from '../draft/types';
import type { PlayerInfo } from '../espn/players';
import type { ConnectionHealth } from '../health/connection-health';
import type { RecoveryState } from '../recovery/recovery-types';

/** Everything the popup renders and exports, in one serialisable message. */
export interface DraftView {
  draftId: string;
  state: DraftState;
  events: LogEntry[];
  players: Record<string, PlayerInfo>;
  /** The tab following this draft, if any. */
  tabId: number | null;
  health: ConnectionHealth | null;
  recovery: RecoveryState | null;
  /** The worker's clock when the view was built, for "last frame 3 s ago". */
  now: number;
}
