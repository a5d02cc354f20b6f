/**
 * Raised inside the INIT codec when the bytes do not match the expected layout.
 * It carries the byte offset so a report can say where alignment was lost.
 * The public `decodeInit` catches it; it never escapes to callers of the decoder.
 */
export class InitFormatError extends Error {
  override readonly name = 'InitFormatError';

  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(`${reason} (at byte ${offset})`);
  }
}
