/**
 * The draft sockets of one league: who is connected, the join sequence, PING/PONG, client frames
 * handed to the engine, engine frames broadcast back, and the bookkeeping when a socket goes.
 * The HTTPS server hands it upgraded sockets; faults act on its connections.
 */
import { WebSocket, type RawData } from 'ws';
import type { DraftEngine, EngineEvent } from '../engine/draft-engine';
import { FRAME } from '../rules/frames';
import { rawDataText, type Conn, type ConnectionRecord, type SimEvents } from './connection';
import { checkJoin, joinSequence, snapshotFrames } from './join-sequence';

export interface DraftRoomOptions {
  engine: DraftEngine;
  events: SimEvents;
  /** PING → PONG delay. */
  pongDelayMs: number;
  /** ESPN drops a client whose frames lack "\n" (no valid frame) after ≈65 s; 0 = never. */
  clientIdleTimeoutMs: number;
}

export class DraftRoom {
  /** Every draft socket so far, oldest first. */
  readonly history: ConnectionRecord[] = [];
  private readonly conns = new Set<Conn>();
  private nextId = 1;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly opts: DraftRoomOptions) {}

  get size(): number {
    return this.conns.size;
  }

  /** Starts forwarding engine frames to the sockets (idempotent). */
  open(): void {
    if (!this.unsubscribe) this.unsubscribe = this.opts.engine.onEvent((e) => this.onEngineEvent(e));
  }

  /** Open sockets, all or one team's. */
  connections(teamId?: number): Conn[] {
    return [...this.conns].filter((c) => teamId === undefined || c.teamId === teamId);
  }

  /** A socket upgraded on `…/JOIN?…`: check who it is, then run the join sequence. */
  join(ws: WebSocket, url: URL, rawUrl: string): void {
    const engine = this.opts.engine;
    const teamId = Number(url.searchParams.get('3'));
    const rec: ConnectionRecord = {
      id: this.nextId++,
      teamId,
      openedAt: Date.now(),
      closedAt: null,
      closeCode: null,
      endedBy: null,
      framesIn: 0,
      framesOut: 0,
    };
    this.history.push(rec);
    const swid = url.searchParams.get('4') ?? '';
    const conn: Conn = { rec, ws, teamId, swid, stalledUntil: 0, stallTimer: null, stallBuffer: null, idleTimer: null, timers: new Set(), endedBy: null };

    const check = checkJoin(engine.league, url, rawUrl);
    if (!check.ok) return this.refuseAfterUpgrade(conn, check.message);

    // One connection per member: a second join kicks the first (protocol.md §2.2).
    for (const old of [...this.conns]) if (old.teamId === teamId) this.kick(old, 'duplicate');

    this.conns.add(conn);
    this.opts.events.emit({ type: 'connection', id: rec.id, teamId });
    ws.on('message', (data, isBinary) => this.onClientMessage(conn, data, isBinary));
    ws.on('close', (code) => this.onClose(conn, code));
    ws.on('error', () => undefined);
    this.armIdle(conn);

    engine.socketJoined(teamId);
    for (const step of joinSequence(engine, check.team)) {
      if (step.to === 'room') this.broadcast(step.frame());
      else this.send(conn, step.frame());
    }
  }

  /** `LEFT <team> <swid> 2`, then the socket is dropped without a close frame. */
  kick(conn: Conn, reason: 'duplicate' | 'kick'): void {
    conn.endedBy = reason;
    conn.rec.endedBy = reason;
    conn.stalledUntil = 0;
    const frame = FRAME.left(conn.teamId, conn.swid, 2);
    if (conn.ws.readyState !== WebSocket.OPEN) return conn.ws.terminate();
    conn.rec.framesOut++;
    this.opts.events.emit({ type: 'server-frame', id: conn.rec.id, teamId: conn.teamId, frame });
    // Let the frame reach the wire, then drop without a close frame.
    conn.ws.send(frame, () => conn.ws.terminate());
    this.conns.delete(conn);
    this.onCloseDetached(conn);
  }

  /** Sends now, unless the socket is closed or stalled (then held or lost, see faults). */
  send(conn: Conn, frame: string): void {
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    if (Date.now() < conn.stalledUntil) {
      conn.stallBuffer?.push(frame);
      return;
    }
    conn.rec.framesOut++;
    conn.ws.send(frame);
    this.opts.events.emit({ type: 'server-frame', id: conn.rec.id, teamId: conn.teamId, frame });
  }

  /** Ends every socket (server shutdown). */
  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const c of [...this.conns]) {
      c.endedBy ??= 'shutdown';
      c.rec.endedBy = c.endedBy;
      c.ws.terminate();
    }
  }

  private refuseAfterUpgrade(conn: Conn, message: string): void {
    conn.endedBy = 'auth';
    conn.rec.endedBy = 'auth';
    conn.ws.send(FRAME.error(message), () => conn.ws.close(1000));
    conn.ws.on('close', (code) => {
      conn.rec.closedAt = Date.now();
      conn.rec.closeCode = code;
    });
  }

  private onClientMessage(conn: Conn, data: RawData, isBinary: boolean): void {
    if (isBinary) return;
    const text = rawDataText(data);
    conn.rec.framesIn++;
    // ESPN only acts on newline-terminated frames; without "\n" the client times out (≈65 s).
    if (!text.endsWith('\n')) return;
    this.armIdle(conn);
    for (const line of text.split('\n')) {
      if (!line) continue;
      this.opts.events.emit({ type: 'client-frame', id: conn.rec.id, teamId: conn.teamId, frame: `${line}\n` });
      if (line.startsWith('PING ')) {
        const payload = line.slice(5);
        this.after(conn, this.opts.pongDelayMs, () => this.send(conn, FRAME.pong(payload)));
        continue;
      }
      for (const reply of this.opts.engine.clientFrame(conn.teamId, line)) {
        if (reply.delayMs > 0) this.after(conn, reply.delayMs, () => this.send(conn, reply.frame));
        else this.send(conn, reply.frame);
      }
    }
  }

  private onClose(conn: Conn, code: number): void {
    if (!this.conns.delete(conn)) return;
    conn.rec.closedAt = Date.now();
    conn.rec.closeCode = code;
    conn.rec.endedBy = conn.endedBy;
    clearConnTimers(conn);
    this.opts.engine.socketLeft(conn.teamId);
    if (!this.connections(conn.teamId).length && conn.endedBy !== 'duplicate' && conn.endedBy !== 'shutdown') {
      this.broadcast(FRAME.left(conn.teamId, conn.swid, 1));
    }
    this.opts.events.emit({ type: 'disconnect', id: conn.rec.id, teamId: conn.teamId, code, endedBy: conn.endedBy });
  }

  /** Bookkeeping for a socket removed from the room before its TCP close arrives. */
  private onCloseDetached(conn: Conn): void {
    this.opts.engine.socketLeft(conn.teamId);
    clearConnTimers(conn);
    conn.ws.once('close', (code) => {
      conn.rec.closedAt = Date.now();
      conn.rec.closeCode = code;
      conn.rec.endedBy = conn.endedBy;
      this.opts.events.emit({ type: 'disconnect', id: conn.rec.id, teamId: conn.teamId, code, endedBy: conn.endedBy });
    });
  }

  private armIdle(conn: Conn): void {
    if (conn.idleTimer) clearTimeout(conn.idleTimer);
    if (this.opts.clientIdleTimeoutMs <= 0) return;
    conn.idleTimer = setTimeout(() => {
      conn.endedBy = 'idle';
      conn.rec.endedBy = 'idle';
      conn.ws.terminate();
    }, this.opts.clientIdleTimeoutMs);
  }

  private after(conn: Conn, ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      conn.timers.delete(t);
      fn();
    }, ms);
    conn.timers.add(t);
  }

  private onEngineEvent(e: EngineEvent): void {
    if (e.type === 'frame') this.broadcast(e.frame);
    else if (e.type === 'autosuggest') for (const c of this.conns) this.send(c, FRAME.autosuggest(this.opts.engine.autosuggest(c.teamId)));
    else if (e.type === 'team-frame') {
      for (const c of this.conns) if (c.teamId === e.teamId) this.send(c, e.frame);
    } else if (e.type === 'snapshot') {
      for (const c of this.conns) for (const frame of snapshotFrames(this.opts.engine, c.teamId)) this.send(c, frame);
    }
  }

  private broadcast(frame: string): void {
    for (const c of this.conns) this.send(c, frame);
  }
}

function clearConnTimers(conn: Conn): void {
  if (conn.idleTimer) clearTimeout(conn.idleTimer);
  if (conn.stallTimer) clearTimeout(conn.stallTimer);
  for (const t of conn.timers) clearTimeout(t);
}
