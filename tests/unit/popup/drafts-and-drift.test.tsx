import { describe, expect, it } from 'vitest';
import { DRIFT_HEADLINE, emptyDrift, recordDrift } from '../../../src/draft/drift';
import { DraftPanel } from '../../../src/popup/draft-panel';
import { DraftChooser, draftChoiceLabel } from '../../../src/popup/draft-chooser';
import { DriftWarning } from '../../../src/popup/drift-warning';
import { draftSummary, draftView, NOW } from './view-fixture';
import { renderDom, textOf } from './render-dom';

const RESET_AT = Date.UTC(2025, 7, 31, 2, 31, 32);
const LIVE = draftSummary({});
const ARCHIVE = draftSummary({ draftId: `ffl:123456789:2025:reset-${RESET_AT}`, status: 'live', picks: 12, archivedAt: RESET_AT, tabId: null });
const OTHER = draftSummary({ draftId: 'fba:555:2026', game: 'fba', leagueId: '555', seasonId: 2026, status: 'pre_draft', picks: 0, tabId: 9 });

describe('DriftWarning', () => {
  it('shows nothing while everything ESPN sent was readable', () => {
    expect(renderDom(<DriftWarning drift={emptyDrift()} />).text()).toBe('');
  });

  it('says in plain words that picks may be incomplete, with the counts', () => {
    let drift = recordDrift(emptyDrift(), 'unknownFrames', 'SHAZAM', 'no grammar for this command', NOW);
    drift = recordDrift(drift, 'unknownFrames', 'SHAZAM', 'no grammar for this command', NOW);
    drift = recordDrift(drift, 'undecodableInits', 'INIT', 'bad blob', NOW);
    const page = renderDom(<DriftWarning drift={drift} />);
    expect(page.one('[role="alert"] .drift-headline').textContent).toBe(DRIFT_HEADLINE);
    expect(DRIFT_HEADLINE).toBe('ESPN changed something; picks may be incomplete');
    expect(page.all('.drift-details li').map(textOf)).toEqual(['2 frames of an unknown type', '1 draft room snapshot that could not be decoded']);
  });

  it('sits in the draft panel above the picks, which keep showing', () => {
    const drift = recordDrift(emptyDrift(), 'unknownClocks', 'CLOCK', 'state 9 with 0 more values', NOW);
    const page = renderDom(<DraftPanel view={{ ...draftView(), drift }} activeDraftTabId={7} now={NOW} onReload={() => undefined} onExport={() => undefined} />);
    expect(page.text()).toContain('ESPN changed something; picks may be incomplete');
    expect(page.text()).toContain('1 clock in an unknown state');
    expect(page.text()).toContain('Bijan Robinson');
  });
});

describe('the capture button', () => {
  it('is in the panel and reports a press', async () => {
    let pressed = 0;
    const page = renderDom(
      <DraftPanel view={draftView()} activeDraftTabId={7} now={NOW} onReload={() => undefined} onExport={() => undefined} onExportCapture={() => (pressed += 1)} />,
    );
    const button = page.one('[data-testid="export-capture"]');
    expect(textOf(button)).toBe('Export capture for a bug report');
    await page.click(button);
    expect(pressed).toBe(1);
  });
});

describe('DraftChooser', () => {
  it('names each draft by league, season, sport, status and picks; archives are marked "reset archive"', () => {
    expect(draftChoiceLabel(LIVE)).toBe('League 123456789 · 2025 · Football · in progress · 5 picks');
    expect(draftChoiceLabel(ARCHIVE)).toBe('League 123456789 · 2025 · Football · reset archive 2025-08-31 02:31 · 12 picks');
    expect(draftChoiceLabel(ARCHIVE, -420)).toContain('reset archive 2025-08-30 19:31');
    expect(draftChoiceLabel(OTHER)).toBe('League 555 · 2026 · Basketball · not started · 0 picks');
  });

  it("names a draft by its league's name once ESPN gave it", () => {
    expect(draftChoiceLabel({ ...LIVE, leagueName: 'Office League' })).toBe('Office League · 2025 · Football · in progress · 5 picks');
  });

  it('lists every draft, selects the one shown, and reports the choice', () => {
    const chosen: string[] = [];
    const page = renderDom(<DraftChooser drafts={[LIVE, ARCHIVE, OTHER]} chosenId={LIVE.draftId} onChoose={(id) => chosen.push(id)} />);
    const select = page.one('select') as HTMLSelectElement;
    const options = page.all('option');
    expect(options.map((o) => o.getAttribute('value'))).toEqual([LIVE.draftId, ARCHIVE.draftId, OTHER.draftId]);
    expect(options.map((o) => o.getAttribute('data-archived'))).toEqual(['false', 'true', 'false']);
    expect(options.map((o) => (o as HTMLOptionElement).selected)).toEqual([true, false, false]);
    // The user picks the third line (linkedom's select reads its value from the selected option).
    options[0]!.removeAttribute('selected');
    options[2]!.setAttribute('selected', '');
    expect(select.value).toBe(OTHER.draftId);
    select.dispatchEvent(new page.window.Event('change', { bubbles: true }));
    expect(chosen).toEqual([OTHER.draftId]);
  });

  it('stays out of the way while the extension holds one draft', () => {
    expect(renderDom(<DraftChooser drafts={[LIVE]} chosenId={LIVE.draftId} onChoose={() => undefined} />).all('select')).toHaveLength(0);
  });
});
