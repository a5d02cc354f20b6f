import { ByteWriter } from './byte-writer';

/** ByteWriter plus INIT's object framing: `present` 1, `version`, then the league id. */
export class InitWriter extends ByteWriter {
  constructor(readonly leagueId: number) {
    super();
  }

  beginObject(version: number, what: string): void {
    this.int32(1, `${what} present`);
    this.int32(version, `${what} version`);
    this.int32(this.leagueId, `${what} league id`);
  }

  list<T>(items: readonly T[], what: string, writeItem: (item: T) => void): void {
    this.int32(items.length, `${what} count`);
    for (const item of items) writeItem(item);
  }

  int32s(values: readonly number[], expected: number, what: string): void {
    if (values.length !== expected) throw new RangeError(`${what}: expected ${expected} values, got ${values.length}`);
    values.forEach((v, i) => this.int32(v, `${what}[${i}]`));
  }
}
