import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLeagues, type LeagueGroup, type Simulator } from '../sim/index';
import { launchChromium, type ChromiumExtensionBrowser } from './support/chromium-browser';
import { exportChosenDraft, listDrafts } from './support/draft-chooser';
import { FAST_RECOVERY, expectPickLogEqualsTruth } from './support/fault-room';

const PACE = { port: 0, pickIntervalMs: 200, clockTickMs: 1000, preDraftMs: 1000, autoStart: false } as const;

describe('two simultaneous drafts in two tabs in Chromium with the production build', () => {
  let group: LeagueGroup | undefined;
  let browser: ChromiumExtensionBrowser | undefined;
  const dirs: string[] = [];

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await group?.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps each league apart and exports each, through the popup’s chooser, equal to its own truth', async () => {
    group = await startLeagues(PACE, [
      // A runs long enough to be recovered mid-draft while B goes on.
      { leagueId: 31_000_001, seed: 'league-a', teams: 4, rounds: 8, pickIntervalMs: 300 },
      { leagueId: 31_000_002, seed: 'league-b', teams: 6, rounds: 3 },
    ]);
    const [a, b] = group.leagues as [Simulator, Simulator];
    const profileDir = await mkdtemp(join(tmpdir(), 'draft-watch-e2e-'));
    const downloadsDir = await mkdtemp(join(tmpdir(), 'draft-watch-downloads-'));
    dirs.push(profileDir, downloadsDir);
    browser = await launchChromium({ sim: a, profileDir, downloadsDir });
    await browser.sendMessage({ type: 'set-settings', settings: FAST_RECOVERY });

    const context = browser.control.context();
    for (const sim of [a, b]) {
      const tab = await context.newPage();
      await tab.goto(sim.draftPageUrlFor({ query: { simPingMs: 3000, simReconnect: 'never' } }));
    }
    await expect.poll(() => [a.connections, b.connections], { timeout: 30_000 }).toEqual([1, 1]);
    a.start();
    b.start();
    // League A's socket closes and ESPN's page there does not reconnect: only A's tab is reloaded.
    await a.whenPicks(4);
    a.faults.drop(1000);
    await Promise.all([a.whenComplete(), b.whenComplete()]);
    expect(a.connectionHistory.length).toBeGreaterThanOrEqual(2);
    expect(b.connectionHistory).toHaveLength(1);

    const drafts = await listDrafts((message) => browser!.sendMessage(message));
    await expect
      .poll(async () => (await listDrafts((message) => browser!.sendMessage(message))).map((d) => [d.leagueId, d.status, d.picks]).sort(), { timeout: 30_000, interval: 250 })
      .toEqual([
        [String(a.league.leagueId), 'complete', a.totalPicks],
        [String(b.league.leagueId), 'complete', b.totalPicks],
      ]);
    expect(drafts.every((draft) => draft.archivedAt === null)).toBe(true);

    await browser.reloadControl();
    for (const sim of [a, b]) {
      const summary = (await listDrafts((message) => browser!.sendMessage(message))).find((d) => d.leagueId === String(sim.league.leagueId))!;
      const log = await exportChosenDraft(browser.control, summary);
      expect(log.draft.status).toBe('complete');
      expect(log.draft.teams.map((team) => [team.teamId, team.name]).sort((x, y) => Number(x[0]) - Number(y[0]))).toEqual(
        sim.league.teams.map((team) => [team.teamId, team.name]),
      );
      expectPickLogEqualsTruth(log, sim.truth());
    }
  });
});
