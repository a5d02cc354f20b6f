import type { Direction } from './events';

/** One draft-socket frame as the shell saw it, kept briefly for a bug-report capture. */
export interface RecentFrame {
  /** Epoch ms when it was seen (injected clock). */
  at: number;
  direction: Direction;
  /** The frame text as relayed (the page hook has already redacted TOKEN frames). */
  text: string;
}

/** Enough frames for a few minutes of a live draft (a CLOCK every 5 s, a pick every ~30 s). */
export const RECENT_FRAME_LIMIT = 400;

/**
 * The most frame text kept per draft, in bytes counted as 2 per UTF-16 code unit (what a JS
 * engine may hold). A frame may be up to 1 MiB, so 400 of them could otherwise pin 400 MiB; 4 MiB
 * still holds minutes of ordinary frames (CLOCK and pick frames are tens of bytes, INIT tens of KB).
 */
export const RECENT_FRAME_BYTE_LIMIT = 4 * 1024 * 1024;

/** The bytes a frame's text is counted as (2 per UTF-16 code unit). */
export function recentFrameBytes(frame: RecentFrame): number {
  return frame.text.length * 2;
}

/**
 * A bounded list of the newest frames, oldest dropped first once it holds `frameLimit` frames or
 * more than `byteLimit` bytes of text. A ring: adding a frame never copies the list (the worker
 * adds one per frame, thousands a second in a burst). The newest frame is always kept, even if it
 * alone exceeds `byteLimit` (a single frame is bounded by validation). The list holds member ids
 * (SWIDs), so the shell keeps it in memory only, never in storage; anonymizedCapture removes them
 * when the user exports it.
 */
export class RecentFrameRing {
  private readonly slots: (RecentFrame | undefined)[];
  /** Index of the oldest frame in `slots`. */
  private head = 0;
  private count = 0;
  private textBytes = 0;

  constructor(
    private readonly frameLimit = RECENT_FRAME_LIMIT,
    private readonly byteLimit = RECENT_FRAME_BYTE_LIMIT,
  ) {
    if (!Number.isInteger(frameLimit) || frameLimit < 1) throw new RangeError(`frame limit must be a positive integer, got ${frameLimit}`);
    this.slots = new Array<RecentFrame | undefined>(frameLimit);
  }

  /** Frames held now. */
  get size(): number {
    return this.count;
  }

  /** Bytes of frame text held now (2 per UTF-16 code unit). */
  get bytes(): number {
    return this.textBytes;
  }

  push(frame: RecentFrame): void {
    if (this.count === this.frameLimit) this.dropOldest();
    this.slots[(this.head + this.count) % this.frameLimit] = frame;
    this.count += 1;
    this.textBytes += recentFrameBytes(frame);
    while (this.textBytes > this.byteLimit && this.count > 1) this.dropOldest();
  }

  /** The frames, oldest first, in a fresh array (later pushes do not change it). */
  toArray(): RecentFrame[] {
    const frames: RecentFrame[] = [];
    for (let i = 0; i < this.count; i += 1) frames.push(this.slots[(this.head + i) % this.frameLimit]!);
    return frames;
  }

  /** Forgets every frame (the user cleared stored drafts). */
  clear(): void {
    this.slots.fill(undefined);
    this.head = 0;
    this.count = 0;
    this.textBytes = 0;
  }

  private dropOldest(): void {
    const oldest = this.slots[this.head]!;
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) % this.frameLimit;
    this.count -= 1;
    this.textBytes -= recentFrameBytes(oldest);
  }
}
