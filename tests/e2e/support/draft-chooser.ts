/**
 * The popup's draft chooser, driven like a user: pick a draft in the select, then export it.
 * Several drafts exist when several tabs follow several leagues, or a commissioner reset archived
 * the picks made before it.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { DraftSummary } from '../../../src/contract/draft-view';
import type { PickLogJson } from '../../../src/export/pick-log-schema';
import { exportFile } from './popup';
import { pickLogSchema } from '../../../src/export/pick-log-schema';

/** Every draft the worker holds, as the chooser lists them. */
export async function listDrafts(send: (message: unknown) => Promise<unknown>): Promise<DraftSummary[]> {
  return (await send({ type: 'list-drafts' })) as DraftSummary[];
}

/** Whether an exported log is the draft `summary` describes (its league, and its archive moment for an archive). */
function isDraft(log: PickLogJson, summary: DraftSummary): boolean {
  const archivedAt = log.draft.archive === null ? null : Date.parse(log.draft.archive.archivedAt);
  return log.draft.leagueId === summary.leagueId && log.draft.seasonId === summary.seasonId && archivedAt === summary.archivedAt;
}

/**
 * Chooses `summary`'s draft in the popup's chooser and exports its JSON pick log once the popup
 * shows it and its players are named (names load in the background). `teamNames: false` for a
 * league whose teams ESPN will not name (a mock league).
 */
export async function exportChosenDraft(popup: Page, summary: DraftSummary, { teamNames = true }: { teamNames?: boolean } = {}): Promise<PickLogJson> {
  const chooser = popup.locator('[data-testid="draft-chooser"]');
  await chooser.waitFor({ timeout: 15_000 });
  // The list refreshes on its own; wait until this draft is among the options.
  await expect.poll(() => chooser.locator(`option[value="${summary.draftId}"]`).count(), { timeout: 15_000, interval: 250 }).toBe(1);
  await chooser.selectOption(summary.draftId);
  let last: PickLogJson | null = null;
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const log = pickLogSchema.parse(JSON.parse((await exportFile(popup, 'Export JSON')).text));
    last = log;
    const named = log.picks.every((pick) => pick.playerName !== null) && (!teamNames || log.draft.teams.every((team) => team.name !== null));
    if (isDraft(log, summary) && named && log.picks.length === summary.picks) return log;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the popup never exported draft ${summary.draftId} (last export: league ${last?.draft.leagueId}, ${last?.picks.length} picks, archive ${JSON.stringify(last?.draft.archive)})`);
}
