import { describe, expect, it } from 'vitest';
import { HealthPanel } from '../../../src/popup/health-panel';
import { displayStateOf } from '../../../src/popup/display-state';
import type { Incident } from '../../../src/connection/incident';
import type { DraftView } from '../../../src/contract/draft-view';
import { draftView, liveConnection, NOW } from './view-fixture';
import { renderDom, textOf } from './render-dom';

const RECOVERED: Incident = {
  seq: 1,
  cause: { kind: 'close', code: 1006, reason: '', wasClean: false },
  faultStartedAt: NOW - 125_000,
  detectedAt: NOW - 124_700,
  detectionLatencyMs: 300,
  recoveredAt: NOW - 120_600,
  recoveryDurationMs: 4_100,
  outageMs: 4_400,
  reloadAttempts: 1,
  picksCaughtUp: 2,
  gaveUp: false,
  outcome: 'recovered',
};

function panel(view: DraftView, now = NOW, reloads: number[] = []) {
  return renderDom(<HealthPanel view={view} display={displayStateOf(view)} now={now} reloadTabId={view.tabId} onReload={(tabId) => reloads.push(tabId)} />);
}

describe('HealthPanel', () => {
  it('states the health in words, with its tone, and the evidence', () => {
    const page = panel(draftView({ connection: liveConnection({ drops: 1, recoveries: 1, incidents: [RECOVERED] }) }));
    expect(textOf(page.one('[data-testid="health-status"]'))).toBe('Following live');
    expect(page.one('[data-testid="health"]').getAttribute('class')).toContain('tone-good');
    expect(textOf(page.one('[data-testid="last-frame-age"]'))).toBe('2 s ago');
    expect(textOf(page.one('[data-testid="ping-rtt"]'))).toBe('48 ms');
    expect(textOf(page.one('[data-testid="drops"]'))).toBe('1');
    expect(textOf(page.one('[data-testid="recoveries"]'))).toBe('1');
  });

  it('ticks the last-frame age with the popup clock', () => {
    expect(textOf(panel(draftView(), NOW + 10_000).one('[data-testid="last-frame-age"]'))).toBe('12 s ago');
    expect(textOf(panel(draftView(), NOW + 180_000).one('[data-testid="last-frame-age"]'))).toBe('3 min ago');
  });

  it('lists each drop with how long it lasted, how it recovered and the picks caught up', () => {
    const open: Incident = { ...RECOVERED, seq: 2, cause: { kind: 'silence', silentForMs: 12_000 }, detectedAt: NOW - 5_000, recoveredAt: null, recoveryDurationMs: null, outageMs: null, reloadAttempts: 0, picksCaughtUp: null, outcome: 'open' };
    const page = panel(draftView({ connection: liveConnection({ incidents: [RECOVERED], incident: open }) }));
    const items = page.all('[data-testid="incidents"] li').map(textOf);
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('ongoing');
    expect(items[0]).toContain('No data from ESPN for 12.0 s');
    expect(items[1]).toContain('down 4.4 s · 1 reload · 2 picks caught up');
    expect(items[1]).toContain('WebSocket closed (1006');
  });

  it('offers "Reload draft tab", urgent when recovery failed, and sends the tab id', async () => {
    const reloads: number[] = [];
    const page = panel(draftView({ connection: liveConnection({ phase: 'failed', incident: { ...RECOVERED, seq: 2, outcome: 'open', recoveredAt: null, recoveryDurationMs: null, outageMs: null, gaveUp: true } }) }), NOW, reloads);
    expect(textOf(page.one('[data-testid="health-status"]'))).toBe('Recovery failed');
    const button = page.one('button.reload');
    expect(textOf(button)).toBe('Reload draft tab');
    expect(button.getAttribute('class')).toContain('urgent');
    await page.click(button);
    expect(reloads).toEqual([7]);
  });

  it('has no reload button without a tab to reload', () => {
    expect(panel(draftView({ tabId: null })).all('button')).toHaveLength(0);
  });

  it('shows the event log newest first, warnings marked', () => {
    const page = panel(draftView());
    const log = page.one('[data-testid="event-log"]');
    expect(textOf(log.querySelector('summary')!)).toBe('Event log (3, 1 warning)');
    const lines = Array.from(log.querySelectorAll('li')).map(textOf);
    expect(lines[0]).toContain('Reconnected after 4.1 s');
    expect(lines[1]).toContain('warn WebSocket closed (1006).');
    expect(lines[2]).toContain('Draft snapshot received');
  });

  it('says when nothing has been heard yet', () => {
    const page = panel(draftView({ connection: liveConnection({ socket: { ...liveConnection().socket, synced: false, lastInboundAt: null }, heartbeat: { lastRttMs: null, smoothedRttMs: null, maxRttMs: null, samples: 0 } }) }));
    expect(textOf(page.one('[data-testid="last-frame-age"]'))).toBe('none yet');
    expect(textOf(page.one('[data-testid="ping-rtt"]'))).toBe('—');
  });
});
