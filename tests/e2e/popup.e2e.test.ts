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

/** Replaces runtime.sendMessage in an extension page before its scripts run, counting attempts: such a page can only learn of picks by push. */
function forbidRuntimeMessages(): void {
  const scope = globalThis as unknown as { chrome: { runtime: object }; messagesTried: number };
  scope.messagesTried = 0;
  Object.defineProperty(scope.chrome.runtime, 'sendMessage', {
    configurable: true,
    value: () => {
      scope.messagesTried += 1;
      return Promise.reject(new Error('this page may not send runtime messages'));
    },
  });
}

async function pickCount(page: Page): Promise<number> {
  return Number((await page.locator('[data-testid="pick-count"]').textContent({ timeout: 1_000 }).catch(() => '')) || -1);
}

async function notificationIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const notifications = (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, unknown>> } } }).chrome.notifications;
    return Object.keys(await notifications.getAll());
  });
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

    // Live, not polled: a popup that cannot send a single runtime message still shows each new pick.
    const extensionOrigin = `chrome-extension://${new URL(popup.url()).host}`;
    const live = await popup.context().newPage();
    await live.addInitScript(forbidRuntimeMessages);
    await live.goto(`${extensionOrigin}/popup.html`);
    await expect.poll(() => pickCount(live), { timeout: 10_000 }).toBeGreaterThan(0);
    const openedWith = await pickCount(live);
    const messagesTried = () => live.evaluate(() => (globalThis as unknown as { messagesTried: number }).messagesTried);
    // Opening asks once for the draft chooser's list; the view itself only ever arrives over the port.
    const triedAtOpen = await messagesTried();
    expect(triedAtOpen).toBeLessThanOrEqual(1);
    await room.sim.whenPicks(openedWith + 2);
    await expect.poll(() => pickCount(live), { timeout: 10_000 }).toBeGreaterThanOrEqual(openedWith + 2);
    // Nothing polls: no message at all while the picks arrived.
    expect(await messagesTried()).toBe(triedAtOpen);
    await live.close();

    // A fault the user must act on: ESPN moved the draft to "another tab".
    room.sim.faults.kickDuplicate();
    await expect.poll(() => healthWords(popup), { timeout: 30_000 }).toBe('Draft open elsewhere');
    // One notification for the kick, raised by the worker after the commit.
    await expect.poll(async () => (await notificationIds(popup)).filter((id) => id.startsWith('draft-alert:kicked:')).length, { timeout: 15_000 }).toBe(1);
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

    // The options page saves a threshold through the worker's settings.
    const options = await popup.context().newPage();
    await options.goto(`${extensionOrigin}/options.html`);
    await options.locator('input[name="graceSeconds"]').fill('4');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.locator('[data-testid="options-status"]').textContent(), { timeout: 5_000 }).toBe('Saved.');
    const stored = (await room.send({ type: 'get-settings' })) as { recovery: { graceMs?: number } };
    expect(stored.recovery.graceMs).toBe(4_000);
    expect(await axeViolations(options)).toEqual([]);
  });
});
