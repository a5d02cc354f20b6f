import { z } from '../zod-setup';
import { redactSecrets } from '../draft/redact';
import type { DraftKey, LogEntry } from '../draft/types';
import { pickLogEventSchema } from './pick-log-schema';

/** The event log on its own: what happened to the connection and the draft, for a bug report or a dispute. */
export const eventLogSchema = z.object({
  format: z.literal('draft-event-log'),
  version: z.literal(1),
  exportedAt: z.string(),
  draft: z.object({ game: z.string(), leagueId: z.string(), seasonId: z.number().int() }),
  events: z.array(pickLogEventSchema),
});

export type EventLogJson = z.infer<typeof eventLogSchema>;

export interface EventLogInput {
  key: DraftKey;
  events: readonly LogEntry[];
  exportedAt: number;
}

/** Oldest first, like the pick log's events; messages are redacted once more on the way out. */
export function buildEventLog(input: EventLogInput): EventLogJson {
  return {
    format: 'draft-event-log',
    version: 1,
    exportedAt: new Date(input.exportedAt).toISOString(),
    draft: { game: input.key.game, leagueId: input.key.leagueId, seasonId: input.key.seasonId },
    events: input.events.map((entry) => ({
      at: new Date(entry.at).toISOString(),
      level: entry.level,
      kind: redactSecrets(entry.kind),
      message: redactSecrets(entry.message),
    })),
  };
}

/** Pretty JSON in the schema's key order, with a final newline. */
export function formatEventLogJson(log: EventLogJson): string {
  return `${JSON.stringify(eventLogSchema.parse(log), null, 2)}\n`;
}
