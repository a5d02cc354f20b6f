/**
 * Plain Chromium (no extension) against the simulator: proves TLS + host-resolver mapping + the
 * page client work, and that the page reacts to faults the way ESPN's client does.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withDraftRoom } from './support/draft-room';

const SMALL = { teams: 6, rounds: 5, seed: 21 } as const;

async function boardPlayers(page: Page): Promise<number[]> {
  return page.$$eval('#board li[data-player-id]', (lis) => lis.map((li) => Number((li as HTMLElement).dataset.playerId)));
}

async function waitForState(page: Page, state: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction((s) => document.body.dataset.state === s, state, { timeout });
}

describe('simulated draft page in Chromium', () => {
  it('loads over mapped TLS, talks REST + WebSocket like ESPN, and fills the board', async () => {
    const requests: Array<{ url: string; headers: Record<string, string> }> = [];
    const sockets: string[] = [];
    const sent: string[] = [];
    const watch = (page: Page): void => {
      page.on('request', (r) => requests.push({ url: r.url(), headers: r.headers() }));
      page.on('websocket', (ws) => {
        sockets.push(ws.url());
        ws.on('framesent', (f) => sent.push(String(f.payload)));
      });
    };
    const opts = { extension: false, sim: { teams: 10, rounds: 16, seed: 3 }, page: { query: { simPingMs: 400 } }, beforeNavigate: watch, artifactName: 'sim-page-board' };
    await withDraftRoom(opts, async (room) => {
      const { page, sim } = room;
      await sim.whenComplete();
      await waitForState(page, 'complete');

      const truth = sim.truth();
      expect(truth).toHaveLength(160);
      expect(await room.boardPickCount()).toBe(160);
      expect(await boardPlayers(page)).toEqual(truth.map((p) => p.playerId));
      const text = await page.locator('#board').innerText();
      expect(text).toContain("Ja'Marr Chase");
      expect(text).toContain('<b>Bold</b> Moves'); // rendered as text, not markup

      const me = sim.league.teams[sim.league.myTeamId - 1]!;
      const draftSocket = sockets.find((u) => u.startsWith('wss://fantasydraft.espn.com/'))!;
      expect(draftSocket).toMatch(
        new RegExp(
          `^wss://fantasydraft\\.espn\\.com/game-1/league-${sim.league.leagueId}/JOIN\\?1=1&2=${sim.league.leagueId}&3=${me.teamId}` +
            `&4=\\{00000000-0000-4000-8000-0000000000\\d\\d\\}&5=1:${sim.league.leagueId}:${me.teamId}:\\{[0-9A-F-]+\\}:-\\d+&6=false&7=false&8=KONA&nocache=\\d{6}$`,
        ),
      );
      expect(sockets.some((u) => u.startsWith('wss://espn.connections.edge.bamgrid.com/'))).toBe(true);
      expect(await page.evaluate(() => document.body.dataset.decoy)).toBe('authenticated');
      expect(sent.filter((f) => /^PING PING%20\d{13}\n$/.test(f)).length).toBeGreaterThanOrEqual(2);

      const security = requests.find((r) => r.url.endsWith(`/teams/${me.teamId}/draftSecurity`))!;
      expect(security.headers['x-fantasy-source']).toBe('kona');
      expect(requests.some((r) => r.url.includes('view=mSettings') && r.url.includes('view=mTeam'))).toBe(true);
      expect(room.pageErrors).toEqual([]);
    });
  });

  it('reconnects after a 1006 drop and backfills the missed picks from INIT', async () => {
    await withDraftRoom({ extension: false, sim: { ...SMALL, rounds: 8 }, page: { query: { simReconnectDelayMs: 300 } }, artifactName: 'sim-page-reconnect' }, async (room) => {
      const { page, sim } = room;
      await sim.whenPicks(5);
      sim.faults.refuseUpgrades(600); // the first retry fails; picks go on meanwhile
      expect(sim.faults.drop(1006)).toBe(1);
      await page.waitForFunction(() => Number(document.body.dataset.connects) >= 2, null, { timeout: 30_000 });
      await sim.whenComplete();
      await waitForState(page, 'complete');
      expect(await boardPlayers(page)).toEqual(sim.truth().map((p) => p.playerId));
      expect(sim.connectionHistory[0]!.endedBy).toBe('drop');
    });
  });

  it('stays dead with simReconnect=never and shows a banner', async () => {
    await withDraftRoom({ extension: false, sim: SMALL, page: { query: { simReconnect: 'never' } } }, async (room) => {
      const { page, sim } = room;
      await sim.whenPicks(3);
      sim.faults.drop(1011);
      await page.locator('[data-testid="disconnected-banner"]').waitFor({ state: 'visible' });
      expect(await page.evaluate(() => document.body.dataset.lastCloseCode)).toBe('1011');
      await sim.whenComplete();
      expect(await room.boardPickCount()).toBeLessThan(sim.truth().length);
      expect(sim.connections).toBe(0);
      expect(sim.connectionHistory).toHaveLength(1);
    });
  });

  it('shows "Duplicate Connection" after LEFT … 2 and does not reconnect', async () => {
    await withDraftRoom({ extension: false, sim: SMALL, page: { query: { simReconnectDelayMs: 100 } } }, async (room) => {
      const { page, sim } = room;
      await sim.whenPicks(2);
      expect(sim.faults.kickDuplicate()).toBe(1);
      await page.locator('[data-testid="duplicate-dialog"]').waitFor({ state: 'visible' });
      expect(await page.locator('[data-testid="duplicate-dialog"] h2').innerText()).toBe('Duplicate Connection');
      await sim.whenComplete();
      expect(await page.evaluate(() => document.body.dataset.connects)).toBe('1');
      expect(sim.connectionHistory).toHaveLength(1);
      expect(sim.connectionHistory[0]!.endedBy).toBe('kick');
    });
  });

  it('works in a private league thanks to the cookies the page sets', async () => {
    await withDraftRoom({ extension: false, sim: { ...SMALL, privateLeague: true } }, async (room) => {
      const { page, sim } = room;
      await sim.whenComplete();
      await waitForState(page, 'complete');
      expect(await boardPlayers(page)).toEqual(sim.truth().map((p) => p.playerId));
      const cookies = await room.context.cookies('https://lm-api-reads.fantasy.espn.com');
      expect(cookies.map((c) => c.name).sort()).toEqual(['SWID', 'espn_s2']);
      expect(cookies.every((c) => c.secure && c.sameSite === 'None' && c.domain === '.espn.com')).toBe(true);
    });
  });
});
