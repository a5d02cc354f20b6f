import { HOOK_EVENT, HOOK_HELLO_EVENT, RELAY_READY_EVENT, type HookItem } from '../contract/page-events';

/** Caps the backlog if the isolated relay never appears (e.g. the extension is being reloaded). */
const MAX_BACKLOG = 20_000;

/**
 * Hands batches from the page world to the isolated relay through DOM events.
 * A JSON string is the one detail both worlds (and Firefox's Xray wrappers) read
 * without cloning helpers. The two content scripts start in no guaranteed order,
 * so batches wait until the relay says it is listening.
 */
export function createPageBridge(target: EventTarget): (items: HookItem[]) => void {
  let relayReady = false;
  let backlog: HookItem[] = [];

  const send = (items: HookItem[]): void => {
    target.dispatchEvent(new CustomEvent(HOOK_EVENT, { detail: JSON.stringify(items) }));
  };

  target.addEventListener(RELAY_READY_EVENT, () => {
    if (relayReady) return;
    relayReady = true;
    if (backlog.length > 0) send(backlog);
    backlog = [];
  });
  target.dispatchEvent(new CustomEvent(HOOK_HELLO_EVENT));

  return (items) => {
    if (relayReady) {
      send(items);
      return;
    }
    backlog.push(...items);
    if (backlog.length > MAX_BACKLOG) backlog.splice(0, backlog.length - MAX_BACKLOG);
  };
}
