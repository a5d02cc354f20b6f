import { z } from '../zod-setup';
import { positionName, proTeamName } from '../protocol/espn-ids';
import type { PlayerInfo } from '../contract/draft-view';

/** One entry of `players?view=players_wl`. Unknown fields are ignored; a bad entry is dropped, not fatal. */
const playerEntrySchema = z.object({
  id: z.number().int().min(-2_147_483_648).max(2_147_483_647),
  fullName: z.string().max(200).optional(),
  firstName: z.string().max(100).optional(),
  lastName: z.string().max(100).optional(),
  defaultPositionId: z.number().int().optional(),
  proTeamId: z.number().int().optional(),
});

export type PlayersParse = { ok: true; players: PlayerInfo[]; dropped: number } | { ok: false; error: string };

/** `game` picks the sport's id maps (ids.ts): another sport's ids must not get football labels. */
export function parsePlayersResponse(body: string, game = 'ffl'): PlayersParse {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: 'players response is not valid JSON' };
  }
  if (!Array.isArray(json)) return { ok: false, error: 'players response is not an array' };
  const players: PlayerInfo[] = [];
  let dropped = 0;
  for (const entry of json) {
    const parsed = playerEntrySchema.safeParse(entry);
    if (!parsed.success) {
      dropped += 1;
      continue;
    }
    const p = parsed.data;
    // An empty string is no name: fall back as if it were missing.
    const name = p.fullName?.trim() || [p.firstName, p.lastName].filter(Boolean).join(' ').trim() || null;
    players.push({
      playerId: p.id,
      name,
      position: p.defaultPositionId === undefined ? null : positionName(p.defaultPositionId, game),
      proTeam: p.proTeamId === undefined ? null : proTeamName(p.proTeamId, game),
    });
  }
  return { ok: true, players, dropped };
}
