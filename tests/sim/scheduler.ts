/**
 * Time source for the draft engine. The real one wraps Node timers; the virtual one lets unit
 * tests run a whole draft instantly and deterministically.
 */
export interface TimerHandle {
  readonly id: number;
}

export interface Scheduler {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | null | undefined): void;
}

export class RealScheduler implements Scheduler {
  private nextId = 1;
  private readonly timers = new Map<number, NodeJS.Timeout>();

  now(): number {
    return Date.now();
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    const t = setTimeout(() => {
      this.timers.delete(id);
      fn();
    }, Math.max(0, ms));
    this.timers.set(id, t);
    return { id };
  }

  clearTimeout(handle: TimerHandle | null | undefined): void {
    if (!handle) return;
    const t = this.timers.get(handle.id);
    if (t) clearTimeout(t);
    this.timers.delete(handle.id);
  }

  /** Cancels every pending timer (used on shutdown). */
  clearAll(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

/** Virtual clock: timers fire only when the test advances time. Equal-time timers run FIFO. */
export class VirtualScheduler implements Scheduler {
  private t: number;
  private seq = 0;
  private nextId = 1;
  private queue: Array<{ id: number; at: number; seq: number; fn: () => void }> = [];

  constructor(startAt = 1_700_000_000_000) {
    this.t = startAt;
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.queue.push({ id, at: this.t + Math.max(0, ms), seq: this.seq++, fn });
    return { id };
  }

  clearTimeout(handle: TimerHandle | null | undefined): void {
    if (!handle) return;
    this.queue = this.queue.filter((e) => e.id !== handle.id);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Runs timers due within `ms` from now, in time order, then sets the clock to now + ms. */
  advance(ms: number): void {
    const until = this.t + ms;
    for (;;) {
      const next = this.popDue(until);
      if (!next) break;
      this.t = next.at;
      next.fn();
    }
    this.t = until;
  }

  /** Runs timers one by one until `done()` holds; throws after `maxSteps`. */
  runUntil(done: () => boolean, maxSteps = 1_000_000): void {
    let steps = 0;
    while (!done()) {
      const next = this.popDue(Number.POSITIVE_INFINITY);
      if (!next) throw new Error('VirtualScheduler.runUntil: no timers left and the condition is still false');
      this.t = next.at;
      next.fn();
      if (++steps > maxSteps) throw new Error('VirtualScheduler.runUntil: too many steps');
    }
  }

  private popDue(until: number): { at: number; fn: () => void } | null {
    let best = -1;
    for (let i = 0; i < this.queue.length; i++) {
      const e = this.queue[i]!;
      if (e.at > until) continue;
      const b = best >= 0 ? this.queue[best]! : null;
      if (!b || e.at < b.at || (e.at === b.at && e.seq < b.seq)) best = i;
    }
    if (best < 0) return null;
    const [e] = this.queue.splice(best, 1);
    return e!;
  }
}
