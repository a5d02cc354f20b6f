import { browser } from 'wxt/browser';
import '../src/zod-setup';
import { listenForWorkerMessages } from '../src/adapters/worker-message-listener';
import { watchHostAccess } from '../src/adapters/host-access';
import { listenForViewPorts } from '../src/adapters/view-port-listener';
import { listenForBrowserEvents } from '../src/worker/browser-events';
import { createMessageHandlers } from '../src/worker/message-handlers';
import { createMessageRouter } from '../src/worker/message-router';
import { startWorker } from '../src/worker/start-worker';

export default defineBackground(() => {
  const worker = startWorker(browser);
  // Listeners are registered synchronously at start-up, so an event that woke the worker is not lost.
  listenForWorkerMessages(browser, createMessageRouter(createMessageHandlers(worker)));
  listenForBrowserEvents(browser, worker);
  watchHostAccess(browser, (level, message) => console[level](`Draft Watch: ${message}`));
  listenForViewPorts(browser, worker.viewPorts);
});
