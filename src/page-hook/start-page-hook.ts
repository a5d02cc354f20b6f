/* eslint-disable @typescript-eslint/unbound-method -- the hook captures built-ins unbound on purpose and calls them later through a bound Function.prototype.call, so the page cannot swap them */
// First import: captures the built-ins the hook uses before any page script can replace them.
import { hasOwn, now, reflectApply } from './intrinsics';
import { installSocketHook } from './socket-hook';
import { draftSocketPrefixOfPage } from './draft-socket-prefix';
import { captureSocketReads } from './socket-reads';
import { openHookChannel } from './hook-channel';
import { installNativeDisguise } from './native-disguise';
import { createPageStallDetector } from './page-stall';

/**
 * Wires the socket hook into ESPN's page. MAIN world: only zod-free modules may be imported here,
 * and everything the hook calls later is captured now, before any page script runs.
 */
export function startPageHook(): void {
  // The match pattern also covers pages such as draftrecap; only a draft room gets the hook.
  const draftSocketPrefix = draftSocketPrefixOfPage(location.href);
  if (draftSocketPrefix === null) return;
  const setTimeout = window.setTimeout;
  const console = window.console;
  const warn = console.warn;
  const channel = openHookChannel(document, window);
  const stalls = createPageStallDetector();
  channel.onMessage((message) => {
    if (typeof message === 'object' && message !== null && hasOwn(message, 'silence')) stalls.configure((message as { silence: unknown }).silence);
  });
  const hook = installSocketHook({
    global: window,
    reads: captureSocketReads(window),
    now,
    emit: (items) => channel.post(items),
    setTimeout: (fn, ms): unknown => reflectApply(setTimeout, window, [fn, ms]),
    detectStall: stalls.detect,
    warn: (message) => reflectApply(warn, console, [message]),
    socketIdPrefix: Math.random().toString(36).slice(2, 10),
    disguise: installNativeDisguise(Function.prototype),
    draftSocketPrefix,
  });
  window.addEventListener('pagehide', () => hook.pageUnloading());
}
