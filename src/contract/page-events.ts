/**
 * DOM event names shared by the MAIN-world hook and the isolated relay. Details are JSON strings
 * (they cross JS worlds). Zod-free on purpose: the page hook imports this into ESPN's page.
 */
export const HOOK_EVENT = 'draft-watch:hook';
export const HOOK_HELLO_EVENT = 'draft-watch:hello';
export const RELAY_READY_EVENT = 'draft-watch:ready';
/** Relay → hook: the user's silence thresholds, as a JSON string. */
export const SILENCE_CONFIG_EVENT = 'draft-watch:silence-config';
