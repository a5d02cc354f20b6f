import { z } from '../zod-setup';

/**
 * Worker → a draft tab's relay, when a new extension instance starts: is this tab's relay alive,
 * and does it hold the page hook's private port? After an extension update the old relay is
 * orphaned (no answer at all), and a relay injected late has no hook (`attached: false`); either
 * way the tab sends nothing until it is reloaded.
 */
export const relayPingSchema = z.object({ type: z.literal('relay-ping') });
export type RelayPing = z.infer<typeof relayPingSchema>;

export const relayPongSchema = z.object({ attached: z.boolean() });
export type RelayPong = z.infer<typeof relayPongSchema>;
