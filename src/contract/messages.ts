import { z } from '../zod-setup';
import { draftSummarySchema, draftViewSchema } from './draft-view';
import { hookBatchSchema } from './hook-items';
import { pageContextSchema } from './page-context';
import { settingsSchema } from './settings';

/** A draft id as the worker derives it (src/draft/draft-id.ts): `game:league:season[:reset-ms]`. */
const draftIdSchema = z.string().min(1).max(200);

/**
 * Every runtime message, as one map from type to its request and reply. On the wire a request is
 * `{ type, ...request }`. Both sides validate: the worker checks each request (content scripts
 * carry page-derived data), and callers check each reply before using it.
 */
const messageSchemas = {
  /** Relay → worker: one batch of hook items from a draft tab. Only content scripts send it. */
  'hook-batch': { request: z.object({ page: pageContextSchema, items: hookBatchSchema }), reply: z.literal(true) },
  /**
   * Popup → worker. `tabId` is the popup's active tab, when it is a draft room; `draftId`, when
   * given, names the draft the user chose (a live or an archived one) and wins over the tab.
   */
  'get-view': {
    request: z.object({ tabId: z.number().int().nullable(), draftId: draftIdSchema.nullable().optional() }),
    reply: draftViewSchema.nullable(),
  },
  /** Popup → worker: every draft the store holds, for the draft chooser. */
  'list-drafts': { request: z.object({}), reply: z.array(draftSummarySchema).max(1000) },
  /**
   * Popup → worker: an anonymized capture of a draft's recent socket frames for a bug report
   * (src/protocol/capture.ts), as JSON Lines. The frames live in the worker's memory only.
   */
  'export-capture': { request: z.object({ draftId: draftIdSchema }), reply: z.object({ text: z.string(), frames: z.number().int().min(0) }) },
  /** Popup → worker: the user asked to reload a draft tab now. */
  'reload-now': { request: z.object({ tabId: z.number().int() }), reply: z.literal(true) },
  /** Extension page → worker: store new thresholds. */
  'set-settings': { request: z.object({ settings: settingsSchema }), reply: z.literal(true) },
  /** Options page → worker: the settings as stored (unset fields are absent; defaults are the page's to show). */
  'get-settings': { request: z.object({}), reply: settingsSchema },
  /** Options page → worker: forget every stored draft, after the user confirmed. Replies with how many went. */
  'clear-drafts': { request: z.object({ confirmed: z.literal(true) }), reply: z.number().int().min(0) },
  /** Relay → worker: the thresholds the page hook needs. */
  'get-page-config': {
    request: z.object({}),
    reply: z.object({
      silence: z.object({
        activeBudgetMs: z.number(),
        pausedBudgetMs: z.number(),
        completeBudgetMs: z.number(),
        pongTimeoutMs: z.number(),
      }),
    }),
  },
} as const;
type MessageSchemas = typeof messageSchemas;

export type WorkerMessageType = keyof MessageSchemas;
/** What a caller passes to `send` (defaults may be left out). */
export type WorkerRequest<T extends WorkerMessageType> = z.input<MessageSchemas[T]['request']>;
/** What a handler receives once the request validated. */
export type ParsedWorkerRequest<T extends WorkerMessageType> = z.output<MessageSchemas[T]['request']>;
export type WorkerReply<T extends WorkerMessageType> = z.output<MessageSchemas[T]['reply']>;

type WorkerMessageMap = {
  [T in WorkerMessageType]: { request: z.ZodType<ParsedWorkerRequest<T>, WorkerRequest<T>>; reply: z.ZodType<WorkerReply<T>> };
};
/** The same map, typed so that `workerMessages[type]` keeps its link to `type` inside generic code. */
export const workerMessages: WorkerMessageMap = messageSchemas;

/** What the browser (never the message) says about who sent a runtime message. */
export interface MessageSender {
  /** The sender is one of the extension's own pages (popup, options), not a content script. */
  fromExtensionPage: boolean;
  /** The tab a content script runs in, from `sender.tab.id`. */
  tabId: number | undefined;
}

/** Types a content script may send; every other type must come from the extension's own pages. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<WorkerMessageType> = new Set(['hook-batch', 'get-page-config']);

export function isWorkerMessageType(type: string): type is WorkerMessageType {
  return Object.hasOwn(workerMessages, type);
}

const envelopeSchema = z.object({ type: z.string() });

/** The message type of a raw runtime message, or null when it is not one of ours. */
export function workerMessageTypeOf(raw: unknown): WorkerMessageType | null {
  const envelope = envelopeSchema.safeParse(raw);
  return envelope.success && isWorkerMessageType(envelope.data.type) ? envelope.data.type : null;
}
