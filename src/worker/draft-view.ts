import type { DraftState, LogEntry } from '../draft/types';
import type { PlayerInfo } from '../espn/players';

/** Everything the popup renders and exports, in one serialisable message. */
export interface DraftView {
  draftId: string;
  state: DraftState;
  events: LogEntry[];
  players: Record<string, PlayerInfo>;
  /** The tab currently showing this draft, if any. */
  tabId: number | null;
  health: unknown;
}
