import { describe, expect, it } from 'vitest';
import type { DraftTabProbe, RelayAnswer } from '../../../src/adapters/draft-tab-probe';
import type { DraftStatus } from '../../../src/draft/types';
import { reattachDraftTabs } from '../../../src/worker/reattach-tabs';
import { draftIdOf, pageDraftKey } from '../../../src/draft/draft-id';
import { readDraftPageContext } from '../../../src/contract/draft-page-url';

const roomUrl = (leagueId: number) => `https://fantasy.espn.com/football/draft?leagueId=${leagueId}&seasonId=2025&teamId=2`;
const draftIdOfUrl = (url: string) => draftIdOf(pageDraftKey(readDraftPageContext(url)!));

function fakeProbe(tabs: { tabId: number; url: string; answer: RelayAnswer; reloadFails?: boolean }[]) {
  const pinged: number[] = [];
  const reloaded: number[] = [];
  const probe: DraftTabProbe = {
    listDraftTabs: () => Promise.resolve(tabs.map(({ tabId, url }) => ({ tabId, url }))),
    pingRelay: (tabId) => {
      pinged.push(tabId);
      return Promise.resolve(tabs.find((tab) => tab.tabId === tabId)!.answer);
    },
    reload: (tabId) => {
      if (tabs.find((tab) => tab.tabId === tabId)?.reloadFails) return Promise.reject(new Error('No tab with id'));
      reloaded.push(tabId);
      return Promise.resolve();
    },
  };
  return { probe, pinged, reloaded };
}

/** Stored drafts by page URL; a 'complete' one is confirmed by ESPN's final board unless `unconfirmed`. */
function statuses(entries: [string, DraftStatus, 'unconfirmed'?][]) {
  const map = new Map(
    entries.map(([url, status, unconfirmed]) => {
      const completion = status === 'complete' && unconfirmed === undefined ? { confirmedBy: 'final_board' as const, at: 1 } : undefined;
      return [draftIdOfUrl(url), { status, ...(completion ? { completion } : {}) }] as const;
    }),
  );
  return (draftId: string) => Promise.resolve(map.get(draftId));
}

describe('re-attaching draft tabs when a new extension instance starts', () => {
  it('reloads once each followed, unfinished draft tab whose relay is orphaned or has no hook', async () => {
    const { probe, reloaded } = fakeProbe([
      { tabId: 1, url: roomUrl(11), answer: 'no-answer' },
      { tabId: 2, url: roomUrl(22), answer: 'detached' },
      { tabId: 3, url: roomUrl(33), answer: 'attached' },
    ]);
    const lines: string[] = [];
    const result = await reattachDraftTabs({
      probe,
      followedDraft: statuses([[roomUrl(11), 'live'], [roomUrl(22), 'paused'], [roomUrl(33), 'live']]),
      report: (_level, message) => lines.push(message),
    });
    expect(result).toEqual([1, 2]);
    expect(reloaded).toEqual([1, 2]);
    expect(lines).toEqual([
      're-attached draft tab 1 by reloading it (its relay did not answer)',
      're-attached draft tab 2 by reloading it (its relay had no page hook)',
    ]);
  });

  it('leaves alone a tab whose relay answers with its hook: a plain browser start or a live tab', async () => {
    const { probe, reloaded, pinged } = fakeProbe([{ tabId: 5, url: roomUrl(55), answer: 'attached' }]);
    expect(await reattachDraftTabs({ probe, followedDraft: statuses([[roomUrl(55), 'pre_draft']]), report: () => undefined })).toEqual([]);
    expect(pinged).toEqual([5]);
    expect(reloaded).toEqual([]);
  });

  it('never reloads a draft that is over, or one the extension never followed', async () => {
    const { probe, reloaded, pinged } = fakeProbe([
      { tabId: 7, url: roomUrl(77), answer: 'no-answer' },
      { tabId: 8, url: roomUrl(88), answer: 'no-answer' },
    ]);
    expect(await reattachDraftTabs({ probe, followedDraft: statuses([[roomUrl(77), 'complete']]), report: () => undefined })).toEqual([]);
    expect(pinged).toEqual([]);
    expect(reloaded).toEqual([]);
  });

  it('re-attaches a draft that only a lone STATE 2 called complete: ESPN never confirmed it', async () => {
    const { probe, reloaded } = fakeProbe([{ tabId: 12, url: roomUrl(120), answer: 'no-answer' }]);
    expect(await reattachDraftTabs({ probe, followedDraft: statuses([[roomUrl(120), 'complete', 'unconfirmed']]), report: () => undefined })).toEqual([12]);
    expect(reloaded).toEqual([12]);
  });

  it('skips tabs whose URL is not a draft room page, and survives a tab that closed meanwhile', async () => {
    const { probe, reloaded } = fakeProbe([
      { tabId: 9, url: 'https://fantasy.espn.com/football/league?leagueId=99', answer: 'no-answer' },
      { tabId: 10, url: roomUrl(100), answer: 'no-answer', reloadFails: true },
      { tabId: 11, url: roomUrl(110), answer: 'no-answer' },
    ]);
    const warnings: string[] = [];
    const result = await reattachDraftTabs({
      probe,
      followedDraft: statuses([[roomUrl(100), 'live'], [roomUrl(110), 'live']]),
      report: (level, message) => level === 'warn' && warnings.push(message),
    });
    expect(result).toEqual([11]);
    expect(reloaded).toEqual([11]);
    expect(warnings).toEqual(['could not reload draft tab 10 to re-attach it: Error: No tab with id']);
  });
});
