/**
 * Standalone simulator: `npm run sim -- [options]`. Prints the draft page URL and the Chromium
 * flags that route ESPN's hosts to it, then runs until Ctrl-C (or the draft ends, with --exit).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromiumArgs, findChromium } from '../support/chromium';
import { ENGINE_DEFAULTS as D } from './engine/defaults';
import { startSimulator } from './index';

/** Faster than the engine's real pace (10 s), so a watched draft moves along. */
const CLI_PICK_MS = 3_000;

const HELP = `Usage: npm run sim -- [options]

  --port <n>          listen port (default 443, falling back to a free port)
  --teams <n>         teams (default ${D.teams})
  --rounds <n>        rounds = roster spots (default ${D.rounds})
  --pick-ms <n>       average pick time in ms (default ${CLI_PICK_MS})
  --tick-ms <n>       CLOCK tick in ms (default ${D.clockTickMs})
  --pre-draft-ms <n>  lobby time before the draft (default ${D.preDraftMs})
  --seed <s>          random seed (default ${D.seed})
  --league <id>       league id (default ${D.leagueId})
  --season <year>     season (default ${D.seasonId})
  --my-team <id>      the member's team (default ${D.myTeamId})
  --my-picks <who>    engine | client (default ${D.myPicks})
  --private           private league (REST needs the SWID + espn_s2 cookies)
  --auction           an auction draft (teams nominate and bid) instead of a snake
  --exit              exit when the draft is complete
  --quiet             do not print every pick
  -h, --help`;

function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      teams: { type: 'string' },
      rounds: { type: 'string' },
      'pick-ms': { type: 'string' },
      'tick-ms': { type: 'string' },
      'pre-draft-ms': { type: 'string' },
      seed: { type: 'string' },
      league: { type: 'string' },
      season: { type: 'string' },
      'my-team': { type: 'string' },
      'my-picks': { type: 'string' },
      private: { type: 'boolean' },
      auction: { type: 'boolean' },
      exit: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return Promise.resolve();
  }
  const num = (v: string | undefined, name: string): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${v}`);
    return n;
  };
  const myPicks = values['my-picks'];
  if (myPicks !== undefined && myPicks !== 'engine' && myPicks !== 'client') throw new Error('--my-picks must be engine or client');
  return run({
    port: num(values.port, 'port'),
    teams: num(values.teams, 'teams') ?? D.teams,
    rounds: num(values.rounds, 'rounds') ?? D.rounds,
    pickIntervalMs: num(values['pick-ms'], 'pick-ms') ?? CLI_PICK_MS,
    clockTickMs: num(values['tick-ms'], 'tick-ms') ?? D.clockTickMs,
    preDraftMs: num(values['pre-draft-ms'], 'pre-draft-ms') ?? D.preDraftMs,
    seed: values.seed ?? D.seed,
    leagueId: num(values.league, 'league'),
    seasonId: num(values.season, 'season'),
    myTeamId: num(values['my-team'], 'my-team'),
    myPicks,
    privateLeague: values.private ?? D.privateLeague,
    draftType: values.auction ? 'auction' : D.draftType,
    exit: values.exit ?? false,
    quiet: values.quiet ?? false,
  });
}

async function run(o: {
  port?: number;
  teams: number;
  rounds: number;
  pickIntervalMs: number;
  clockTickMs: number;
  preDraftMs: number;
  seed: string | number;
  leagueId?: number;
  seasonId?: number;
  myTeamId?: number;
  myPicks?: 'engine' | 'client';
  privateLeague: boolean;
  draftType: 'snake' | 'auction';
  exit: boolean;
  quiet: boolean;
}): Promise<void> {
  const sim = await startSimulator({
    port: o.port,
    teams: o.teams,
    rounds: o.rounds,
    pickIntervalMs: o.pickIntervalMs,
    clockTickMs: o.clockTickMs,
    preDraftMs: o.preDraftMs,
    seed: o.seed,
    ...(o.leagueId !== undefined ? { leagueId: o.leagueId } : {}),
    ...(o.seasonId !== undefined ? { seasonId: o.seasonId } : {}),
    ...(o.myTeamId !== undefined ? { myTeamId: o.myTeamId } : {}),
    ...(o.myPicks ? { myPicks: o.myPicks } : {}),
    privateLeague: o.privateLeague,
    draftType: o.draftType,
    log: (m) => console.error(`[sim] ${m}`),
  });
  const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const ext = join(repo, '.output', 'chrome-mv3');
  const browser = findChromium() ?? 'chromium';
  const flags = chromiumArgs({ extensionDir: ext, hostResolverRules: sim.hostResolverRules });
  const quote = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

  console.log(`Simulated ESPN draft room on 127.0.0.1:${sim.port}`);
  console.log(`  league ${sim.league.leagueId}, season ${sim.league.seasonId}, ${o.teams} teams × ${o.rounds} rounds, my team ${sim.league.myTeamId}`);
  console.log(`  draft starts in ${Math.round(o.preDraftMs / 1000)} s; a pick every ~${(o.pickIntervalMs / 1000).toFixed(1)} s\n`);
  console.log(`Draft page:\n  ${sim.draftPageUrl}\n`);
  console.log(`Chromium flags:\n  ${flags.map(quote).join(' \\\n  ')}\n`);
  console.log(`Example:\n  ${[browser, ...flags, `--user-data-dir=/tmp/draft-watch-sim-profile`, sim.draftPageUrl].map(quote).join(' ')}\n`);

  sim.engine.onEvent((e) => {
    if (e.type === 'phase') console.log(`[sim] draft ${e.phase}`);
    if (e.type === 'pick' && !o.quiet) {
      const p = e.pick;
      console.log(`[sim] #${p.overallPick} R${p.round}.${p.roundPick} team ${p.teamId}: ${p.playerName} (${p.position}, ${p.proTeam})${p.autopick ? ' [auto]' : ''}${p.price !== null ? ` $${p.price}, nominated by team ${p.nominatingTeamId}` : ''}`);
    }
  });
  sim.on((e) => {
    if (e.type === 'connection') console.log(`[sim] socket #${e.id} joined for team ${e.teamId}`);
    if (e.type === 'disconnect') console.log(`[sim] socket #${e.id} (team ${e.teamId}) closed ${e.code}${e.endedBy ? ` (${e.endedBy})` : ''}`);
  });

  const stop = async (): Promise<void> => {
    await sim.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  if (o.exit) {
    await sim.whenComplete();
    await stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
