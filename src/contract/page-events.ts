/**
 * What the MAIN-world hook tells the isolated relay. Zod-free on purpose: the page hook imports
 * this into ESPN's page. The relay's schema for the items (./hook-items.ts) is proven equal to
 * `HookItem` at compile time.
 */

/**
 * One report about the draft socket. Plain data only: it crosses from the page to the isolated
 * content script by structured clone over a private MessagePort (./channel-handshake.ts), so the
 * page world needs no library to build it. Every secret is already removed.
 */
export type HookItem =
  | { k: 'open'; sid: string; at: number; url: string }
  | { k: 'frame'; sid: string; seq: number; dir: 'in' | 'out'; at: number; data: string }
  | { k: 'close'; sid: string; at: number; code: number; reason: string; clean: boolean }
  | { k: 'error'; sid: string; at: number }
  | { k: 'stall'; sid: string; at: number; cause: 'silence' | 'pong-timeout'; silentForMs: number }
  | { k: 'unload'; at: number };
