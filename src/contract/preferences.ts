import { z } from '../zod-setup';

/** The options page's notification switches as stored; anything missing or malformed falls back to its default. */
export const storedNotificationPreferencesSchema = z
  .object({ recoveryFailed: z.boolean(), kicked: z.boolean(), protocolDrift: z.boolean(), onTheClock: z.boolean() })
  .partial();

export const raisedNotificationKeysSchema = z.array(z.string().max(200));
