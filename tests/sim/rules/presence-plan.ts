import type { Rng } from '../rng';

/** A member's presence change during the draft, tied to a pick number. */
export interface PresenceStep {
  kind: 'leave' | 'rejoin';
  teamId: number;
}

/** A lobby presence change, `at` ms after the lobby opens. */
export interface LobbyStep {
  kind: 'join' | 'leave';
  teamId: number;
  at: number;
}

export interface PresencePlan {
  /** Members who start offline on autodraft (late joiners and the one who stays away). */
  startOffline: number[];
  /** In the order they were drawn (equal times fire in this order). */
  lobby: LobbyStep[];
  /** overallPick → steps that run right after that pick. */
  afterPick: Map<number, PresenceStep[]>;
}

/**
 * Members coming and going, as in session A: some start offline on autodraft and join during
 * the lobby (`AUTODRAFT T false` + `JOINED`), one stays away on autodraft, one leaves (`LEFT … 1`)
 * and misses its first pick (clock expiry), then returns. During the draft an online member
 * occasionally drops out and comes back a few picks later.
 */
export function planPresence(
  rng: Rng,
  setup: { memberTeamIds: readonly number[]; myTeamId: number; teamCount: number; totalPicks: number; preDraftMs: number },
): PresencePlan {
  const others = rng.shuffle(setup.memberTeamIds.filter((t) => t !== setup.myTeamId));
  const n = setup.teamCount;
  const lateJoiners = others.splice(0, n >= 8 ? 2 : n >= 4 ? 1 : 0);
  const absent = others.splice(0, n >= 8 ? 1 : 0);
  const leaver = others.splice(0, n >= 5 ? 1 : 0);
  const pre = setup.preDraftMs;
  const lobby: LobbyStep[] = [];
  for (const teamId of lateJoiners) lobby.push({ kind: 'join', teamId, at: Math.round(pre * rng.range(0.3, 0.8)) });
  for (const teamId of leaver) lobby.push({ kind: 'leave', teamId, at: Math.round(pre * rng.range(0.05, 0.25)) });

  const afterPick = new Map<number, PresenceStep[]>();
  const add = (pick: number, step: PresenceStep): void => {
    const list = afterPick.get(pick) ?? [];
    list.push(step);
    afterPick.set(pick, list);
  };
  const total = setup.totalPicks;
  const dropouts = Math.floor(total / 60);
  for (let i = 0; i < dropouts && others.length > 0; i++) {
    const teamId = others[i % others.length]!;
    const leaveAt = rng.int(Math.floor(total * 0.2), Math.floor(total * 0.8));
    const backAt = Math.min(total - 1, leaveAt + rng.int(1, 3));
    add(leaveAt, { kind: 'leave', teamId });
    add(backAt, { kind: 'rejoin', teamId });
  }
  return { startOffline: [...lateJoiners, ...absent], lobby, afterPick };
}
