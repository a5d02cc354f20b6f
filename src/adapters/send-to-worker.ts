import { browser } from 'wxt/browser';
import { workerMessages, type WorkerMessageType, type WorkerReply, type WorkerRequest } from '../contract/messages';

/**
 * Sends one runtime message to the worker and checks its reply against the contract: a reply
 * that does not fit rejects, like a lost one, instead of reaching the caller unchecked.
 */
export async function sendToWorker<T extends WorkerMessageType>(type: T, request: WorkerRequest<T>): Promise<WorkerReply<T>> {
  const reply: unknown = await browser.runtime.sendMessage({ ...request, type });
  return workerMessages[type].reply.parse(reply);
}
