import { describe, expect, it } from 'vitest';
import { DraftHeader } from '../../../src/popup/draft-header';
import { OnTheClock } from '../../../src/popup/on-the-clock';
import { draftState, draftView, MY_TEAM, NOW } from './view-fixture';
import { renderDom, textOf } from './render-dom';

describe('DraftHeader', () => {
  it('names the league, sport, season, the user’s team and the draft status', () => {
    const page = renderDom(<DraftHeader view={draftView()} />);
    expect(textOf(page.one('[data-testid="league"]'))).toBe('League 123456789');
    expect(textOf(page.one('[data-testid="sport"]'))).toBe('Football');
    expect(textOf(page.one('[data-testid="season"]'))).toBe('2025');
    expect(textOf(page.one('[data-testid="my-team"]'))).toBe('You: Gridiron Gurus');
    const status = page.one('[data-testid="draft-status"]');
    expect(textOf(status)).toBe('In progress');
    expect(status.getAttribute('data-status')).toBe('live');
    expect(textOf(page.one('[data-testid="pick-count"]'))).toBe('5');
    expect(page.text()).toContain('5 of 12 picks');
  });

  it('does not call a draft "Not started" before the room\'s snapshot says so (a late join may be at pick 50)', () => {
    const waiting = renderDom(<DraftHeader view={draftView({ state: { status: 'pre_draft', hasSnapshot: false, picks: [] } })} />);
    expect(textOf(waiting.one('[data-testid="draft-status"]'))).toBe('Waiting for the draft room');
    expect(waiting.one('[data-testid="draft-status"]').getAttribute('data-status')).toBe('pre_draft');
    const known = renderDom(<DraftHeader view={draftView({ state: { status: 'pre_draft', hasSnapshot: true, picks: [] } })} />);
    expect(textOf(known.one('[data-testid="draft-status"]'))).toBe('Not started');
  });

  it("names the league by ESPN's name once it was read", () => {
    const page = renderDom(<DraftHeader view={draftView({ leagueName: 'Office League' })} />);
    expect(textOf(page.one('[data-testid="league"]'))).toBe('Office League');
  });

  it('leaves the team out when the user is only watching', () => {
    const page = renderDom(<DraftHeader view={draftView({ state: { myTeamId: null } })} />);
    expect(page.all('[data-testid="my-team"]')).toHaveLength(0);
  });
});

describe('OnTheClock', () => {
  it('shows the pick, the round, the team on the clock and the time left', () => {
    const page = renderDom(<OnTheClock state={draftState()} now={NOW} />);
    expect(textOf(page.one('[data-testid="current-pick"]'))).toBe('6');
    expect(page.text()).toContain('round 2 (2.02)');
    expect(textOf(page.one('[data-testid="clock-team"]'))).toBe('Team Three');
    // 90 s allowed, 20 s gone.
    expect(textOf(page.one('[data-testid="time-left"]'))).toBe('1:10');
  });

  it('ticks down with the clock it is given and never goes negative', () => {
    expect(textOf(renderDom(<OnTheClock state={draftState()} now={NOW + 61_000} />).one('[data-testid="time-left"]'))).toBe('0:09');
    const late = renderDom(<OnTheClock state={draftState()} now={NOW + 500_000} />).one('[data-testid="time-left"]');
    expect(textOf(late)).toBe('0:00');
    expect(late.getAttribute('class')).toContain('low');
  });

  it('says when the user is on the clock', () => {
    const state = draftState({ onTheClock: { teamId: MY_TEAM, overallPick: 7, since: NOW, msAllowed: 60_000 } });
    const page = renderDom(<OnTheClock state={state} now={NOW} />);
    expect(textOf(page.one('[data-testid="clock-team"]'))).toBe('Gridiron Gurus (you)');
    expect(page.one('[data-testid="on-the-clock"]').getAttribute('class')).toContain('mine');
  });

  it('waits for the snapshot, not for a first pick, before the room has said where it stands', () => {
    const page = renderDom(<OnTheClock state={draftState({ status: 'pre_draft', hasSnapshot: false, onTheClock: null, picks: [], draftDate: null })} now={NOW} />);
    expect(page.text()).toBe('Waiting for the draft room’s snapshot');
  });

  it('waits before the draft and sums up after it', () => {
    const before = renderDom(<OnTheClock state={draftState({ status: 'pre_draft', onTheClock: null, picks: [], draftDate: NOW + 65_000 })} now={NOW} />);
    expect(before.text()).toBe('Waiting for the first pick · starts in 1:05');
    const after = renderDom(<OnTheClock state={draftState({ status: 'complete', onTheClock: null })} now={NOW} />);
    expect(after.text()).toBe('All 5 picks made.');
  });
});
