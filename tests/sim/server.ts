/**
 * The simulator's transport: one HTTPS server answering for every ESPN host (routed by Host),
 * with the draft WebSocket, the decoy bamgrid socket, REST and the draft page. Fault injection
 * lives here because faults are about sockets, not about the draft.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { SIM_HOSTS, type SimCertificate } from './certs';
import type { DraftEngine, EngineEvent } from './engine/draft-engine';
import { initFrameFor } from './init-frame';
import { joinToken } from './league';
import { EspnApi, parseCookies } from './rest';

export type DropCode = 1006 | 1000 | 1001 | 1011;

export interface FaultTarget {
  /** Only sockets of this team; default every draft socket. */
  teamId?: number;
}

export interface Faults {
  /**
   * Closes draft sockets now. 1006: the TCP connection is destroyed without a close frame (the
   * browser reports 1006); other codes: a normal close frame with that code. Returns how many.
   */
  drop(code?: DropCode, target?: FaultTarget): number;
  /**
   * The sockets stay open but the server sends them nothing (no frames, no PONGs) for `ms`, or
   * until they close. Frames sent meanwhile are lost, unless `buffer` (then delivered late, like
   * a TCP stall). Picks go on. Returns how many sockets stalled.
   */
  stall(ms: number, target?: FaultTarget & { buffer?: boolean }): number;
  /** Upgrades to the draft socket get HTTP 500 "LeagueId was either missing or invalid" for `ms`. */
  refuseUpgrades(ms: number): void;
  /** `LEFT <team> <swid> 2` to the team's current socket(s), then destroy without a close frame. */
  kickDuplicate(teamId?: number): number;
  /** Ends every stall and upgrade refusal now. */
  clear(): void;
  readonly refusingUpgrades: boolean;
}

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

export type SimEvent =
  | { type: 'connection'; id: number; teamId: number }
  | { type: 'disconnect'; id: number; teamId: number; code: number; endedBy: string | null }
  | { type: 'client-frame'; id: number; teamId: number; frame: string }
  | { type: 'server-frame'; id: number; teamId: number; frame: string }
  | { type: 'upgrade-refused'; status: number; reason: string }
  | { type: 'decoy-connection' };

export interface ServerOptions {
  engine: DraftEngine;
  cert: SimCertificate;
  host: string;
  /** 0 = ephemeral. */
  port: number;
  pongDelayMs: number;
  /** ESPN drops a client whose frames lack "\n" (no valid frame) after ≈65 s. */
  clientIdleTimeoutMs: number;
  /** Reject upgrades whose User-Agent is not a browser's (ESPN answers 403). */
  requireBrowserUserAgent: boolean;
  /** When the draft page sets the SWID / espn_s2 cookies. */
  pageCookies: 'always' | 'private-only' | 'never';
  decoyAccessToken: string;
  log: (msg: string) => void;
}

interface Conn {
  rec: ConnectionRecord;
  ws: WebSocket;
  teamId: number;
  swid: string;
  stalledUntil: number;
  stallTimer: NodeJS.Timeout | null;
  stallBuffer: string[] | null;
  idleTimer: NodeJS.Timeout | null;
  timers: Set<NodeJS.Timeout>;
  endedBy: string | null;
}

const PAGE_HTML = readFileSync(new URL('./page/draft.html', import.meta.url), 'utf8');
const PAGE_JS = readFileSync(new URL('./page/draft-client.js', import.meta.url), 'utf8');

export class SimServer {
  readonly history: ConnectionRecord[] = [];
  readonly faults: Faults;
  private readonly server: https.Server;
  private readonly draftWss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private readonly decoyWss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private readonly conns = new Set<Conn>();
  private readonly api: EspnApi;
  private readonly listeners = new Set<(e: SimEvent) => void>();
  private readonly sockets = new Set<Duplex>();
  private refuseUntil = 0;
  private nextId = 1;
  private boundPort = 0;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly opts: ServerOptions) {
    this.api = new EspnApi(opts.engine);
    this.server = https.createServer({ key: opts.cert.key, cert: opts.cert.cert }, (req, res) => this.onRequest(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
    this.server.on('clientError', (_err, socket) => socket.destroy());
    this.decoyWss.on('connection', (ws) => this.onDecoy(ws));
    this.faults = this.makeFaults();
  }

  get port(): number {
    return this.boundPort;
  }

  /** Open draft sockets. */
  get connectionCount(): number {
    return this.conns.size;
  }

  on(fn: (e: SimEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => {
        this.server.off('listening', onListening);
        reject(err);
      };
      const onListening = (): void => {
        this.server.off('error', onError);
        const addr = this.server.address();
        this.boundPort = typeof addr === 'object' && addr ? addr.port : port;
        if (!this.unsubscribe) this.unsubscribe = this.opts.engine.onEvent((e) => this.onEngineEvent(e));
        resolve(this.boundPort);
      };
      this.server.once('error', onError);
      this.server.once('listening', onListening);
      this.server.listen(port, this.opts.host);
    });
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const c of [...this.conns]) {
      c.endedBy ??= 'shutdown';
      c.rec.endedBy = c.endedBy;
      c.ws.terminate();
    }
    for (const ws of this.decoyWss.clients) ws.terminate();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const s of this.sockets) s.destroy();
      this.server.closeAllConnections?.();
    });
    this.draftWss.close();
    this.decoyWss.close();
  }

  private emit(e: SimEvent): void {
    for (const fn of this.listeners) fn(e);
  }

  // ------------------------------------------------------------------ HTTP

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const host = hostOf(req);
    const url = req.url ?? '/';
    try {
      if (host === SIM_HOSTS.api) {
        const out = this.api.handle({ method: req.method ?? 'GET', url, headers: req.headers });
        res.writeHead(out.status, out.headers);
        res.end(out.body);
        return;
      }
      if (host === SIM_HOSTS.page) return this.onPage(req, res, url);
      if (host === SIM_HOSTS.socket) {
        // The post-draft long-poll (protocol.md §2.4) and anything else: not simulated.
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not Found');
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`simulator: no such host ${host}`);
    } catch (err) {
      this.opts.log(`request ${host}${url} failed: ${String(err)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal Server Error');
    }
  }

  private onPage(req: IncomingMessage, res: ServerResponse, rawUrl: string): void {
    const url = new URL(rawUrl, `https://${SIM_HOSTS.page}`);
    if (url.pathname === '/__sim/draft-client.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(PAGE_JS);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (url.pathname === '/football/draft') {
      const league = this.opts.engine.league;
      const p = url.searchParams;
      const headers: Record<string, string | string[]> = {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        // ESPN's draft page only sets frame-ancestors (protocol.md §1).
        'content-security-policy': "frame-ancestors 'self' *.espn.com",
      };
      if (!p.get('leagueId') || !p.get('seasonId') || !p.get('teamId') || !p.get('memberId')) {
        res.writeHead(404, headers);
        res.end('<!doctype html><title>Page not found</title><h1>Page not found</h1>');
        return;
      }
      const swid = p.get('memberId');
      const member = league.teams.find((t) => t.memberSwid !== null && t.memberSwid === swid);
      const wantCookies = this.opts.pageCookies === 'always' || (this.opts.pageCookies === 'private-only' && league.privateLeague);
      const cookies = parseCookies(req.headers.cookie);
      if (member && wantCookies && (cookies.get('SWID') !== member.memberSwid || cookies.get('espn_s2') !== league.espnS2)) {
        const attrs = 'Domain=.espn.com; Path=/; Secure; SameSite=None; Max-Age=31536000';
        headers['set-cookie'] = [`SWID=${member.memberSwid}; ${attrs}`, `espn_s2=${league.espnS2}; ${attrs}`];
      }
      res.writeHead(200, headers);
      res.end(PAGE_HTML);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Page not found</title><h1>Page not found</h1>');
  }

  // ------------------------------------------------------------------ upgrades

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const host = hostOf(req);
    const rawUrl = req.url ?? '/';
    if (host === SIM_HOSTS.decoy) {
      this.decoyWss.handleUpgrade(req, socket, head, (ws) => this.decoyWss.emit('connection', ws, req));
      return;
    }
    if (host !== SIM_HOSTS.socket) return rejectUpgrade(socket, 404, 'Not Found');
    const url = new URL(rawUrl, `https://${host}`);
    const m = /^\/game-(\d+)\/league-(\d+)\/JOIN$/.exec(url.pathname);
    if (!m) return rejectUpgrade(socket, 404, 'Not Found');
    const league = this.opts.engine.league;
    const refuse = (status: number, reason: string): void => {
      this.emit({ type: 'upgrade-refused', status, reason });
      rejectUpgrade(socket, status, reason);
    };
    if (Date.now() < this.refuseUntil) return refuse(500, 'LeagueId was either missing or invalid');
    if (this.opts.requireBrowserUserAgent && !/Mozilla\/5\.0/.test(String(req.headers['user-agent'] ?? ''))) return refuse(403, 'Forbidden');
    if (Number(m[1]) !== league.gameId || Number(m[2]) !== league.leagueId || url.searchParams.get('2') !== String(league.leagueId)) {
      return refuse(500, 'LeagueId was either missing or invalid');
    }
    this.draftWss.handleUpgrade(req, socket, head, (ws) => this.onDraftSocket(ws, url, rawUrl));
  }

  private onDraftSocket(ws: WebSocket, url: URL, rawUrl: string): void {
    const engine = this.opts.engine;
    const league = engine.league;
    const teamId = Number(url.searchParams.get('3'));
    const swid = url.searchParams.get('4') ?? '';
    const token = url.searchParams.get('5') ?? '';
    const team = league.teams.find((t) => t.teamId === teamId);
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
    const conn: Conn = { rec, ws, teamId, swid, stalledUntil: 0, stallTimer: null, stallBuffer: null, idleTimer: null, timers: new Set(), endedBy: null };

    const refuseAfterUpgrade = (message: string): void => {
      conn.endedBy = 'auth';
      rec.endedBy = 'auth';
      ws.send(`ERROR 1 ${message}\n`, () => ws.close(1000));
      ws.on('close', (code) => {
        rec.closedAt = Date.now();
        rec.closeCode = code;
      });
    };
    const rawToken = /[?&]5=([^&]*)/.exec(rawUrl)?.[1] ?? '';
    if (!team?.memberSwid || /%3A/i.test(rawToken)) {
      return refuseAfterUpgrade(`No+team+with+ID+${encodeURIComponent(String(url.searchParams.get('3')))}+found.`);
    }
    if (swid !== team.memberSwid || token !== joinToken(league, teamId)) {
      return refuseAfterUpgrade('Invalid+security+code%3B+access+is+refused.');
    }

    // One connection per member: a second join kicks the first (protocol.md §2.2).
    for (const old of [...this.conns]) if (old.teamId === teamId) this.kick(old, 'duplicate');

    this.conns.add(conn);
    this.emit({ type: 'connection', id: rec.id, teamId });
    ws.on('message', (data, isBinary) => this.onClientMessage(conn, data, isBinary));
    ws.on('close', (code) => this.onClose(conn, code));
    ws.on('error', () => undefined);
    this.armIdle(conn);

    // Join sequence (protocol.md §3.5).
    engine.socketJoined(teamId);
    this.broadcast(`AUTODRAFT ${teamId} false\n`);
    this.send(conn, initFrameFor(engine, teamId));
    this.send(conn, `TOKEN ${joinToken(league, teamId)}\n`);
    this.send(conn, engine.clockFrame());
    this.send(conn, `AUTOSUGGEST ${engine.autosuggest(teamId)}\n`);
    this.broadcast(`JOINED ${teamId} ${team.memberSwid}\n`);
  }

  private onClientMessage(conn: Conn, data: RawData, isBinary: boolean): void {
    if (isBinary) return;
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
    conn.rec.framesIn++;
    // ESPN only acts on newline-terminated frames; without "\n" the client times out (≈65 s).
    if (!text.endsWith('\n')) return;
    this.armIdle(conn);
    for (const line of text.split('\n')) {
      if (!line) continue;
      this.emit({ type: 'client-frame', id: conn.rec.id, teamId: conn.teamId, frame: `${line}\n` });
      if (line.startsWith('PING ')) {
        const payload = line.slice(5);
        this.after(conn, this.opts.pongDelayMs, () => this.send(conn, `PONG ${payload}\n`));
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
    if (conn.idleTimer) clearTimeout(conn.idleTimer);
    if (conn.stallTimer) clearTimeout(conn.stallTimer);
    for (const t of conn.timers) clearTimeout(t);
    const engine = this.opts.engine;
    engine.socketLeft(conn.teamId);
    if (![...this.conns].some((c) => c.teamId === conn.teamId) && conn.endedBy !== 'duplicate' && conn.endedBy !== 'shutdown') {
      this.broadcast(`LEFT ${conn.teamId} ${conn.swid} 1\n`);
    }
    this.emit({ type: 'disconnect', id: conn.rec.id, teamId: conn.teamId, code, endedBy: conn.endedBy });
  }

  private armIdle(conn: Conn): void {
    if (conn.idleTimer) clearTimeout(conn.idleTimer);
    if (this.opts.clientIdleTimeoutMs <= 0) return;
    conn.idleTimer = setTimeout(() => {
      conn.endedBy = conn.rec.endedBy = 'idle';
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

  // ------------------------------------------------------------------ sending

  private onEngineEvent(e: EngineEvent): void {
    if (e.type === 'frame') this.broadcast(e.frame);
    else if (e.type === 'autosuggest') for (const c of this.conns) this.send(c, `AUTOSUGGEST ${this.opts.engine.autosuggest(c.teamId)}\n`);
  }

  private broadcast(frame: string): void {
    for (const c of this.conns) this.send(c, frame);
  }

  private send(conn: Conn, frame: string): void {
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    if (Date.now() < conn.stalledUntil) {
      conn.stallBuffer?.push(frame);
      return;
    }
    conn.rec.framesOut++;
    conn.ws.send(frame);
    this.emit({ type: 'server-frame', id: conn.rec.id, teamId: conn.teamId, frame });
  }

  private kick(conn: Conn, reason: 'duplicate' | 'kick'): void {
    conn.endedBy = conn.rec.endedBy = reason;
    conn.stalledUntil = 0;
    const frame = `LEFT ${conn.teamId} ${conn.swid} 2\n`;
    if (conn.ws.readyState !== WebSocket.OPEN) return conn.ws.terminate();
    conn.rec.framesOut++;
    this.emit({ type: 'server-frame', id: conn.rec.id, teamId: conn.teamId, frame });
    // Let the frame reach the wire, then drop without a close frame.
    conn.ws.send(frame, () => conn.ws.terminate());
    this.conns.delete(conn);
    this.onCloseDetached(conn);
  }

  /** Bookkeeping for a socket removed from the room before its TCP close arrives. */
  private onCloseDetached(conn: Conn): void {
    this.opts.engine.socketLeft(conn.teamId);
    if (conn.idleTimer) clearTimeout(conn.idleTimer);
    if (conn.stallTimer) clearTimeout(conn.stallTimer);
    for (const t of conn.timers) clearTimeout(t);
    conn.ws.once('close', (code) => {
      conn.rec.closedAt = Date.now();
      conn.rec.closeCode = code;
      conn.rec.endedBy = conn.endedBy;
      this.emit({ type: 'disconnect', id: conn.rec.id, teamId: conn.teamId, code, endedBy: conn.endedBy });
    });
  }

  // ------------------------------------------------------------------ faults

  private targets(target?: FaultTarget): Conn[] {
    return [...this.conns].filter((c) => target?.teamId === undefined || c.teamId === target.teamId);
  }

  private makeFaults(): Faults {
    const self = this;
    return {
      drop(code: DropCode = 1006, target?: FaultTarget): number {
        const list = self.targets(target);
        for (const c of list) {
          c.endedBy = c.rec.endedBy = 'drop';
          if (code === 1006) c.ws.terminate();
          else c.ws.close(code, 'simulated drop');
        }
        return list.length;
      },
      stall(ms: number, target?: FaultTarget & { buffer?: boolean }): number {
        const list = self.targets(target);
        for (const c of list) {
          c.stalledUntil = Date.now() + ms;
          c.stallBuffer = target?.buffer ? (c.stallBuffer ?? []) : null;
          if (c.stallTimer) clearTimeout(c.stallTimer);
          c.stallTimer = setTimeout(() => self.endStall(c), ms);
        }
        return list.length;
      },
      refuseUpgrades(ms: number): void {
        self.refuseUntil = Date.now() + ms;
      },
      kickDuplicate(teamId?: number): number {
        const t = teamId ?? self.opts.engine.league.myTeamId;
        const list = self.targets({ teamId: t });
        for (const c of list) self.kick(c, 'kick');
        return list.length;
      },
      clear(): void {
        self.refuseUntil = 0;
        for (const c of self.conns) self.endStall(c);
      },
      get refusingUpgrades(): boolean {
        return Date.now() < self.refuseUntil;
      },
    };
  }

  private endStall(c: Conn): void {
    if (c.stallTimer) clearTimeout(c.stallTimer);
    c.stallTimer = null;
    c.stalledUntil = 0;
    const buffered = c.stallBuffer;
    c.stallBuffer = null;
    for (const f of buffered ?? []) this.send(c, f);
  }

  // ------------------------------------------------------------------ decoy

  private onDecoy(ws: WebSocket): void {
    this.emit({ type: 'decoy-connection' });
    ws.on('error', () => undefined);
    ws.send(
      JSON.stringify({
        id: randomBytes(8).toString('hex'),
        type: 'urn:bamtech:socket:connection:connected',
        data: { accessToken: this.opts.decoyAccessToken, sessionId: randomBytes(12).toString('hex'), expiresIn: 14400 },
      }),
    );
    ws.on('message', () => {
      ws.send(JSON.stringify({ type: 'urn:bamtech:dust:ack', data: { accessToken: this.opts.decoyAccessToken, received: true } }));
    });
  }
}

function hostOf(req: IncomingMessage): string {
  return String(req.headers.host ?? '')
    .replace(/:\d+$/, '')
    .toLowerCase();
}

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  const text = status === 500 ? 'Internal Server Error' : status === 403 ? 'Forbidden' : 'Not Found';
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(reason)}\r\nConnection: close\r\n\r\n${reason}`,
  );
}
