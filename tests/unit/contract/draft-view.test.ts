import { describe, expect, it } from 'vitest';
import { draftViewSchema, type DraftView } from '../../../src/contract/draft-view';
import { workerMessages } from '../../../src/contract/messages';
import { initialHealth, reduceHealth } from '../../../src/health/connection-health';
import { initialRecoveryState } from '../../../src/recovery/policy';
import { liveDraft, pickInOrder, T0 } from '../draft/draft-fixture';

/** A view as the worker builds it: real picks, an open incident, a recovery in progress. */
function realView(): DraftView {
  const { state, log } = pickInOrder(liveDraft(), 12);
  let health = reduceHealth(initialHealth(), { type: 'socketOpened' }, T0);
  health = reduceHealth(health, { type: 'frameReceived', at: T0 + 10, dir: 'in', isInit: true }, T0 + 10);
  health = reduceHealth(health, { type: 'socketClosed', code: 1006, reason: '', wasClean: false }, T0 + 20);
  return {
    draftId: 'ffl:123456789:2025',
    state,
    events: log,
    players: { '4362628': { playerId: 4362628, name: 'Some Player', position: 'RB', proTeam: 'NYJ' } },
    tabId: 7,
    health,
    recovery: { ...initialRecoveryState(), phase: 'grace', deadline: T0 + 3020, recoveryStartedAt: T0 + 20, fault: 'drop' },
    now: T0 + 30,
  };
}

describe('draftViewSchema', () => {
  it('accepts a real view unchanged: no field is stripped on the way to the popup', () => {
    const view = realView();
    expect(view.state.picks).toHaveLength(12);
    expect(view.health?.activeIncident).not.toBeNull();
    expect(draftViewSchema.parse(structuredClone(view))).toEqual(view);
  });

  it('accepts a view with no tab, health or recovery', () => {
    const view = { ...realView(), tabId: null, health: null, recovery: null };
    expect(draftViewSchema.parse(view)).toEqual(view);
  });

  it.each<[string, (view: DraftView) => unknown]>([
    ['a pick with a text player id', (view) => ({ ...view, state: { ...view.state, picks: [{ ...view.state.picks[0], playerId: '4362628' }] } })],
    ['an unknown draft status', (view) => ({ ...view, state: { ...view.state, status: 'exploded' } })],
    ['an unknown health status', (view) => ({ ...view, health: { ...view.health, status: 'fine' } })],
    ['an incident with an unknown cause', (view) => ({ ...view, health: { ...view.health, activeIncident: { ...view.health?.activeIncident, cause: { kind: 'gremlins' } } } })],
    ['an unknown recovery phase', (view) => ({ ...view, recovery: { ...view.recovery, phase: 'panicking' } })],
    ['a player without a name field', (view) => ({ ...view, players: { '4362628': { playerId: 4362628, position: 'RB', proTeam: 'NYJ' } } })],
    ['a missing clock', (view) => Object.fromEntries(Object.entries(view).filter(([key]) => key !== 'now'))],
  ])('rejects %s', (_name, damage) => {
    expect(draftViewSchema.safeParse(damage(realView())).success).toBe(false);
  });

  it("is the get-view reply, where 'no draft yet' is null", () => {
    expect(workerMessages['get-view'].reply.parse(null)).toBeNull();
    expect(workerMessages['get-view'].reply.safeParse(undefined).success).toBe(false);
  });
});
