import type { DraftState } from '../draft/types';
import { pickPosition } from '../draft/pick-table';
import { clockLabel, roundPickLabel, teamNameOf } from './labels';

/** Where the draft stands: the pick being made, who makes it, and the time they have left. */
export function OnTheClock({ state, now }: { state: DraftState; now: number }) {
  const clock = state.onTheClock;
  if (state.status === 'complete') {
    return (
      <section class="on-the-clock" aria-label="Draft clock" data-testid="on-the-clock">
        <p>All {state.picks.length} picks made.</p>
      </section>
    );
  }
  if (!state.hasSnapshot && state.status === 'pre_draft') {
    // Nothing is known yet: the room may be at pick 50 or not started; its snapshot will say.
    return (
      <section class="on-the-clock" aria-label="Draft clock" data-testid="on-the-clock">
        <p>Waiting for the draft room’s snapshot</p>
      </section>
    );
  }
  if (!clock || state.status === 'pre_draft') {
    const starts = state.draftDate !== null && state.draftDate > now ? ` · starts in ${clockLabel(state.draftDate - now)}` : '';
    return (
      <section class="on-the-clock" aria-label="Draft clock" data-testid="on-the-clock">
        <p>Waiting for the first pick{starts}</p>
      </section>
    );
  }
  const { round, roundPick } = pickPosition(clock.overallPick, Math.max(1, state.teams.length));
  const isMine = state.myTeamId !== null && clock.teamId === state.myTeamId;
  const left = clock.msAllowed === null ? null : clock.since + clock.msAllowed - now;
  return (
    <section class={isMine ? 'on-the-clock mine' : 'on-the-clock'} aria-label="Draft clock" data-testid="on-the-clock">
      <p class="clock-pick">
        Pick <strong data-testid="current-pick">{clock.overallPick}</strong> · round {round} ({roundPickLabel(round, roundPick)})
      </p>
      <p class="clock-team">
        On the clock: <strong data-testid="clock-team">{isMine ? `${teamNameOf(state, clock.teamId)} (you)` : teamNameOf(state, clock.teamId)}</strong>
      </p>
      {left !== null ? (
        <p class="clock-left" aria-label="Time left">
          <span data-testid="time-left" class={left <= 10_000 ? 'time-left low' : 'time-left'}>
            {clockLabel(left)}
          </span>{' '}
          left{state.status === 'paused' ? ' (paused)' : ''}
        </p>
      ) : null}
    </section>
  );
}
