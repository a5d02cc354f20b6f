import { ByteReader } from './byte-reader';

export interface ListBounds {
  max: number;
  minItemBytes: number;
}

/**
 * ByteReader plus the framing rules shared by every INIT object: a `present` word, a
 * `version` word and the league id repeated as the first field.
 */
export class InitReader extends ByteReader {
  /** Set from the root header; every later league-id field must repeat it. */
  leagueId = 0;

  /** Reads `present` + `version` + the league-id field of a nested object. */
  beginObject(version: number, what: string): void {
    this.objectHeader(version, what);
    this.expectLeagueId(what);
  }

  objectHeader(version: number, what: string): void {
    const at = this.offset;
    const present = this.int32(`${what} present`);
    // [INFERRED] present = 0 would be a null object; none was ever captured and the
    // snapshot type has no nulls, so treat it as a format change rather than guess.
    if (present === 0) this.fail(`${what}: null object (present = 0) is not supported`, at);
    if (present !== 1) this.fail(`${what}: present is ${present}, expected 0 or 1`, at);
    const versionAt = this.offset;
    const found = this.int32(`${what} version`);
    if (found !== version) this.fail(`${what}: version ${found}, expected ${version}`, versionAt);
  }

  expectLeagueId(what: string): void {
    const at = this.offset;
    const found = this.int32(`${what} league id`);
    if (found !== this.leagueId) {
      this.fail(`${what}: league id ${found} differs from header league id ${this.leagueId}`, at);
    }
  }

  /** Reads a count, then that many items; the count is checked before anything is allocated. */
  list<T>(what: string, bounds: ListBounds, readItem: (index: number) => T): T[] {
    const at = this.offset;
    const count = this.int32(`${what} count`);
    if (count < 0) this.fail(`${what}: negative count ${count}`, at);
    if (count > bounds.max) this.fail(`${what}: count ${count} exceeds limit ${bounds.max}`, at);
    if (count * bounds.minItemBytes > this.remaining) {
      this.fail(`${what}: count ${count} needs at least ${count * bounds.minItemBytes} bytes, only ${this.remaining} left`, at);
    }
    const items: T[] = [];
    for (let i = 0; i < count; i++) items.push(readItem(i));
    return items;
  }

  int32s(count: number, what: string): number[] {
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push(this.int32(`${what}[${i}]`));
    return out;
  }
}
