import { encodeBase64 } from './encode-base64';

/** ESPN appends this many '#' after the base64; it is filler, not data. */
export const INIT_FILLER_LENGTH = 2048;

/** The `INIT <base64> <2048 #>\n` text ESPN sends; the inverse of parseInitFrameText. */
export function formatInitFrame(bytes: Uint8Array): string {
  return `INIT ${encodeBase64(bytes)} ${'#'.repeat(INIT_FILLER_LENGTH)}\n`;
}
