import type { Scheduler, TimerHandle } from '../scheduler';

/**
 * The server's CLOCK tick: fires on a fixed grid from start() (origin + n × period), so a slow
 * tick never shifts the next one. `onTick` returns false to stop ticking.
 */
export class TickGrid {
  private count = 0;
  private origin = 0;
  private handle: TimerHandle | null = null;

  constructor(
    private readonly sched: Scheduler,
    private readonly periodMs: number,
    private readonly onTick: () => boolean,
  ) {}

  start(): void {
    this.origin = this.sched.now();
    this.next();
  }

  stop(): void {
    this.sched.clearTimeout(this.handle);
    this.handle = null;
  }

  private next(): void {
    this.count++;
    const at = this.origin + this.count * this.periodMs;
    this.handle = this.sched.setTimeout(() => {
      if (this.onTick()) this.next();
    }, Math.max(0, at - this.sched.now()));
  }
}
