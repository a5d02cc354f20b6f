import { z } from '../zod-setup';
import type { ApiPick } from '../draft/apply-api-picks';
import type { ApiTeam } from '../draft/apply-team-names';

/** ESPN's league API answers, read with zod: pure, no fetching (that is league-client.ts). */

const int32 = z.number().int().min(-2_147_483_648).max(2_147_483_647);

const teamSchema = z.object({
  id: int32,
  name: z.string().max(200).optional(),
  // Older seasons split the name (protocol.md §4.3).
  location: z.string().max(200).optional(),
  nickname: z.string().max(200).optional(),
});

/** The settings view (protocol.md §4.3): only the league's name is read; the rest is ESPN's business. */
export const leagueSettingsSchema = z.object({ settings: z.object({ name: z.string().max(200).optional() }) });

export const leagueTeamsSchema = z.object({ teams: z.array(teamSchema).max(64) });

const apiPickSchema = z.object({
  overallPickNumber: int32,
  roundId: int32.optional(),
  roundPickNumber: int32.optional(),
  teamId: int32,
  playerId: int32,
  lineupSlotId: int32.optional(),
  keeper: z.boolean().optional(),
  /** Auction price and nominator ([SOURCE] protocol.md §4.3); 0 in a snake draft. */
  bidAmount: int32.nonnegative().optional(),
  nominatingTeamId: int32.nonnegative().optional(),
});

export const draftDetailSchema = z.object({
  draftDetail: z.object({
    drafted: z.boolean(),
    inProgress: z.boolean().optional(),
    picks: z.array(apiPickSchema).max(2000),
  }),
});

export type ApiRead<T> =
  | { ok: true; value: T }
  | { ok: false; problem: 'not-visible' | 'not-found' | 'server-error' | 'unexpected-status' | 'malformed'; status: number | null; message: string };

/** Turns an HTTP answer into data or a named problem; the caller decides whether to retry. */
export function readApiResponse<T>(status: number, body: string, schema: z.ZodType<T>): ApiRead<T> {
  if (status === 401 || status === 403)
    return { ok: false, problem: 'not-visible', status, message: `HTTP ${status}: the league is private and needs the user's ESPN login cookies` };
  if (status === 404) return { ok: false, problem: 'not-found', status, message: 'HTTP 404: league not found (mock-draft leagues are not readable)' };
  if (status >= 500) return { ok: false, problem: 'server-error', status, message: `HTTP ${status}: ESPN server error` };
  if (status !== 200) return { ok: false, problem: 'unexpected-status', status, message: `HTTP ${status}` };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, problem: 'malformed', status, message: 'response is not valid JSON' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: 'malformed', status, message: `unexpected response shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}` };
  }
  return { ok: true, value: parsed.data };
}

export function teamsFromApi(value: z.infer<typeof leagueTeamsSchema>): ApiTeam[] {
  return value.teams.map((team) => ({
    teamId: team.id,
    name: team.name?.trim() || [team.location, team.nickname].filter(Boolean).join(' ').trim() || null,
  }));
}

/** The league's name as the user named it, or null when ESPN sent none (or only blanks). */
export function leagueNameFromApi(value: z.infer<typeof leagueSettingsSchema>): string | null {
  return value.settings.name?.trim() || null;
}

export function picksFromApi(value: z.infer<typeof draftDetailSchema>): { drafted: boolean; picks: ApiPick[] } {
  return {
    drafted: value.draftDetail.drafted,
    picks: value.draftDetail.picks.map((pick) => ({
      overallPick: pick.overallPickNumber,
      teamId: pick.teamId,
      playerId: pick.playerId,
      lineupSlotId: pick.lineupSlotId ?? null,
      keeper: pick.keeper ?? false,
      // 0 means none: a snake draft, or a lot ESPN has no price or nominator for.
      ...(pick.bidAmount ? { price: pick.bidAmount } : {}),
      ...(pick.nominatingTeamId ? { nominatingTeamId: pick.nominatingTeamId } : {}),
    })),
  };
}
