import type { DraftView } from '../contract/draft-view';
import { playerOf, roundPickLabel, teamNameOf } from './labels';
import { PlayerLabel } from './player-label';

/** Every pick, newest first: the view for "what just happened". */
export function PickList({ view }: { view: DraftView }) {
  const { state } = view;
  if (state.picks.length === 0) return <p class="muted empty-picks">No picks yet.</p>;
  return (
    <table class="picks" data-testid="pick-list">
      <caption class="visually-hidden">Picks, newest first</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Rd.Pk</th>
          <th scope="col">Team</th>
          <th scope="col">Player</th>
        </tr>
      </thead>
      <tbody>
        {state.picks
          .slice()
          .reverse()
          .map((pick) => {
            const mine = state.myTeamId !== null && pick.teamId === state.myTeamId;
            return (
              <tr key={pick.overallPick} data-testid="pick-row" class={mine ? 'mine' : undefined} data-source={pick.source}>
                <td>{pick.overallPick}</td>
                <td>{roundPickLabel(pick.round, pick.roundPick)}</td>
                <td>{teamNameOf(state, pick.teamId)}</td>
                <td>
                  <PlayerLabel pick={pick} player={playerOf(view.players, pick)} />
                </td>
              </tr>
            );
          })}
      </tbody>
    </table>
  );
}
