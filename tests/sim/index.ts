/**
 * Simulated ESPN draft room: `startSimulator()` serves fantasy.espn.com (the draft page),
 * fantasydraft.espn.com (the draft socket), lm-api-reads.fantasy.espn.com (REST) and a decoy
 * espn.connections.edge.bamgrid.com socket from one HTTPS server on 127.0.0.1. Point Chromium at
 * it with `sim.chromiumArgs` (host-resolver-rules + --ignore-certificate-errors).
 */
import { randomBytes } from 'node:crypto';
import { generateSimCertificate } from './server/certs';
import { DraftEngine, type DraftPhase, type EngineOptions, type TruthPick } from './engine/draft-engine';
import type { LeagueInfo } from './league';
import type { SimPlayer } from './players';
import type { PageCookies } from './server/page-route';
import type { LeagueSite } from './server/league-site';
import { SimServer, type ConnectionRecord, type Faults, type SimEvent } from './server/server';

export type { DraftPhase, EngineOptions, TruthPick } from './engine/draft-engine';
export { ENGINE_DEFAULTS } from './engine/defaults';
export type { LeagueInfo, SimTeam } from './league';
export type { SimPlayer } from './players';
export type { ConnectionRecord, DropCode, FaultTarget, Faults, SimEvent } from './server/server';

/** Engine options (defaults in ENGINE_DEFAULTS, engine/defaults.ts) plus the server's (SIMULATOR_DEFAULTS). */
export interface SimulatorOptions extends Partial<EngineOptions> {
  /**
   * Port on 127.0.0.1. If the default 443 cannot be bound (EACCES for non-root, EADDRINUSE),
   * an ephemeral port is used and `hostResolverRules` carries it (`MAP *.espn.com 127.0.0.1:PORT`,
   * which Chromium honours). An explicit port that fails is an error. 0 = ephemeral.
   */
  port?: number;
  host?: string;
  /** PING → PONG delay. */
  pongDelayMs?: number;
  /** Drop a socket that sent no newline-terminated frame for this long; 0 = never. */
  clientIdleTimeoutMs?: number;
  /** ESPN answers 403 to non-browser User-Agents. */
  requireBrowserUserAgent?: boolean;
  /** When the draft page sets the SWID / espn_s2 cookies. */
  pageCookies?: PageCookies;
  /** Start the lobby countdown immediately; else call `sim.start()`. */
  autoStart?: boolean;
  log?: (msg: string) => void;
}

/** The server side's defaults; the draft's are ENGINE_DEFAULTS. */
export const SIMULATOR_DEFAULTS = {
  port: 443,
  host: '127.0.0.1',
  /** ≈ what ESPN takes to answer a PING. */
  pongDelayMs: 100,
  /** ESPN drops a client that sends no newline-terminated frame for ≈65 s. */
  clientIdleTimeoutMs: 65_000,
  /** Node test clients are welcome (ESPN itself answers 403 to them). */
  requireBrowserUserAgent: false,
  /** A logged-in user: the page always sets the cookies. */
  pageCookies: 'always' as PageCookies,
  autoStart: true,
} as const;

export interface PageUrlOptions {
  /** Default: my team. */
  teamId?: number;
  /** Extra query, e.g. { simPingMs: 1000, simReconnect: 'never', simAutoPick: 300 }. */
  query?: Record<string, string | number | boolean>;
}

export interface Simulator {
  /** https://fantasy.espn.com/football/draft?leagueId=…&seasonId=…&teamId=…&memberId=%7B…%7D (the league's sport in the path) */
  readonly draftPageUrl: string;
  draftPageUrlFor(opts?: PageUrlOptions): string;
  /** For Chromium's --host-resolver-rules (no quotes). */
  readonly hostResolverRules: string;
  /** `--host-resolver-rules=…` and `--ignore-certificate-errors`. */
  readonly chromiumArgs: string[];
  readonly port: number;
  readonly league: LeagueInfo;
  readonly players: readonly SimPlayer[];
  readonly engine: DraftEngine;
  /** The fake Disney access token the decoy socket carries; must never show up in the extension's data. */
  readonly decoyAccessToken: string;
  /** The join token's secret part for my team; must never be stored or exported. */
  readonly securityCode: number;
  /** PEM of the self-signed certificate (for Node clients that want to verify). */
  readonly certificatePem: string;
  /** Picks made so far (keepers included), in overall order. */
  truth(): TruthPick[];
  /** The picks of each draft a commissioner reset ended, oldest first (see reset()). */
  truthBeforeResets(): TruthPick[][];
  readonly state: DraftPhase;
  readonly paused: boolean;
  readonly totalPicks: number;
  whenComplete(): Promise<void>;
  whenPicks(n: number): Promise<void>;
  whenState(state: DraftPhase): Promise<void>;
  /** Open draft sockets right now. */
  readonly connections: number;
  /** Every draft socket so far, oldest first. */
  readonly connectionHistory: readonly ConnectionRecord[];
  readonly faults: Faults;
  /** Socket-level events (connections, frames both ways, refusals). */
  on(fn: (e: SimEvent) => void): () => void;
  /** Starts the lobby countdown (only needed with autoStart: false). */
  start(): void;
  pause(): void;
  resume(): void;
  /**
   * Commissioner reset: every socket gets `RESET`, the draft restarts from pick 1 after a new
   * lobby countdown, and open sockets are sent the new draft's INIT (DraftEngine.reset()).
   */
  reset(): void;
  close(): Promise<void>;
}

/** Several leagues drafting at once on one server (one port, one certificate). */
export interface LeagueGroup {
  /** One Simulator per league, in the order given; each one's `close()` closes the whole group. */
  readonly leagues: Simulator[];
  readonly port: number;
  readonly hostResolverRules: string;
  readonly chromiumArgs: string[];
  close(): Promise<void>;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  return (await startLeagues(opts, [{}])).leagues[0]!;
}

/**
 * Serves several independent leagues from one server: each entry of `leagues` is merged over
 * `opts` and gets its own engine, ground truth, sockets, REST answers and faults, routed by league
 * id (and season). They share ESPN's player universe (the first league's `playerPoolSeed`, else
 * its seed) and the user's login: a user who is a member of every league has one `espn_s2`.
 */
export async function startLeagues(opts: SimulatorOptions, leagues: Array<Partial<EngineOptions>>): Promise<LeagueGroup> {
  if (leagues.length === 0) throw new RangeError('startLeagues needs at least one league');
  const log = opts.log ?? (() => undefined);
  const first = { ...opts, ...leagues[0] };
  const playerPoolSeed = first.playerPoolSeed ?? first.seed;
  const engines = leagues.map((league) => new DraftEngine({ ...opts, ...league, playerPoolSeed }));
  const ids = engines.map((e) => `${e.league.leagueId}`);
  if (new Set(ids).size !== ids.length) throw new RangeError(`startLeagues: league ids must differ (${ids.join(', ')})`);
  // One user, one login: the first league's espn_s2 is the user's cookie in every league.
  for (const e of engines.slice(1)) e.league.espnS2 = engines[0]!.league.espnS2;
  const engine = engines[0]!;
  const cert = await generateSimCertificate();
  const decoyAccessToken = `eyJhbGciOiJSUzI1NiJ9.DECOY-DSS-ACCESS-TOKEN-${randomBytes(12).toString('hex')}.c2ln`;
  const D = SIMULATOR_DEFAULTS;
  const server = new SimServer({
    engine,
    moreEngines: engines.slice(1),
    cert,
    host: opts.host ?? D.host,
    port: opts.port ?? D.port,
    pongDelayMs: opts.pongDelayMs ?? D.pongDelayMs,
    clientIdleTimeoutMs: opts.clientIdleTimeoutMs ?? D.clientIdleTimeoutMs,
    requireBrowserUserAgent: opts.requireBrowserUserAgent ?? D.requireBrowserUserAgent,
    pageCookies: opts.pageCookies ?? D.pageCookies,
    decoyAccessToken,
    log,
  });

  let port: number;
  try {
    port = await server.listen(opts.port ?? D.port);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (opts.port !== undefined || (code !== 'EACCES' && code !== 'EADDRINUSE' && code !== 'EPERM')) throw err;
    log(`port 443 unavailable (${code}); using an ephemeral port`);
    port = await server.listen(0);
  }

  const suffix = port === 443 ? '' : `:${port}`;
  // Everything else resolves to nothing, so a test browser never reaches the real internet.
  const hostResolverRules = [
    `MAP *.espn.com 127.0.0.1${suffix}`,
    `MAP *.bamgrid.com 127.0.0.1${suffix}`,
    'MAP * ~NOTFOUND',
    'EXCLUDE localhost',
    'EXCLUDE 127.0.0.1',
  ].join(', ');
  let closed = false;
  const closeAll = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    for (const e of engines) e.stop();
    await server.close();
  };
  const chromiumArgs = [`--host-resolver-rules=${hostResolverRules}`, '--ignore-certificate-errors'];
  const simulators = server.sites.map((site) =>
    leagueSimulator(site, { port, hostResolverRules, chromiumArgs, decoyAccessToken, certificatePem: cert.cert, close: closeAll }),
  );
  if (opts.autoStart ?? D.autoStart) for (const e of engines) e.start();
  log(`simulator listening on 127.0.0.1:${port} for league${engines.length === 1 ? '' : 's'} ${ids.join(', ')}`);
  return { leagues: simulators, port, hostResolverRules, chromiumArgs, close: closeAll };
}

interface SharedServer {
  port: number;
  hostResolverRules: string;
  chromiumArgs: string[];
  decoyAccessToken: string;
  certificatePem: string;
  close(): Promise<void>;
}

/** The Simulator API for one league served by `site`. */
function leagueSimulator(site: LeagueSite, shared: SharedServer): Simulator {
  const { engine } = site;
  const league = engine.league;
  const myTeam = league.teams.find((t) => t.teamId === league.myTeamId)!;

  const draftPageUrlFor = (o: PageUrlOptions = {}): string => {
    const teamId = o.teamId ?? league.myTeamId;
    const team = league.teams.find((t) => t.teamId === teamId);
    if (!team?.memberSwid) throw new Error(`team ${teamId} has no member`);
    const u = new URL(`https://fantasy.espn.com/${league.sport}/draft`);
    u.searchParams.set('leagueId', String(league.leagueId));
    u.searchParams.set('seasonId', String(league.seasonId));
    u.searchParams.set('teamId', String(teamId));
    u.searchParams.set('memberId', team.memberSwid);
    for (const [k, v] of Object.entries(o.query ?? {})) u.searchParams.set(k, String(v));
    return u.toString();
  };

  const waitFor = (done: () => boolean): Promise<void> =>
    new Promise((resolve) => {
      if (done()) return resolve();
      const off = engine.onEvent(() => {
        if (done()) {
          off();
          resolve();
        }
      });
    });

  return {
    draftPageUrl: draftPageUrlFor(),
    draftPageUrlFor,
    hostResolverRules: shared.hostResolverRules,
    chromiumArgs: shared.chromiumArgs,
    port: shared.port,
    league,
    players: engine.players,
    engine,
    decoyAccessToken: shared.decoyAccessToken,
    securityCode: myTeam.securityCode,
    certificatePem: shared.certificatePem,
    truth: () => engine.truth(),
    truthBeforeResets: () => engine.truthBeforeResets(),
    get state() {
      return engine.phase;
    },
    get paused() {
      return engine.isPaused;
    },
    totalPicks: engine.totalPicks,
    whenComplete: () => engine.whenComplete(),
    whenPicks: (n) => waitFor(() => engine.pickCount >= Math.min(n, engine.totalPicks)),
    whenState: (state) => waitFor(() => engine.phase === state),
    get connections() {
      return site.room.size;
    },
    connectionHistory: site.room.history,
    faults: site.faults,
    on: (fn) => site.events.on(fn),
    start: () => engine.start(),
    pause: () => engine.pause(),
    resume: () => engine.resume(),
    reset: () => engine.reset(),
    close: shared.close,
  };
}
