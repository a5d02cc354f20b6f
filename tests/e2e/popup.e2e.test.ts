import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DraftRoom } from './support/fault-room';
import { exportFile } from './support/popup';
import { eventLogSchema } from '../../src/export/event-log';
import { TONE_COLOUR } from '../../src/popup/display-state';

const TEAMS = 6;
const ROUNDS = 5;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** "#b91c1c" → [185, 28, 28, 255], the form chrome.action.getBadgeBackgroundColor answers in. */
function rgba(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);
}

async function healthWords(popup: Page): Promise<string> {
  return (await popup.locator('[data-testid="health-status"]').textContent({ timeout: 1_000 }).catch(() => ''))?.trim() ?? '';
}

async function badge(popup: Page, tabId: number): Promise<{ text: string; colour: number[] }> {
  return popup.evaluate(async (id) => {
    const action = (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]> } } }).chrome.action;
    return { text: await action.getBadgeText({ tabId: id }), colour: await action.getBadgeBackgroundColor({ tabId: id }) };
  }, tabId);
}

/** axe-core in the popup page itself; evaluated over the debugging protocol, so the page's CSP does not apply. */
async function axeViolations(popup: Page): Promise<string[]> {
  await popup.evaluate(AXE_SOURCE);
  return popup.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
}

describe('the popup during a live simulated draft in Chromium', () => {
  let room: DraftRoom | undefined;

  afterAll(async () => {
    await room?.close();
  });

  it('shows the state in words, the picks as list and board, the badge, and exports the event log', async () => {
    room = await DraftRoom.open({
      sim: { teams: TEAMS, rounds: ROUNDS, pickIntervalMs: 450, clockTickMs: 1000, preDraftMs: 1000, seed: 'popup' },
      pageQuery: { simReconnect: 'auto' },
    });
    const popup = room.control;
    await room.sim.whenPicks(6);
    await expect.poll(() => healthWords(popup), { timeout: 30_000 }).toBe('Following live');
    const tabId = (await room.view())!.tabId!;

    // The badge: the pick count in the panel's colour, repainted after each commit.
    await expect
      .poll(async () => {
        const [shown, view] = await Promise.all([badge(popup, tabId), room!.view()]);
        return shown.text === String(view!.state.picks.length) && shown.colour.join() === rgba(TONE_COLOUR.good).join();
      }, { timeout: 15_000, interval: 100 })
      .toBe(true);
    await expect.poll(() => popup.locator('[data-testid="pick-row"]').count(), { timeout: 5_000 }).toBeGreaterThanOrEqual(6);
    expect(await axeViolations(popup)).toEqual([]);

    // A fault the user must act on: ESPN moved the draft to "another tab".
    room.sim.faults.kickDuplicate();
    await expect.poll(() => healthWords(popup), { timeout: 30_000 }).toBe('Draft open elsewhere');
    await expect.poll(async () => (await badge(popup, tabId)).colour.join(), { timeout: 15_000 }).toBe(rgba(TONE_COLOUR.bad).join());
    await popup.getByRole('button', { name: 'Reload draft tab' }).click();
    await expect.poll(() => healthWords(popup), { timeout: 60_000 }).toBe('Following live');

    await room.expectExportEqualsTruth();
    await expect.poll(() => healthWords(popup), { timeout: 30_000 }).toBe('Draft complete');
    await expect.poll(() => popup.locator('[data-testid="pick-row"]').count(), { timeout: 5_000 }).toBe(TEAMS * ROUNDS);

    await popup.getByRole('tab', { name: 'Board' }).click();
    expect(await popup.locator('[data-testid="draft-grid"] tbody tr').count()).toBe(ROUNDS);
    expect(await popup.locator('[data-testid="draft-grid"] .grid-pick').count()).toBe(TEAMS * ROUNDS);
    expect(await popup.locator('[data-testid="draft-grid"] thead th.mine').count()).toBe(1);
    expect(await axeViolations(popup)).toEqual([]);

    // Within Chrome's 800 × 600 popup limit.
    const size = await popup.locator('main').evaluate((main) => main.getBoundingClientRect().toJSON() as { width: number; height: number });
    expect(size.width).toBeLessThanOrEqual(800);
    expect(size.height).toBeLessThanOrEqual(600);

    const file = await exportFile(popup, 'Export event log');
    expect(file.name).toMatch(/^draft-event-log_football_league-\d+_season-\d{4}_\d{4}-\d{2}-\d{2}\.json$/);
    const log = eventLogSchema.parse(JSON.parse(file.text));
    expect(log.draft.leagueId).toBe(String(room.sim.league.leagueId));
    expect(log.events.some((event) => /elsewhere|duplicate/i.test(event.message))).toBe(true);
  });
});
