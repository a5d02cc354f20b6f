import { z } from '../zod-setup';
import { draftViewSchema } from './draft-view';

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
export const viewPortPushSchema = z.object({ type: z.literal('view'), view: draftViewSchema.nullable(), committedAt: z.number().nullable().default(null) });
export type ViewPortPush = z.infer<typeof viewPortPushSchema>;
