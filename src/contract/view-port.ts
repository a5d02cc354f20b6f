import { z } from '../zod-setup';
import { draftViewSchema, playerInfoSchema } from './draft-view';
import { draftStateSchema, logEntrySchema, pickSchema } from './draft-state';

/** The runtime port a popup opens to follow one draft live (`browser.runtime.connect({ name })`). */
export const VIEW_PORT_NAME = 'draft-view';

/**
 * Popup → worker: which draft to follow. `tabId` is the popup's active tab when it is a draft room;
 * `draftId` is the draft the user chose, if any (it wins over the tab).
 */
export const viewPortRequestSchema = z.object({ type: z.literal('watch'), tabId: z.number().int().nullable(), draftId: z.string().max(200).nullable().default(null) });
export type ViewPortRequest = z.input<typeof viewPortRequestSchema>;

/**
 * Worker → popup: the whole view, sent once on `watch` and again after every commit to that draft.
 * `committedAt` is the worker's clock (epoch ms) when the commit this view shows was stored, or
 * null for the view sent on `watch`; the benchmark measures commit → shown from it.
 */
export const viewPortViewSchema = z.object({ type: z.literal('view'), view: draftViewSchema.nullable(), committedAt: z.number().nullable().default(null) });

/**
 * Worker → popup after a commit, when the port was last sent a view of the same draft: only what
 * changed since that view (ports deliver in order, so the popup holds exactly that view). Fields
 * named in `view` and `state` replace the old ones whole; picks keep the first `picksKept` and add
 * `picksAdded`; the event log drops `eventsDropped` from its front (the log is capped) and adds
 * `eventsAdded`; players only ever gain entries.
 */
export const viewPortPatchSchema = z.object({
  type: z.literal('patch'),
  draftId: z.string(),
  committedAt: z.number().nullable(),
  view: draftViewSchema.pick({ tabId: true, connection: true, now: true, drift: true, leagueName: true }).partial(),
  state: draftStateSchema.omit({ picks: true }).partial(),
  picksKept: z.number().int().min(0),
  picksAdded: z.array(pickSchema),
  eventsDropped: z.number().int().min(0),
  eventsAdded: z.array(logEntrySchema),
  playersAdded: z.record(z.string(), playerInfoSchema),
});
export type ViewPortPatch = z.infer<typeof viewPortPatchSchema>;

export const viewPortPushSchema = z.discriminatedUnion('type', [viewPortViewSchema, viewPortPatchSchema]);
export type ViewPortPush = z.infer<typeof viewPortPushSchema>;
