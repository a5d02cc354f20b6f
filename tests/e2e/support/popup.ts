import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { pickLogSchema, type PickLogJson } from '../../../src/export/pick-log-schema';
import type { ExtensionBrowser } from './extension-browser';

export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return page;
}

export async function waitForDraft(popup: Page, status: string, picks: number, timeoutMs = 60_000): Promise<void> {
  await popup.waitForFunction(
    ([wantStatus, wantPicks]) =>
      document.querySelector('[data-testid="draft-status"]')?.getAttribute('data-status') === wantStatus &&
      document.querySelector('[data-testid="pick-count"]')?.textContent === String(wantPicks),
    [status, picks] as const,
    { timeout: timeoutMs, polling: 250 },
  );
}

/** Clicks an export button and returns the downloaded file's text. */
export async function exportFile(popup: Page, button: 'Export JSON' | 'Export CSV' | 'Export event log'): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: button }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** Exports JSON until every pick has a player name (names load in the background, after the picks). */
export function exportJsonWithNames(popup: Page, attempts = 40): Promise<{ name: string; text: string; log: PickLogJson }> {
  return exportJsonWithNamesVia({ exportFile: (button) => exportFile(popup, button) }, attempts);
}

/** The same, through any browser's export (see ExtensionBrowser). */
export async function exportJsonWithNamesVia(
  from: Pick<ExtensionBrowser, 'exportFile'>,
  attempts = 40,
  /** `teamNames: false`: wait for player names only (a mock league's teams cannot be named). */
  { teamNames = true }: { teamNames?: boolean } = {},
): Promise<{ name: string; text: string; log: PickLogJson }> {
  for (let attempt = 1; ; attempt += 1) {
    const file = await from.exportFile('Export JSON');
    const log = pickLogSchema.parse(JSON.parse(file.text));
    const named = log.picks.every((pick) => pick.playerName !== null) && (!teamNames || log.draft.teams.every((team) => team.name !== null));
    if (named || attempt >= attempts) return { ...file, log };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
