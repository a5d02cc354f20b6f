import { detectStall, type Stall } from '../health/silence';
import type { SocketActivity } from './socket-hook';

export function detectPageStall(activity: SocketActivity, now: number): Stall | null {
  return detectStall(now, activity.lastInboundAt, activity.lastPingSentAt, activity.lastPongAt, activity.openedAt, activity.phase);
}
