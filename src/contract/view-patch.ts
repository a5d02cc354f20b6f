import type { DraftView } from './draft-view';
import type { ViewPortPatch } from './view-port';

const VIEW_FIELDS = ['tabId', 'connection', 'now', 'drift', 'leagueName'] as const;

/** Structural equality of plain JSON values (what a view is made of). */
function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What changed from `previous` to `next`, both views of the same draft, or null when a patch
 * cannot say it (another draft, a field that disappeared, a player that went away): then the
 * whole view is sent. Applying the patch to `previous` (src/popup/apply-view-patch.ts) gives `next`.
 */
export function viewPatch(previous: DraftView, next: DraftView, committedAt: number | null): ViewPortPatch | null {
  if (previous.draftId !== next.draftId) return null;
  const view: ViewPortPatch['view'] = {};
  for (const field of VIEW_FIELDS) if (!same(previous[field], next[field])) Object.assign(view, { [field]: next[field] });

  const { picks: previousPicks, ...previousState } = previous.state;
  const { picks: nextPicks, ...nextState } = next.state;
  // A field that was there and is gone (an optional one unset) cannot be said by "replace": send all.
  if (Object.keys(previousState).some((field) => !(field in nextState))) return null;
  const state: ViewPortPatch['state'] = {};
  for (const [field, value] of Object.entries(nextState)) {
    if (!same(previousState[field as keyof typeof previousState], value)) Object.assign(state, { [field]: value });
  }

  let picksKept = 0;
  while (picksKept < previousPicks.length && picksKept < nextPicks.length && same(previousPicks[picksKept], nextPicks[picksKept])) picksKept += 1;

  const eventsDropped = droppedFromFront(previous.events, next.events);

  const playersAdded: ViewPortPatch['playersAdded'] = {};
  for (const id of Object.keys(previous.players)) if (!(id in next.players)) return null;
  for (const [id, player] of Object.entries(next.players)) if (!same(previous.players[id], player)) playersAdded[id] = player;

  return {
    type: 'patch',
    draftId: next.draftId,
    committedAt,
    view,
    state,
    picksKept,
    picksAdded: nextPicks.slice(picksKept),
    eventsDropped,
    eventsAdded: next.events.slice(previous.events.length - eventsDropped),
    playersAdded,
  };
}

/**
 * The log only grows at its end and, once capped, loses entries at its front: how many of the
 * previous entries are gone. When `next` does not continue `previous` at all, every one is.
 */
function droppedFromFront(previous: DraftView['events'], next: DraftView['events']): number {
  for (let dropped = 0; dropped <= previous.length; dropped += 1) {
    const kept = previous.length - dropped;
    if (kept > next.length) continue;
    let continues = true;
    for (let i = 0; i < kept && continues; i += 1) continues = same(previous[dropped + i], next[i]);
    if (continues) return dropped;
  }
  return previous.length;
}

/**
 * The view after a patch (src/worker/view-patch.ts), or null when the patch does not fit the view
 * held (another draft, more picks or events kept than there are): the caller then asks for the
 * whole view again. Unchanged parts keep their identity, so unchanged rows are not drawn again.
 */
export function applyViewPatch(view: DraftView, patch: ViewPortPatch): DraftView | null {
  if (patch.draftId !== view.draftId || patch.picksKept > view.state.picks.length || patch.eventsDropped > view.events.length) return null;
  const picks = patch.picksKept === view.state.picks.length && patch.picksAdded.length === 0 ? view.state.picks : view.state.picks.slice(0, patch.picksKept).concat(patch.picksAdded);
  const events = patch.eventsDropped === 0 && patch.eventsAdded.length === 0 ? view.events : view.events.slice(patch.eventsDropped).concat(patch.eventsAdded);
  const players = Object.keys(patch.playersAdded).length === 0 ? view.players : { ...view.players, ...patch.playersAdded };
  const stateChanged = picks !== view.state.picks || Object.keys(patch.state).length > 0;
  return {
    ...view,
    ...patch.view,
    state: stateChanged ? { ...view.state, ...patch.state, picks } : view.state,
    events,
    players,
  };
}
