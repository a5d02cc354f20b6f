/**
 * Frame text can carry member SWIDs (GUIDs in braces) and the join token, whose
 * last field is the team's security code. Neither may reach state, logs or
 * exports, so any text derived from a frame goes through here first.
 */
const JOIN_TOKEN = /-?\d+:-?\d+:-?\d+:[^\s:]*:-?\d+/g;
const BRACED = /\{[^{}]*\}/g;
const URL_ENCODED_BRACED = /%7B.*?%7D/gi;
const BARE_GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

const MAX_QUOTE_LENGTH = 200;

export function redactSecrets(text: string): string {
  return text
    .replace(JOIN_TOKEN, '[token]')
    .replace(BRACED, '{…}')
    .replace(URL_ENCODED_BRACED, '{…}')
    .replace(BARE_GUID, '…');
}

/** For quoting frame-derived text in a log line: redacted, and cut so one odd frame cannot flood the log. */
export function quoteFrameText(text: string): string {
  const redacted = redactSecrets(text);
  return redacted.length > MAX_QUOTE_LENGTH ? `${redacted.slice(0, MAX_QUOTE_LENGTH)}…` : redacted;
}
