import type { DraftStatus } from '../draft/types';
import type { DraftView } from '../contract/draft-view';
import { leagueLabel, sportLabel, teamNameOf } from './labels';

const STATUS_WORDS: Readonly<Record<DraftStatus, string>> = {
  pre_draft: 'Not started',
  live: 'In progress',
  paused: 'Paused',
  complete: 'Complete',
};

/** Which draft this is: league, sport, season, the user's team, and where the draft stands. */
export function DraftHeader({ view }: { view: DraftView }) {
  const { state } = view;
  const league = leagueLabel(view.leagueName, state.key.leagueId);
  return (
    <header class="draft-header">
      <h1 data-testid="league">{league}</h1>
      <p class="header-facts">
        <span data-testid="sport">{sportLabel(state.key.game)}</span>
        <span data-testid="season">{state.key.seasonId}</span>
        {state.myTeamId !== null ? (
          <span data-testid="my-team">
            You: <strong>{teamNameOf(state, state.myTeamId)}</strong>
          </span>
        ) : null}
        {/* An archive keeps the status it had when ESPN reset the draft; it will never move on, so it says what it is. */}
        <span class={`draft-status draft-status-${state.archive ? 'archived' : state.status}`} data-testid="draft-status" data-status={state.status}>
          {/* Until the room's first snapshot the status is only the default: a late join is not "Not started". */}
          {state.archive ? 'Reset archive' : state.hasSnapshot || state.status !== 'pre_draft' ? STATUS_WORDS[state.status] : 'Waiting for the draft room'}
        </span>
        <span>
          <span data-testid="pick-count">{state.picks.length}</span> of {state.slots.length || '?'} picks
        </span>
      </p>
    </header>
  );
}
