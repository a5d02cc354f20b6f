/**
 * Node-side helpers for talking to a running simulator without a browser: a draft-socket client
 * that records frames, and an HTTPS GET that sets SNI/Host like a browser would.
 */
import https from 'node:https';
import { WebSocket, type ClientOptions } from 'ws';
import type { Simulator } from './index';
import { rawDataText } from './socket/connection';

export interface SocketClientOptions {
  teamId?: number;
  /** Override the SWID (param 4). */
  swid?: string;
  /** Override the whole token (param 5). */
  token?: string;
  leagueId?: number;
  userAgent?: string;
}

export interface FrameRecord {
  at: number;
  frame: string;
}

/** A draft socket from Node, recording every server frame (text, "\n" included). */
export class SimSocketClient {
  readonly frames: FrameRecord[] = [];
  readonly ws: WebSocket;
  closeCode: number | null = null;
  /** Set when the upgrade was refused (HTTP status and body). */
  refused: { status: number; body: string } | null = null;
  private readonly waiters = new Set<() => void>();
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;

  constructor(sim: Simulator, opts: SocketClientOptions = {}) {
    const league = sim.league;
    const teamId = opts.teamId ?? league.myTeamId;
    const team = league.teams.find((t) => t.teamId === teamId);
    const leagueId = opts.leagueId ?? league.leagueId;
    const swid = opts.swid ?? team?.memberSwid ?? '{00000000-0000-4000-8000-000000000000}';
    const token = opts.token ?? `1:${leagueId}:${teamId}:${swid}:${team?.securityCode ?? 0}`;
    const nocache = 100000 + Math.floor(Math.random() * 900000);
    const path = `/game-1/league-${leagueId}/JOIN?1=1&2=${leagueId}&3=${teamId}&4=${swid}&5=${token}&6=false&7=false&8=KONA&nocache=${nocache}`;
    // servername (SNI) is passed through to tls.connect; ws's types do not list it.
    const options: ClientOptions & { servername: string } = {
      rejectUnauthorized: false,
      servername: 'fantasydraft.espn.com',
      headers: {
        Host: 'fantasydraft.espn.com',
        Origin: 'https://fantasy.espn.com',
        'User-Agent': opts.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
      },
      perMessageDeflate: false,
    };
    this.ws = new WebSocket(`wss://127.0.0.1:${sim.port}${path}`, options);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
      this.ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          this.refused = { status: res.statusCode ?? 0, body };
          reject(new Error(`upgrade refused: ${res.statusCode} ${body}`));
          this.notify();
        });
      });
    });
    this.opened.catch(() => undefined);
    this.closed = new Promise((resolve) => {
      this.ws.once('close', (code) => {
        this.closeCode = code;
        this.notify();
        resolve(code);
      });
    });
    this.ws.on('error', () => undefined);
    this.ws.on('message', (data) => {
      this.frames.push({ at: Date.now(), frame: rawDataText(data) });
      this.notify();
    });
  }

  /** Frame texts so far (with their "\n"). */
  get texts(): string[] {
    return this.frames.map((f) => f.frame);
  }

  /** Frames whose command (first word) is `command`. */
  commands(command: string): string[] {
    return this.texts.filter((f) => f.startsWith(`${command} `) || f === `${command}\n`);
  }

  send(frame: string): void {
    this.ws.send(frame);
  }

  /** Resolves with the first recorded frame (from index `from`) matching `pred`. */
  waitForFrame(pred: (frame: string) => boolean, opts: { from?: number; timeoutMs?: number } = {}): Promise<string> {
    const from = opts.from ?? 0;
    return this.waitUntil(() => this.texts.slice(from).find(pred) ?? null, opts.timeoutMs ?? 10_000, 'frame');
  }

  /** Resolves when `check()` returns a non-null value (re-checked on every frame/close). */
  waitUntil<T>(check: () => T | null | undefined, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const tryNow = (): boolean => {
        const v = check();
        if (v !== null && v !== undefined) {
          cleanup();
          resolve(v);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last frames: ${JSON.stringify(this.texts.slice(-8))}`));
      }, timeoutMs);
      const waiter = (): void => void tryNow();
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
      tryNow();
    });
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }
}

export interface SimResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET/OPTIONS an https://<espn host>/… URL on the simulator (SNI and Host set from the URL). */
export function simRequest(
  sim: Pick<Simulator, 'port'>,
  url: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<SimResponse> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: sim.port,
        servername: u.hostname,
        path: u.pathname + u.search,
        method: init.method ?? 'GET',
        headers: { Host: u.hostname, ...(init.headers ?? {}) },
        rejectUnauthorized: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
