/**
 * What makes a draft-room page context valid. Zod-free: the MAIN-world URL reader
 * (./draft-page-url.ts) and the worker's schema (./page-context.ts) both check these.
 */
export const DRAFT_SPORTS = ['football', 'baseball', 'basketball', 'hockey'] as const;
export const LEAGUE_ID_PATTERN = /^\d{1,12}$/;
export const MIN_SEASON = 2000;
export const MAX_SEASON = 2100;
