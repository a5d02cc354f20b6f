import type { RawData, WebSocket } from 'ws';

/** Why the server ended a draft socket, if it did. */
export type EndedBy = 'drop' | 'kick' | 'duplicate' | 'idle' | 'auth' | 'shutdown';

/** One draft socket as tests see it afterwards (`sim.connectionHistory`). */
export interface ConnectionRecord {
  id: number;
  teamId: number;
  openedAt: number;
  closedAt: number | null;
  /** Close code seen by the server (1006 when the TCP connection just died). */
  closeCode: number | null;
  /** Why the server ended it, if it did: 'drop', 'kick', 'duplicate', 'idle', 'auth', 'shutdown'. */
  endedBy: string | null;
  framesIn: number;
  framesOut: number;
}

/** Socket-level events (`sim.on`): connections, frames both ways, refusals. */
export type SimEvent =
  | { type: 'connection'; id: number; teamId: number }
  | { type: 'disconnect'; id: number; teamId: number; code: number; endedBy: string | null }
  | { type: 'client-frame'; id: number; teamId: number; frame: string }
  | { type: 'server-frame'; id: number; teamId: number; frame: string }
  | { type: 'upgrade-refused'; status: number; reason: string }
  | { type: 'decoy-connection' };

/** A live draft socket in the room, with the state faults act on. */
export interface Conn {
  rec: ConnectionRecord;
  ws: WebSocket;
  teamId: number;
  swid: string;
  /** A stall fault holds every frame until this time (epoch ms); 0 = not stalled. */
  stalledUntil: number;
  stallTimer: NodeJS.Timeout | null;
  /** Frames held by a buffered stall, delivered when it ends; null = a stall loses them. */
  stallBuffer: string[] | null;
  idleTimer: NodeJS.Timeout | null;
  /** Delayed sends (PONG, replies) cancelled when the socket goes. */
  timers: Set<NodeJS.Timeout>;
  endedBy: EndedBy | null;
}

/** A listener set: the server, the room and the faults share one for `sim.on`. */
export class SimEvents {
  private readonly listeners = new Set<(e: SimEvent) => void>();

  on(fn: (e: SimEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(e: SimEvent): void {
    for (const fn of this.listeners) fn(e);
  }
}

/** A text frame's payload as a string, whichever shape `ws` delivered it in. */
export function rawDataText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
