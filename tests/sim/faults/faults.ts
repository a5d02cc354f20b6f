/**
 * What tests break on purpose (`sim.faults`). Faults are about sockets, not about the draft:
 * they act on the room's connections and on the upgrade path, and the draft goes on meanwhile.
 * A new fault: add it to `Faults`, implement it in `createFaults` on top of `DraftRoom`, and
 * describe it in ../README.md.
 */
import type { Conn } from '../socket/connection';
import type { DraftRoom } from '../socket/draft-room';

/** 1006: no close frame (TCP destroyed); the others: a normal close frame with that code. */
export type DropCode = 1006 | 1000 | 1001 | 1011;

export interface FaultTarget {
  /** Only sockets of this team; default every draft socket. */
  teamId?: number;
}

export interface Faults {
  /**
   * Closes draft sockets now. 1006: the TCP connection is destroyed without a close frame (the
   * browser reports 1006); other codes: a normal close frame with that code. Returns how many.
   */
  drop(code?: DropCode, target?: FaultTarget): number;
  /**
   * The sockets stay open but the server sends them nothing (no frames, no PONGs) for `ms`, or
   * until they close. Frames sent meanwhile are lost, unless `buffer` (then delivered late, like
   * a TCP stall). Picks go on. Returns how many sockets stalled.
   */
  stall(ms: number, target?: FaultTarget & { buffer?: boolean }): number;
  /** Upgrades to the draft socket get HTTP 500 "LeagueId was either missing or invalid" for `ms`. */
  refuseUpgrades(ms: number): void;
  /** `LEFT <team> <swid> 2` to the team's current socket(s), then destroy without a close frame. */
  kickDuplicate(teamId?: number): number;
  /**
   * Protocol drift: sends these frames, as ESPN would send a frame (each ends in "\n"), to the
   * draft sockets now, between the draft's own frames. For frames ESPN might start sending
   * (an unknown command, a CLOCK in a new state, a known command with a new shape); the draft
   * itself goes on untouched, so its truth is unchanged. Returns how many sockets got them.
   */
  inject(frames: readonly string[], target?: FaultTarget): number;
  /** Ends every stall and upgrade refusal now. */
  clear(): void;
  readonly refusingUpgrades: boolean;
}

/** `myTeamId`: whose sockets kickDuplicate() targets by default. */
export function createFaults(room: DraftRoom, myTeamId: number): Faults {
  let refuseUntil = 0;
  const endStall = (c: Conn): void => {
    if (c.stallTimer) clearTimeout(c.stallTimer);
    c.stallTimer = null;
    c.stalledUntil = 0;
    const buffered = c.stallBuffer;
    c.stallBuffer = null;
    for (const f of buffered ?? []) room.send(c, f);
  };
  return {
    drop(code: DropCode = 1006, target?: FaultTarget): number {
      const list = room.connections(target?.teamId);
      for (const c of list) {
        c.endedBy = 'drop';
        c.rec.endedBy = 'drop';
        if (code === 1006) c.ws.terminate();
        else c.ws.close(code, 'simulated drop');
      }
      return list.length;
    },
    stall(ms: number, target?: FaultTarget & { buffer?: boolean }): number {
      const list = room.connections(target?.teamId);
      for (const c of list) {
        c.stalledUntil = Date.now() + ms;
        c.stallBuffer = target?.buffer ? (c.stallBuffer ?? []) : null;
        if (c.stallTimer) clearTimeout(c.stallTimer);
        c.stallTimer = setTimeout(() => endStall(c), ms);
      }
      return list.length;
    },
    refuseUpgrades(ms: number): void {
      refuseUntil = Date.now() + ms;
    },
    kickDuplicate(teamId?: number): number {
      const list = room.connections(teamId ?? myTeamId);
      for (const c of list) room.kick(c, 'kick');
      return list.length;
    },
    inject(frames: readonly string[], target?: FaultTarget): number {
      const list = room.connections(target?.teamId);
      for (const c of list) for (const f of frames) room.send(c, f.endsWith('\n') ? f : `${f}\n`);
      return list.length;
    },
    clear(): void {
      refuseUntil = 0;
      for (const c of room.connections()) endStall(c);
    },
    get refusingUpgrades(): boolean {
      return Date.now() < refuseUntil;
    },
  };
}
