import { describe, expect, it } from 'vitest';
import { DraftPanel } from '../../../src/popup/draft-panel';
import { draftView, NOW } from './view-fixture';
import { renderDom, textOf } from './render-dom';

const RESET_AT = Date.UTC(2025, 7, 31, 2, 31);

/** The picks made before a commissioner reset, as the worker stores them: no tab, no connection, nothing on the clock. */
function archivedView() {
  return draftView({
    state: { archive: { reason: 'reset', archivedAt: RESET_AT, id: `ffl:123456789:2025:reset-${RESET_AT}` }, onTheClock: null },
    tabId: null,
    connection: null,
  });
}

describe('DraftPanel for an archived draft (the picks before a commissioner reset)', () => {
  it('says it is a reset archive, offers no reload and shows no clock', () => {
    const page = renderDom(<DraftPanel view={archivedView()} activeDraftTabId={null} now={NOW} onReload={() => undefined} onExport={() => undefined} utcOffsetMinutes={-420} />);
    expect(textOf(page.one('[data-testid="health-status"]'))).toBe('Reset archive');
    expect(page.one('[data-testid="health"]').getAttribute('data-state')).toBe('archived');
    expect(textOf(page.one('[data-testid="archive-detail"]'))).toContain('ESPN reset this draft at 2025-08-30 19:31. These are the 5 picks made before the reset');
    expect(textOf(page.one('[data-testid="draft-status"]'))).toBe('Reset archive');
    expect(page.all('[data-testid="reload-draft-tab"]')).toHaveLength(0);
    expect(page.all('[data-testid="on-the-clock"]')).toHaveLength(0);
    expect(page.text()).not.toContain('Waiting for the first pick');
    expect(page.text()).not.toContain('Not attached');
    // Its picks, its event log and its exports stay.
    expect(page.all('[data-testid="pick-row"]')).toHaveLength(5);
    expect(page.all('[data-testid="event-log"]')).toHaveLength(1);
    expect(page.all('button').map(textOf)).toContain('Export JSON');
  });

  it('a live draft still shows its health, reload and clock', () => {
    const page = renderDom(<DraftPanel view={draftView({ tabId: 7 })} activeDraftTabId={9} now={NOW} onReload={() => undefined} onExport={() => undefined} />);
    expect(textOf(page.one('[data-testid="draft-status"]'))).toBe('In progress');
    expect(page.all('[data-testid="reload-draft-tab"]')).toHaveLength(1);
    expect(page.all('[data-testid="on-the-clock"]')).toHaveLength(1);
  });
});
