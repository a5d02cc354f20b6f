import { FRAME } from '../rules/frames';
import { planPresence, type PresenceStep } from '../rules/presence-plan';
import type { Rng } from '../rng';
import type { DraftPhase } from './events';
import type { TeamState } from './team-state';
import type { PausableTimers } from './timers';

/** What presence needs from the engine. */
export interface PresenceHost {
  readonly teams: ReadonlyMap<number, TeamState>;
  readonly timers: PausableTimers;
  phase(): DraftPhase;
  emitFrame(frame: string): void;
}

/**
 * The other members coming and going (JOINED / LEFT / AUTODRAFT frames), following the plan in
 * rules/presence-plan.ts. A team with a real socket owns its presence; churn leaves it alone.
 */
export class PresenceChurn {
  private afterPick = new Map<number, PresenceStep[]>();
  /** Teams that left and rejoin after their next (timed-out) pick. */
  private readonly rejoinAfterOwnPick = new Set<number>();
  /** Lobby presence changes, armed by armLobby(): ms after start → action. */
  private readonly lobby: Array<{ at: number; fn: () => void }> = [];

  constructor(private readonly host: PresenceHost) {}

  /** Draws the plan and applies who starts away; the lobby steps wait for armLobby(). */
  plan(rng: Rng, setup: Parameters<typeof planPresence>[1]): void {
    const plan = planPresence(rng, setup);
    for (const t of plan.startOffline) {
      const st = this.team(t);
      st.online = false;
      st.autodraft = true;
    }
    for (const step of plan.lobby) {
      const st = this.team(step.teamId);
      const fn =
        step.kind === 'join'
          ? (): void => {
              if (st.sockets > 0 || this.host.phase() !== 'pre_draft') return;
              st.online = true;
              st.autodraft = false;
              this.host.emitFrame(FRAME.autodraft(step.teamId, false));
              this.host.emitFrame(FRAME.joined(step.teamId, st.team.memberSwid));
            }
          : (): void => {
              if (st.sockets > 0 || this.host.phase() !== 'pre_draft') return;
              st.online = false;
              this.rejoinAfterOwnPick.add(step.teamId);
              this.host.emitFrame(FRAME.left(step.teamId, st.team.memberSwid, 1));
            };
      this.lobby.push({ at: step.at, fn });
    }
    this.afterPick = plan.afterPick;
  }

  /** The lobby opens (engine start). */
  armLobby(): void {
    for (const e of this.lobby) this.host.timers.later(e.at, e.fn);
  }

  /** Steps planned right after pick `overallPick`. */
  runAfterPick(overallPick: number): void {
    for (const step of this.afterPick.get(overallPick) ?? []) {
      const st = this.team(step.teamId);
      if (st.sockets > 0 || !st.team.memberSwid) continue; // a real socket owns this team's presence
      if (step.kind === 'leave' && st.online) {
        st.online = false;
        this.host.emitFrame(FRAME.left(step.teamId, st.team.memberSwid, 1));
      } else if (step.kind === 'rejoin' && !st.online) {
        st.online = true;
        if (st.autodraft) {
          st.autodraft = false;
          this.host.emitFrame(FRAME.autodraft(step.teamId, false));
        }
        this.host.emitFrame(FRAME.joined(step.teamId, st.team.memberSwid));
      }
    }
  }

  /** A member whose clock ran out, with no socket, comes back `delayMs` later, as in session A. */
  returnAfterTimeout(st: TeamState, delayMs: number): void {
    const teamId = st.team.teamId;
    this.host.timers.later(delayMs, () => {
      if (this.host.phase() === 'complete' || st.sockets > 0 || !st.team.memberSwid) return;
      if (this.rejoinAfterOwnPick.delete(teamId) && !st.online) {
        st.online = true;
        this.host.emitFrame(FRAME.joined(teamId, st.team.memberSwid));
      }
      if (!st.online) return; // stays on autodraft until it rejoins
      st.autodraft = false;
      this.host.emitFrame(FRAME.autodraft(teamId, false));
    });
  }

  private team(teamId: number): TeamState {
    const st = this.host.teams.get(teamId);
    if (!st) throw new Error(`presence: no team ${teamId}`);
    return st;
  }
}
