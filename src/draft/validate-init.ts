import type { InitSnapshot } from '../protocol/init/init-types';

/** INIT marks an open pick slot with playerId -1 (init-format.md §3.7). */
export const OPEN_PLAYER_ID = -1;

/**
 * Checks that a snapshot's pick table can be trusted before it replaces ours.
 * init-format.md §4: when the format looks wrong, keep the previous state and
 * report it rather than guess. Returns a plain-words problem, or null when fine.
 * `auction`: the snapshot belongs to an auction draft (see draft-type.ts). `knownKeepers`:
 * keeperKey()s of picks we already hold as keepers, which may stand beyond an open slot even if
 * this snapshot's keeper byte ([SOURCE]) is not set (reconcile-picks.ts, isKeeperSlot).
 */
export function findInitProblem(
  snapshot: InitSnapshot,
  expectedLeagueId: string,
  auction = false,
  knownKeepers: ReadonlySet<string> = new Set(),
): string | null {
  if (String(snapshot.leagueId) !== expectedLeagueId) {
    return `it belongs to league ${snapshot.leagueId}, not ${expectedLeagueId}`;
  }
  const { teams, picks } = snapshot.draft;
  if (teams.length === 0) return 'it lists no teams';
  const teamIds = new Set(teams.map((team) => team.teamId));
  if (teamIds.size !== teams.length) return 'it lists a team twice';
  if (picks.length === 0) return 'its pick table is empty';

  const ordered = [...picks].sort((a, b) => a.overallPick - b.overallPick);
  const players = new Set<number>();
  let seenOpenSlot = false;
  for (const [index, slot] of ordered.entries()) {
    if (slot.overallPick !== index + 1) return 'its pick numbers do not run 1, 2, 3, …';
    if (!Number.isInteger(slot.teamId)) return `pick ${slot.overallPick} has no valid team`;
    if (slot.playerId === OPEN_PLAYER_ID) {
      seenOpenSlot = true;
      continue;
    }
    if (!Number.isInteger(slot.playerId)) return `pick ${slot.overallPick} has an invalid player id`;
    if (players.has(slot.playerId)) return `player ${slot.playerId} is drafted twice`;
    players.add(slot.playerId);
    // Live picks fill the table in order; only keepers may sit beyond an open slot. How an
    // auction table fills is [UNKNOWN] (lot order or per team), so it is not held to this.
    if (seenOpenSlot && !slot.keeper && !auction && !knownKeepers.has(keeperKey(slot.overallPick, slot.playerId))) return `pick ${slot.overallPick} is filled after an open pick`;
  }
  return null;
}

export function keeperKey(overallPick: number, playerId: number): string {
  return `${overallPick}:${playerId}`;
}
