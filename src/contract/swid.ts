/** ESPN member id as it appears on the draft socket: uppercase GUID in braces. */
export const SWID_PATTERN = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/;

/**
 * For scrubbing text: any case, raw or percent-encoded braces, or no braces at all,
 * because cookies and page URLs spell the same id differently.
 */
export const SWID_ANYWHERE =
  /(?:\{|%7B)?[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}(?:\}|%7D)?/gi;

export function isSwid(text: string): boolean {
  return SWID_PATTERN.test(text);
}
