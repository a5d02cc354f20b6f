import { describe, expect, it } from 'vitest';
import { badgeOf } from '../../../src/popup/badge';
import { displayStateOf, TONE_COLOUR } from '../../../src/popup/display-state';
import { draftView, liveConnection, openIncident } from './view-fixture';

const CLOSE = { kind: 'close', code: 1006, reason: '', wasClean: false } as const;
const closed = { ...liveConnection().socket, open: false, synced: false };

describe('badgeOf', () => {
  it('shows the pick count in the panel’s colour', () => {
    const view = draftView();
    const badge = badgeOf(view, { activeDraftTabId: 7 });
    expect(badge).toEqual({ text: '5', colour: TONE_COLOUR.good, title: 'Draft Watch: Following live · 5 picks' });
  });

  it.each([
    ['failed', liveConnection({ phase: 'failed', incident: openIncident(CLOSE), socket: closed }), TONE_COLOUR.bad, 'Recovery failed'],
    ['stalled', liveConnection({ incident: openIncident({ kind: 'silence', silentForMs: 12_000 }) }), TONE_COLOUR.warning, 'Stalled'],
    ['recovering', liveConnection({ phase: 'grace', incident: openIncident(CLOSE), socket: closed }), TONE_COLOUR.working, 'Reconnecting'],
  ] as const)('turns %s into the same colour and words as the panel', (_status, connection, colour, words) => {
    const view = draftView({ connection });
    const badge = badgeOf(view, { activeDraftTabId: 7 });
    expect(badge.colour).toBe(colour);
    expect(badge.colour).toBe(TONE_COLOUR[displayStateOf(view, { activeDraftTabId: 7 }).tone]);
    expect(badge.title).toContain(words);
    expect(badge.text).toBe('5');
  });

  it('is blank without a draft', () => {
    expect(badgeOf(null, { activeDraftTabId: 3 }).text).toBe('');
  });

  it('fits the badge’s four characters', () => {
    const many = Array.from({ length: 12_000 }, (_, i) => ({ ...draftView().state.picks[0]!, overallPick: i + 1 }));
    expect(badgeOf(draftView({ state: { picks: many } }), { activeDraftTabId: 7 }).text).toBe('9999');
  });
});
