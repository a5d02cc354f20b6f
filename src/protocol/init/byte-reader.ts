import { InitFormatError } from './init-format-error';

const TWO_POW_32 = 0x1_0000_0000;

/** Sequential big-endian reader with bounds checks; every failure names its byte offset. */
export class ByteReader {
  private readonly view: DataView;
  private pos: number;

  /** `start` lets the fallback scan read a section found in the middle of a blob. */
  constructor(
    private readonly bytes: Uint8Array,
    start = 0,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = Math.min(Math.max(0, start), bytes.byteLength);
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.bytes.byteLength - this.pos;
  }

  fail(reason: string, at: number = this.pos): never {
    throw new InitFormatError(reason, at);
  }

  int32(what: string): number {
    const at = this.take(4, what);
    return this.view.getInt32(at);
  }

  /** Only epoch-ms dates use int64, so anything beyond 2^53 means misalignment, not data. */
  int64(what: string): number {
    const at = this.take(8, what);
    const value = this.view.getInt32(at) * TWO_POW_32 + this.view.getUint32(at + 4);
    if (!Number.isSafeInteger(value)) this.fail(`${what}: int64 ${value} is beyond 2^53`, at);
    return value;
  }

  float64(what: string): number {
    const at = this.take(8, what);
    return this.view.getFloat64(at);
  }

  /** Any byte other than 0/1 is the cheapest sign that the decoder is misaligned. */
  bool(what: string): boolean {
    const at = this.take(1, what);
    const byte = this.view.getUint8(at);
    if (byte > 1) this.fail(`${what}: bool byte is ${byte}, expected 0 or 1`, at);
    return byte === 1;
  }

  /** int32 flag, then an int64 only when the flag is 1. */
  optDate(what: string): number | null {
    const at = this.pos;
    const flag = this.int32(`${what} flag`);
    if (flag === 0) return null;
    if (flag !== 1) this.fail(`${what}: optDate flag is ${flag}, expected 0 or 1`, at);
    return this.int64(what);
  }

  rest(): Uint8Array {
    const out = this.bytes.slice(this.pos);
    this.pos = this.bytes.byteLength;
    return out;
  }

  private take(size: number, what: string): number {
    const at = this.pos;
    if (size > this.remaining) this.fail(`${what}: needs ${size} bytes, only ${this.remaining} left`, at);
    this.pos += size;
    return at;
  }
}
