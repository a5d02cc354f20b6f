import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startSimulator, type Simulator } from '../sim/index';
import { extensionId, launchChromiumWithExtension } from '../support/chromium';
import { exportFile, exportJsonWithNames, openPopup, waitForDraft } from './support/popup';
import { readExtensionDatabase } from './support/extension-db';
import { asTruthPick } from './support/truth';

const EXTENSION_DIR = resolve('.output/chrome-mv3');
const TEAMS = 10;
const ROUNDS = 16;

describe('a clean 10-team, 16-round draft in Chromium with the production build', () => {
  let sim: Simulator;
  let context: BrowserContext;
  let profile: string;
  let extId: string;

  beforeAll(async () => {
    sim = await startSimulator({
      seed: 'clean-draft',
      teams: TEAMS,
      rounds: ROUNDS,
      pickIntervalMs: 120,
      clockTickMs: 1000,
      preDraftMs: 1500,
      // The countdown starts once the page has joined, so the first pick is seen live, not in INIT.
      autoStart: false,
    });
    profile = await mkdtemp(join(tmpdir(), 'draft-watch-e2e-'));
    context = await launchChromiumWithExtension({
      extensionDir: EXTENSION_DIR,
      userDataDir: profile,
      headless: true,
      hostResolverRules: sim.hostResolverRules,
    });
    extId = await extensionId(context);
  });

  afterAll(async () => {
    await context?.close();
    await sim?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('exports a pick log equal to the simulator ground truth, pick for pick', async () => {
    const draftPage = await context.newPage();
    await draftPage.goto(sim.draftPageUrlFor({ query: { simPingMs: 2000 } }));
    await expect.poll(() => sim.connections, { timeout: 30_000 }).toBe(1);
    sim.start();
    await sim.whenComplete();
    expect(sim.truth()).toHaveLength(TEAMS * ROUNDS);

    const popup = await openPopup(context, extId);
    await waitForDraft(popup, 'complete', TEAMS * ROUNDS);
    const { name, text, log } = await exportJsonWithNames(popup);

    expect(name).toMatch(/\.json$/);
    expect(log.draft).toMatchObject({
      game: 'ffl',
      leagueId: String(sim.league.leagueId),
      seasonId: sim.league.seasonId,
      type: 'snake',
      status: 'complete',
      myTeamId: sim.league.myTeamId,
      rounds: ROUNDS,
    });
    expect(log.draft.teams.map((team) => [team.teamId, team.name]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(
      sim.league.teams.map((team) => [team.teamId, team.name]).sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    const exported = log.picks.map(asTruthPick);
    expect(exported).toEqual(sim.truth());
    expect(new Set(log.picks.map((pick) => pick.source))).toEqual(new Set(['socket']));
    // A clean draft needs no recovery.
    expect(log.events.filter((event) => event.level !== 'info')).toEqual([]);

    const csv = await exportFile(popup, 'Export CSV');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'overall_pick,round,round_pick,team_id,team_name,player_id,player_name,position,pro_team,roster_spot,keeper,autopick,source,recorded_at,price,nominating_team_id',
    );
    expect(lines).toHaveLength(TEAMS * ROUNDS + 1);

    // Secrets: the join token's code, members' SWIDs, and ESPN's telemetry token never leave the page.
    const stored = JSON.stringify(await readExtensionDatabase(context, extId));
    for (const haystack of [text, csv.text, stored]) {
      expect(haystack).not.toContain(String(sim.securityCode));
      expect(haystack).not.toContain(sim.decoyAccessToken);
      for (const team of sim.league.teams) if (team.memberSwid) expect(haystack).not.toContain(team.memberSwid);
    }
    expect(stored).toContain(String(sim.truth()[0]!.playerId));
  });
});
