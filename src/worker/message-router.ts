import {
  CONTENT_SCRIPT_MESSAGES,
  workerMessages,
  workerMessageTypeOf,
  type MessageSender,
  type ParsedWorkerRequest,
  type WorkerMessageType,
  type WorkerReply,
} from '../contract/messages';

/** One handler per message type; `undefined` means no answer (the caller's promise then fails). */
export type WorkerHandlers = {
  [T in WorkerMessageType]: (request: ParsedWorkerRequest<T>, sender: MessageSender) => Promise<WorkerReply<T>> | undefined;
};

/**
 * Validates a runtime message and hands it to its handler. Only the extension's own pages may
 * read the log, change settings or ask for a reload; content scripts may only deliver hook
 * batches and ask for the page config. Anything else is ignored without an answer.
 */
export function routeWorkerMessage(raw: unknown, sender: MessageSender, handlers: WorkerHandlers): Promise<unknown> | undefined {
  const type = workerMessageTypeOf(raw);
  return type === null ? undefined : dispatch(type, raw, sender, handlers);
}

/** The router bound to its handlers, as the message listener calls it. */
export function createMessageRouter(handlers: WorkerHandlers): (raw: unknown, sender: MessageSender) => Promise<unknown> | undefined {
  return (raw, sender) => routeWorkerMessage(raw, sender, handlers);
}

function dispatch<T extends WorkerMessageType>(type: T, raw: unknown, sender: MessageSender, handlers: WorkerHandlers) {
  if (!sender.fromExtensionPage && !CONTENT_SCRIPT_MESSAGES.has(type)) return undefined;
  const request = workerMessages[type].request.safeParse(raw);
  if (!request.success) return undefined;
  return handlers[type](request.data, sender);
}
