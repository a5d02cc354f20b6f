/**
 * The simulator's transport: one HTTPS server answering for every ESPN host (routed by Host).
 * It owns TLS, HTTP routing and WebSocket upgrades, and hands everything else on:
 * REST to `rest.ts`, the draft page to `page-route.ts`, the decoy socket to `decoy-socket.ts`,
 * draft sockets to `../socket/draft-room.ts`; faults come from `../faults/faults.ts`.
 *
 * How to extend it:
 * - a REST route: add it to `EspnApi.handle` in rest.ts (pure request → response, unit-tested
 *   in tests/unit/sim/rest.test.ts);
 * - a page route or page file: `page-route.ts`;
 * - a frame type: its text in `../rules/frames.ts`, sent by the engine (`emitFrame`) if it is
 *   a broadcast of the draft, or by `../socket/join-sequence.ts` if it belongs to the join;
 * - a fault: `../faults/faults.ts` (socket-level) or a check in `onUpgrade` below (upgrade-level);
 * - another ESPN host: `SIM_HOSTS` in certs.ts (the certificate covers it), then a branch here.
 */
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { DraftEngine } from '../engine/draft-engine';
import type { Faults } from '../faults/faults';
import { SimEvents, type ConnectionRecord, type SimEvent } from '../socket/connection';
import type { DraftRoom } from '../socket/draft-room';
import { SIM_HOSTS, type SimCertificate } from './certs';
import { serveDecoySocket } from './decoy-socket';
import { servePage, type PageCookies } from './page-route';
import { LeagueSite, leagueOfApiPath, siteFor, siteForGame } from './league-site';
import type { EspnApi } from './rest';

export type { DropCode, FaultTarget, Faults } from '../faults/faults';
export type { ConnectionRecord, SimEvent } from '../socket/connection';

export interface ServerOptions {
  engine: DraftEngine;
  /**
   * Further leagues served at the same time, routed by league id (and season where the request
   * names one); `engine` is the first. Each has its own sockets, REST answers and faults.
   */
  moreEngines?: DraftEngine[];
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
  pageCookies: PageCookies;
  decoyAccessToken: string;
  log: (msg: string) => void;
}

const LEAGUE_INVALID = 'LeagueId was either missing or invalid';

export class SimServer {
  readonly faults: Faults;
  private readonly server: https.Server;
  private readonly draftWss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private readonly decoyWss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private readonly events = new SimEvents();
  /** One per league; the first is `opts.engine`'s, whose events, faults and history the server reports. */
  readonly sites: LeagueSite[];
  private readonly room: DraftRoom;
  private readonly api: EspnApi;
  private readonly sockets = new Set<Duplex>();
  private boundPort = 0;

  constructor(private readonly opts: ServerOptions) {
    const site = (engine: DraftEngine, events: SimEvents): LeagueSite =>
      new LeagueSite({ engine, events, pongDelayMs: opts.pongDelayMs, clientIdleTimeoutMs: opts.clientIdleTimeoutMs });
    this.sites = [site(opts.engine, this.events), ...(opts.moreEngines ?? []).map((engine) => site(engine, new SimEvents()))];
    const first = this.sites[0]!;
    this.api = first.api;
    this.room = first.room;
    this.faults = first.faults;
    this.server = https.createServer({ key: opts.cert.key, cert: opts.cert.cert }, (req, res) => this.onRequest(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
    this.server.on('clientError', (_err, socket) => socket.destroy());
    this.decoyWss.on('connection', (ws) => {
      for (const site of this.sites) site.events.emit({ type: 'decoy-connection' });
      serveDecoySocket(ws, opts.decoyAccessToken);
    });
  }

  get port(): number {
    return this.boundPort;
  }

  /** Every draft socket so far, oldest first. */
  get history(): ConnectionRecord[] {
    return this.room.history;
  }

  /** Open draft sockets. */
  get connectionCount(): number {
    return this.room.size;
  }

  on(fn: (e: SimEvent) => void): () => void {
    return this.events.on(fn);
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
        for (const s of this.sites) s.room.open();
        resolve(this.boundPort);
      };
      this.server.once('error', onError);
      this.server.once('listening', onListening);
      this.server.listen(port, this.opts.host);
    });
  }

  async close(): Promise<void> {
    for (const s of this.sites) s.room.close();
    for (const ws of this.decoyWss.clients) ws.terminate();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const s of this.sockets) s.destroy();
      this.server.closeAllConnections?.();
    });
    this.draftWss.close();
    this.decoyWss.close();
  }

  // ------------------------------------------------------------------ HTTP

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const host = hostOf(req);
    const url = req.url ?? '/';
    try {
      if (host === SIM_HOSTS.api) {
        const named = leagueOfApiPath(url.split('?')[0]!);
        const site = named.leagueId === null ? siteForGame(this.sites, named.game) : siteFor(this.sites, named.leagueId, named.seasonId);
        const api = site?.api ?? this.api;
        const out = api.handle({ method: req.method ?? 'GET', url, headers: req.headers });
        res.writeHead(out.status, out.headers);
        res.end(out.body);
        return;
      }
      if (host === SIM_HOSTS.page) {
        const query = new URL(url, `https://${host}`).searchParams;
        const named = siteFor(this.sites, numberOrNull(query.get('leagueId')), numberOrNull(query.get('seasonId')));
        const out = servePage((named?.engine ?? this.opts.engine).league, this.opts.pageCookies, url, req.headers);
        res.writeHead(out.status, out.headers);
        res.end(out.body);
        return;
      }
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
    const site = siteFor(this.sites, Number(m[2]), null) ?? this.sites[0]!;
    const league = site.engine.league;
    const refuse = (status: number, reason: string): void => {
      site.events.emit({ type: 'upgrade-refused', status, reason });
      rejectUpgrade(socket, status, reason);
    };
    if (site.faults.refusingUpgrades) return refuse(500, LEAGUE_INVALID);
    if (this.opts.requireBrowserUserAgent && !/Mozilla\/5\.0/.test(String(req.headers['user-agent'] ?? ''))) return refuse(403, 'Forbidden');
    if (Number(m[1]) !== league.gameId || Number(m[2]) !== league.leagueId || url.searchParams.get('2') !== String(league.leagueId)) {
      return refuse(500, LEAGUE_INVALID);
    }
    this.draftWss.handleUpgrade(req, socket, head, (ws) => site.room.join(ws, url, rawUrl));
  }
}

function numberOrNull(text: string | null): number | null {
  return text !== null && /^\d+$/.test(text) ? Number(text) : null;
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
