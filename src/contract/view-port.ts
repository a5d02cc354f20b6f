import { z } from '../zod-setup';
import { draftSummarySchema, draftViewSchema, playerInfoSchema } from './draft-view';
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

/**
 * Worker → every open popup after a commit that changed one draft's line in the chooser (picks,
 * status, league name, last activity), whichever draft the popup shows: the chooser lists them all.
 * Built from what the commit wrote. `tabId` is absent when the commit involved no tab (a lookup's
 * commit): the popup keeps the tab it holds for that draft.
 */
export const pushedDraftSummarySchema = draftSummarySchema.extend({ tabId: draftSummarySchema.shape.tabId.optional() });
export type PushedDraftSummary = z.infer<typeof pushedDraftSummarySchema>;
export const viewPortSummarySchema = z.object({ type: z.literal('summary'), summary: pushedDraftSummarySchema });

/**
 * Worker → every open popup when the list of drafts changed in a way one summary cannot say: a new
 * draft or a reset archive appeared, drafts were cleared, a tab stopped following a draft. The
 * popup asks `list-drafts` once more.
 */
export const viewPortDraftsChangedSchema = z.object({ type: z.literal('drafts-changed') });

export const draftListPushSchema = z.discriminatedUnion('type', [viewPortSummarySchema, viewPortDraftsChangedSchema]);
export type DraftListPush = z.infer<typeof draftListPushSchema>;

/** Whether a port message claims to be about the draft list (it is still validated as one). */
export function isDraftListPush(raw: unknown): boolean {
  const type: unknown = typeof raw === 'object' && raw !== null && 'type' in raw ? raw.type : undefined;
  return type === 'summary' || type === 'drafts-changed';
}

/** Everything the worker sends over a view port. */
export type ViewPortMessage = ViewPortPush | DraftListPush;
