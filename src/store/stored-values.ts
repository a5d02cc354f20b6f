import { z } from '../zod-setup';
import { settingsSchema, storedSettingsSectionsSchema, type Settings } from '../contract/settings';
import { protocolDriftSchema } from '../contract/draft-state';
import { leagueNameSchema } from '../contract/draft-view';
import { emptyDrift } from '../draft/drift';
import type { ProtocolDrift } from '../draft/types';
import type { DraftRecord, FinalBoardProgress, PoolStatus } from './records';

/**
 * What IndexedDB gives back is checked before anyone acts on it: storage can hold a value written
 * by an older release or a record damaged on disk. A value that does not fit is treated as absent.
 */

const epochMs = z.number().min(0);

export const poolStatusSchema = z.object({ fetchedAt: epochMs.nullable(), retryAt: epochMs }) satisfies z.ZodType<PoolStatus>;

export const finalBoardProgressSchema = z.object({
  attempts: z.number().int().min(0),
  nextAttemptAt: epochMs,
  done: z.boolean(),
  outcome: z.enum(['confirmed', 'private', 'not-found', 'gave-up', 'no-draft']).optional(),
}) satisfies z.ZodType<FinalBoardProgress>;

export const draftIdSchema = z.string().min(1).max(200);

/**
 * The envelope of a draft record: enough to find, list and show it. The draft state inside is the
 * reducer's own output and is kept as written; a record without its key, picks or log is damaged.
 */
const draftEnvelopeSchema = z.looseObject({
  id: draftIdSchema,
  state: z.looseObject({
    key: z.object({ game: z.string(), leagueId: z.string(), seasonId: z.number().int() }),
    status: z.enum(['pre_draft', 'live', 'paused', 'complete']),
    teams: z.array(z.unknown()),
    slots: z.array(z.unknown()),
    picks: z.array(z.unknown()),
  }),
  events: z.array(z.unknown()),
  lastActiveAt: z.number(),
});

/** A draft record as IndexedDB may hold it: one written before drift was counted has none, nor a league name. */
export type StoredDraftRecord = Omit<DraftRecord, 'drift'> & { drift?: unknown };

export function isIntactDraftRecord(value: StoredDraftRecord | undefined): value is StoredDraftRecord {
  return value !== undefined && draftEnvelopeSchema.safeParse(value).success;
}

/** An intact stored record with its drift checked: missing or damaged drift restarts from no drift rather than failing the whole draft. */
export function restoreDraftRecord(stored: StoredDraftRecord): DraftRecord {
  const drift: ProtocolDrift = parseOr(protocolDriftSchema, stored.drift) ?? emptyDrift();
  const { leagueName, ...rest } = stored;
  // Storage is untrusted too: a damaged name is dropped (and asked again), never shown.
  const name = leagueName === undefined ? undefined : parseOr(leagueNameSchema, leagueName as unknown);
  return name === undefined ? { ...rest, drift } : { ...rest, drift, leagueName: name };
}

export function parseOr<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Stored settings as far as they are valid: each section is checked on its own, so a bad value in one never discards the other. */
export function settingsOf(stored: unknown): Settings {
  const sections = storedSettingsSectionsSchema.safeParse(stored);
  const value = (key: 'recovery' | 'silence'): unknown => (sections.success ? sections.data[key] : undefined);
  const recovery = settingsSchema.shape.recovery.safeParse(value('recovery'));
  const silence = settingsSchema.shape.silence.safeParse(value('silence'));
  return { recovery: recovery.success ? recovery.data : {}, silence: silence.success ? silence.data : {} };
}
