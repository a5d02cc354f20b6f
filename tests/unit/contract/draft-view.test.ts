import { emptyDrift } from '../../../src/draft/drift';
import { describe, expect, it } from 'vitest';
import { draftViewSchema, type DraftView } from '../../../src/contract/draft-view';
import { workerMessages } from '../../../src/contract/messages';
import { DEFAULT } from '../../../src/connection/options';
import { initialConnection, reduceConnectionAll } from '../../../src/connection/reducer';
import { liveDraft, pickInOrder, T0 } from '../draft/draft-fixture';

/** A view as the worker builds it: real picks, an open incident, a recovery in progress. */
function realView(): DraftView {
  const { state, log } = pickInOrder(liveDraft(), 12);
  const { state: connection } = reduceConnectionAll(
    initialConnection(),
    [
      { type: 'socketOpened', at: T0 },
      { type: 'frameReceived', at: T0 + 10, isInit: true },
      { type: 'socketClosed', at: T0 + 20, code: 1006, reason: '', wasClean: false },
    ],
    { now: T0 + 20, random: () => 0.5, options: { ...DEFAULT, graceMs: 3000 } },
  );
  return {
    draftId: 'ffl:123456789:2025',
    leagueName: null,
    state,
    events: log,
    players: { '4362628': { playerId: 4362628, name: 'Some Player', position: 'RB', proTeam: 'NYJ' } },
    tabId: 7,
    connection,
    now: T0 + 30,
    drift: emptyDrift(),
  };
}

describe('draftViewSchema', () => {
  it('accepts a real view unchanged: no field is stripped on the way to the popup', () => {
    const view = realView();
    expect(view.state.picks).toHaveLength(12);
    expect(view.connection?.incident).not.toBeNull();
    expect(view.connection).toMatchObject({ phase: 'grace', deadline: T0 + 3020, recoveryStartedAt: T0 + 20, fault: 'drop' });
    expect(draftViewSchema.parse(structuredClone(view))).toEqual(view);
  });

  it('accepts a view with no tab or connection', () => {
    const view = { ...realView(), tabId: null, connection: null };
    expect(draftViewSchema.parse(view)).toEqual(view);
  });

  it.each<[string, (view: DraftView) => unknown]>([
    ['a pick with a text player id', (view) => ({ ...view, state: { ...view.state, picks: [{ ...view.state.picks[0], playerId: '4362628' }] } })],
    ['an unknown draft status', (view) => ({ ...view, state: { ...view.state, status: 'exploded' } })],
    // The display status is derived, never sent; a stored one is not part of the shape.
    ['a socket record that is not one', (view) => ({ ...view, connection: { ...view.connection, socket: { open: 'fine' } } })],
    ['an incident with an unknown cause', (view) => ({ ...view, connection: { ...view.connection, incident: { ...view.connection?.incident, cause: { kind: 'gremlins' } } } })],
    ['an unknown recovery phase', (view) => ({ ...view, connection: { ...view.connection, phase: 'panicking' } })],
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
