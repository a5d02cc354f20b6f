import { z } from '../zod-setup';
import { SWID_PATTERN } from '../contract/swid';

// Argument grammars for the draft socket's text frames (protocol.md §3, §5). Each schema takes
// the frame's space-separated arguments as strings. Messages never echo the input, so an error
// string cannot leak a secret even when the frame carries one.

const INT32_MIN = -0x8000_0000;
const INT32_MAX = 0x7fff_ffff;

/** Canonical decimal only: no '+', no leading zeros, no '-0', no exponent or fraction. */
const integerText = z.string().regex(/^(0|-?[1-9]\d*)$/, 'expected an integer');

export const int32Arg = integerText
  .transform(Number)
  .pipe(z.number().min(INT32_MIN, 'outside the int32 range').max(INT32_MAX, 'outside the int32 range'));

export const nonNegativeInt32Arg = int32Arg.pipe(z.number().min(0, 'must not be negative'));
export const positiveInt32Arg = int32Arg.pipe(z.number().min(1, 'must be positive'));

/** Team ids are 1-based, but 0 is let through: an auction clock may use it for "no bidder" ([UNKNOWN]). */
export const teamIdArg = nonNegativeInt32Arg;
/** Signed: team defenses are −16000 − proTeamId. */
export const playerIdArg = int32Arg;
/** Signed: whether a late clock tick can go below zero is [UNKNOWN], and dropping it would lose a liveness signal. */
export const clockMsArg = int32Arg;

/** Epoch milliseconds exceed int32; anything up to 2^53 is exact in a JS number. */
const epochMsText = z
  .string()
  .regex(/^(0|[1-9]\d*)$/, 'expected epoch milliseconds')
  .transform(Number)
  .pipe(z.number().max(Number.MAX_SAFE_INTEGER, 'beyond 2^53'));

export const boolArg = z.enum(['true', 'false'], { error: 'expected true or false' }).transform((v) => v === 'true');

export const swidArg = z.string().regex(SWID_PATTERN, 'expected a SWID like {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}');

/** `PING%20<ms>`: the heartbeat payload is the URL-encoded text "PING <ms>", in both directions. */
export const heartbeatArg = z
  .string()
  .regex(/^PING%20\d+$/, 'expected PING%20<epoch ms>')
  .transform((s) => s.slice('PING%20'.length))
  .pipe(epochMsText);

/**
 * `g:L:T:{SWID}:code` as sent by ESPN, or `g:L:T` after the page hook redacted it.
 * The SWID and the security code are validated, then dropped.
 */
const tokenArg = z
  .string()
  .transform((s) => s.split(':') as [string, string, string, string?, string?])
  .pipe(
    z
      .tuple([positiveInt32Arg, positiveInt32Arg, positiveInt32Arg, swidArg.optional(), int32Arg.optional()])
      .refine((parts) => parts.length === 3 || parts.length === 5, 'expected g:L:T or g:L:T:{SWID}:code'),
  )
  .transform(([gameId, leagueId, teamId]) => ({ gameId, leagueId, teamId }));

/** ESPN's error text is form-encoded: '+' is a space, then %XX escapes. */
const formEncodedText = z.string().transform((s, ctx) => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'message is not valid URL encoding' });
    return z.NEVER;
  }
});

const noArgs = z.tuple([]);

export const frameArgs = {
  token: z.tuple([tokenArg]),
  joined: z.tuple([teamIdArg, swidArg.optional()]),
  left: z.tuple([teamIdArg, swidArg.optional(), nonNegativeInt32Arg.optional()]),
  autodraft: z.tuple([teamIdArg, boolArg]),
  autodraftRequest: z.tuple([boolArg]),
  clock: z.array(int32Arg),
  state: z.tuple([nonNegativeInt32Arg]),
  selecting: z.tuple([teamIdArg, nonNegativeInt32Arg]),
  selected: z.tuple([teamIdArg, playerIdArg, nonNegativeInt32Arg, swidArg.optional()]),
  autosuggest: z.tuple([playerIdArg]),
  draftList: z.array(playerIdArg),
  undone: z.tuple([nonNegativeInt32Arg]),
  reset: noArgs,
  error: z.tuple([int32Arg], z.string()).transform(([code, ...words]) => ({ code, words: words.join(' ') })).pipe(
    z.object({ code: z.number(), words: formEncodedText }),
  ),
  heartbeat: z.tuple([heartbeatArg]),
  select: z.tuple([playerIdArg]),
  nomination: z.tuple([teamIdArg, clockMsArg]),
  /** The two trailing clock fields are sourced only, so they may be absent. */
  bid: z.tuple([teamIdArg, playerIdArg, nonNegativeInt32Arg, clockMsArg.optional(), clockMsArg.optional()]),
  bidAck: z.tuple([teamIdArg, playerIdArg, nonNegativeInt32Arg]),
  passed: z.tuple([teamIdArg, playerIdArg, boolArg]),
  /** `SOLD <team> <player> <?> <price> <?>`: the unknown fields are kept unvalidated. */
  sold: z.tuple([teamIdArg, playerIdArg, z.string(), nonNegativeInt32Arg, z.string().optional()]),
} as const;
