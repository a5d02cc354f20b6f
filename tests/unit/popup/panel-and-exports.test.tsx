import { describe, expect, it } from 'vitest';
import { DraftPanel } from '../../../src/popup/draft-panel';
import { EmptyState, MOCK_DRAFT_LOBBY_URL } from '../../../src/popup/empty-state';
import { ExportButtons, exportFileFor, type ExportFormat } from '../../../src/popup/export-buttons';
import { eventLogSchema } from '../../../src/export/event-log';
import { pickLogSchema } from '../../../src/export/pick-log-schema';
import { draftView, NOW } from './view-fixture';
import { renderDom, textOf } from './render-dom';

describe('exportFileFor', () => {
  it('builds the pick log as CSV and JSON, named for the draft and the day', () => {
    const csv = exportFileFor(draftView(), 'csv', NOW, 0);
    expect(csv.name).toBe('draft-pick-log_football_league-123456789_season-2025_2025-08-31.csv');
    expect(csv.mimeType).toBe('text/csv');
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(6);
    const json = exportFileFor(draftView(), 'json', NOW, 0);
    expect(json.name).toBe('draft-pick-log_football_league-123456789_season-2025_2025-08-31.json');
    expect(pickLogSchema.parse(JSON.parse(json.text)).picks.map((pick) => pick.playerName)).toContain('Bijan Robinson');
  });

  it('exports the event log on its own, oldest first, with secrets redacted', () => {
    const events = [
      { at: NOW - 5000, level: 'info' as const, kind: 'init', message: 'Snapshot received.' },
      { at: NOW, level: 'warn' as const, kind: 'socket', message: 'member {5A0C1E2B-SECRET123} left; join 1:2:3:SECRET456:4' },
    ];
    const file = exportFileFor(draftView({ events }), 'events', NOW, -420);
    expect(file.name).toBe('draft-event-log_football_league-123456789_season-2025_2025-08-30.json');
    const log = eventLogSchema.parse(JSON.parse(file.text));
    expect(log.draft).toEqual({ game: 'ffl', leagueId: '123456789', seasonId: 2025 });
    expect(log.events.map((event) => event.kind)).toEqual(['init', 'socket']);
    expect(log.events[0]!.at).toBe(new Date(NOW - 5000).toISOString());
    expect(file.text).not.toContain('SECRET123');
    expect(file.text).not.toContain('SECRET456');
  });
});

describe('ExportButtons', () => {
  it('has one labelled button per export and reports which was pressed', async () => {
    const pressed: ExportFormat[] = [];
    const page = renderDom(<ExportButtons onExport={(format) => pressed.push(format)} />);
    const buttons = page.all('button');
    expect(buttons.map(textOf)).toEqual(['Export CSV', 'Export JSON', 'Export event log']);
    for (const button of buttons) await page.click(button);
    expect(pressed).toEqual(['csv', 'json', 'events']);
  });
});

describe('EmptyState', () => {
  it('says what to open and links ESPN’s mock draft lobby', () => {
    const page = renderDom(<EmptyState unattachedTabId={null} onReload={() => undefined} />);
    expect(page.text()).toContain('No draft seen yet.');
    expect(page.text()).toContain('Open your league’s draft room');
    const link = page.one('a');
    expect(link.getAttribute('href')).toBe(MOCK_DRAFT_LOBBY_URL);
    expect(link.getAttribute('href')).toBe('https://fantasy.espn.com/football/mockdraftlobby');
    expect(page.all('button')).toHaveLength(0);
  });

  it('asks for a reload when a draft room is open but was never attached', async () => {
    const reloads: number[] = [];
    const page = renderDom(<EmptyState unattachedTabId={12} onReload={(tabId) => reloads.push(tabId)} />);
    expect(textOf(page.one('[data-testid="health-status"]'))).toBe('Not attached');
    await page.click(page.one('button'));
    expect(reloads).toEqual([12]);
  });
});

describe('DraftPanel', () => {
  it('puts header, health, clock, exports and picks together', () => {
    const page = renderDom(<DraftPanel view={draftView()} activeDraftTabId={7} now={NOW} onReload={() => undefined} onExport={() => undefined} />);
    expect(textOf(page.one('[data-testid="league"]'))).toBe('League 123456789');
    expect(textOf(page.one('[data-testid="health-status"]'))).toBe('Following live');
    expect(textOf(page.one('[data-testid="time-left"]'))).toBe('1:10');
    expect(page.all('[data-testid="pick-row"]')).toHaveLength(5);
  });

  it('reloads the unattached draft room in focus, not the tab the shown draft came from', async () => {
    const reloads: Array<[number, boolean]> = [];
    const page = renderDom(
      <DraftPanel view={draftView({ tabId: 7 })} activeDraftTabId={9} now={NOW} onReload={(tabId, attached) => reloads.push([tabId, attached])} onExport={() => undefined} />,
    );
    expect(textOf(page.one('[data-testid="health-status"]'))).toBe('Not attached');
    await page.click(page.one('[data-testid="reload-draft-tab"]'));
    expect(reloads).toEqual([[9, false]]);
  });

  it('labels every control (buttons by text, tabs and regions by name)', () => {
    const page = renderDom(<DraftPanel view={draftView()} activeDraftTabId={7} now={NOW} onReload={() => undefined} onExport={() => undefined} />);
    for (const button of page.all('button')) expect(textOf(button).length).toBeGreaterThan(0);
    expect(page.one('[role="tablist"]').getAttribute('aria-label')).toBe('Show picks as');
    expect(page.all('section').every((section) => section.hasAttribute('aria-label') || section.hasAttribute('aria-labelledby'))).toBe(true);
  });
});
