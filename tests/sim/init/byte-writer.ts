const TWO_POW_32 = 0x1_0000_0000;
const INT32_MIN = -0x8000_0000;
const INT32_MAX = 0x7fff_ffff;

/**
 * Growable big-endian writer, the mirror of ByteReader. It refuses values that would be
 * silently wrapped by DataView, because a wrapped id would corrupt a test blob unnoticed.
 */
export class ByteWriter {
  private buf = new Uint8Array(16 * 1024);
  private view = new DataView(this.buf.buffer);
  private pos = 0;

  get length(): number {
    return this.pos;
  }

  int32(value: number, what: string): void {
    if (!Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
      throw new RangeError(`${what}: ${value} is not an int32`);
    }
    const at = this.reserve(4);
    this.view.setInt32(at, value);
  }

  int64(value: number, what: string): void {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${what}: ${value} is not a safe integer`);
    const high = Math.floor(value / TWO_POW_32);
    const at = this.reserve(8);
    this.view.setInt32(at, high);
    this.view.setUint32(at + 4, value - high * TWO_POW_32);
  }

  float64(value: number): void {
    const at = this.reserve(8);
    this.view.setFloat64(at, value);
  }

  bool(value: boolean): void {
    const at = this.reserve(1);
    this.view.setUint8(at, value ? 1 : 0);
  }

  optDate(value: number | null, what: string): void {
    if (value === null) {
      this.int32(0, what);
      return;
    }
    this.int32(1, what);
    this.int64(value, what);
  }

  bytes(data: Uint8Array): void {
    const at = this.reserve(data.byteLength);
    this.buf.set(data, at);
  }

  toBytes(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  /** Call before touching `view`/`buf`: growing replaces both. */
  private reserve(size: number): number {
    if (this.pos + size > this.buf.byteLength) {
      const grown = new Uint8Array(Math.max(this.buf.byteLength * 2, this.pos + size));
      grown.set(this.buf.subarray(0, this.pos));
      this.buf = grown;
      this.view = new DataView(grown.buffer);
    }
    const at = this.pos;
    this.pos += size;
    return at;
  }
}
