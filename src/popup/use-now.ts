import { useEffect, useState } from 'preact/hooks';

/**
 * The popup's own clock, for ages and countdowns that tick between worker updates. It only
 * redraws; it never asks the worker anything.
 */
export function useNow(intervalMs = 1000, clock: () => number = Date.now): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, clock]);
  return now;
}
