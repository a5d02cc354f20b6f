import type { Scheduler, TimerHandle } from '../scheduler';

/** A pausable timer: keeps its handle across pause/resume. */
export interface Timer {
  readonly id: number;
}

/**
 * The engine's timers over an injected Scheduler: a commissioner pause freezes every one of them
 * with the time it had left, resume re-arms them, stop cancels them all.
 */
export class PausableTimers {
  private readonly timers = new Map<number, { dueAt: number; fn: () => void; h: TimerHandle | null; remaining: number }>();
  private nextId = 1;
  private paused = false;
  private stopped = false;

  constructor(private readonly sched: Scheduler) {}

  /** Runs `fn` after `ms` of unpaused time, unless cancelled or stopped first. */
  later(ms: number, fn: () => void): Timer {
    const id = this.nextId++;
    this.timers.set(id, { dueAt: 0, fn, h: null, remaining: ms });
    if (!this.paused) this.arm(id, ms);
    return { id };
  }

  cancel(timer: Timer | null | undefined): void {
    if (!timer) return;
    const t = this.timers.get(timer.id);
    if (t) this.sched.clearTimeout(t.h);
    this.timers.delete(timer.id);
  }

  pause(): void {
    this.paused = true;
    const now = this.sched.now();
    for (const t of this.timers.values()) {
      this.sched.clearTimeout(t.h);
      t.h = null;
      t.remaining = Math.max(0, t.dueAt - now);
    }
  }

  resume(): void {
    this.paused = false;
    for (const [id, t] of this.timers) this.arm(id, t.remaining);
  }

  /** Cancels every pending timer (a commissioner reset); unlike stop(), later timers still run. */
  cancelAll(): void {
    for (const t of this.timers.values()) this.sched.clearTimeout(t.h);
    this.timers.clear();
    this.paused = false;
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) this.sched.clearTimeout(t.h);
    this.timers.clear();
  }

  private arm(id: number, ms: number): void {
    const t = this.timers.get(id);
    if (!t) return;
    t.dueAt = this.sched.now() + ms;
    t.h = this.sched.setTimeout(() => {
      this.timers.delete(id);
      if (!this.stopped) t.fn();
    }, ms);
  }
}
