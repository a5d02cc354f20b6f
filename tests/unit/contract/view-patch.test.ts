import { describe, expect, it } from 'vitest';
import { applyViewPatch, viewPatch } from '../../../src/contract/view-patch';
import { viewPortPushSchema } from '../../../src/contract/view-port';
import type { DraftView } from '../../../src/contract/draft-view';
import { draftView, pick } from '../popup/view-fixture';

const base = draftView();
const entry = (n: number) => ({ at: n, level: 'info' as const, kind: 'pick', message: `entry ${n}` });

/** The patch for base → next must validate as a push and bring `base` back to exactly `next`. */
function roundTrip(previous: DraftView, next: DraftView) {
  const patch = viewPatch(previous, next, 42);
  expect(patch).not.toBeNull();
  expect(viewPortPushSchema.parse(JSON.parse(JSON.stringify(patch)))).toEqual(patch);
  expect(applyViewPatch(previous, patch!)).toEqual(next);
  return patch!;
}

describe('view patches', () => {
  it('a new pick sends the pick, its player, the new log line and the fields that changed, nothing else', () => {
    const next: DraftView = {
      ...base,
      now: base.now + 1_000,
      state: { ...base.state, picks: [...base.state.picks, pick(6, 4241389)], updatedAt: base.state.updatedAt + 1 },
      events: [...base.events, entry(1)],
      players: { ...base.players, '999': { playerId: 999, name: 'New Player', position: 'TE', proTeam: 'KC' } },
    };
    const patch = roundTrip(base, next);
    expect(patch.picksKept).toBe(base.state.picks.length);
    expect(patch.picksAdded).toEqual([pick(6, 4241389)]);
    expect(patch.eventsDropped).toBe(0);
    expect(patch.eventsAdded).toEqual([entry(1)]);
    expect(Object.keys(patch.playersAdded)).toEqual(['999']);
    expect(Object.keys(patch.state)).toEqual(['updatedAt']);
    expect(Object.keys(patch.view)).toEqual(['now']);
  });

  it('a capped log that lost its oldest entries, a corrected pick, a league name and team names', () => {
    const events = [entry(1), entry(2), entry(3)];
    const previous = { ...base, events };
    const next: DraftView = {
      ...base,
      leagueName: 'Office League',
      events: [entry(2), entry(3), entry(4)],
      state: { ...base.state, picks: base.state.picks.map((p) => (p.overallPick === 3 ? { ...p, playerId: 1 } : p)), teams: base.state.teams.map((team) => ({ ...team, name: `T${team.teamId}` })) },
    };
    const patch = roundTrip(previous, next);
    expect(patch.eventsDropped).toBe(1);
    expect(patch.picksKept).toBe(2);
    expect(patch.view).toEqual({ leagueName: 'Office League' });
  });

  it('a log that does not continue the previous one is replaced whole', () => {
    const patch = roundTrip({ ...base, events: [entry(1), entry(2)] }, { ...base, events: [entry(7)] });
    expect(patch.eventsDropped).toBe(2);
  });

  it('another draft, an unset field or a player gone cannot be patched: the whole view goes', () => {
    expect(viewPatch(base, { ...base, draftId: 'ffl:1:2025' }, null)).toBeNull();
    expect(viewPatch({ ...base, state: { ...base.state, awaitingSnapshot: true } }, base, null)).toBeNull();
    expect(viewPatch(base, { ...base, players: {} }, null)).toBeNull();
  });

  it('a patch that does not fit the view held is refused, so the popup asks for the whole view', () => {
    const patch = viewPatch(base, { ...base, state: { ...base.state, picks: [...base.state.picks, pick(6, 1)] } }, null)!;
    expect(applyViewPatch({ ...base, state: { ...base.state, picks: [] } }, patch)).toBeNull();
    expect(applyViewPatch({ ...base, draftId: 'other' }, patch)).toBeNull();
  });

  it('unchanged parts keep their identity, so the popup redraws only what changed', () => {
    const patch = viewPatch(base, { ...base, now: base.now + 1 }, null)!;
    const next = applyViewPatch(base, patch)!;
    expect(next.state).toBe(base.state);
    expect(next.events).toBe(base.events);
    expect(next.players).toBe(base.players);
  });
});
