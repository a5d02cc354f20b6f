import type { SimTeam } from '../league';
import type { RosterState } from '../rules/roster-spot';

/** What the engine knows about one team while the draft runs. */
export interface TeamState extends RosterState {
  team: SimTeam;
  online: boolean;
  autodraft: boolean;
  /** Sockets currently joined for this team (the socket layer reports them). */
  sockets: number;
  /** The member's DRAFT_LIST, best first. */
  queue: number[];
}
