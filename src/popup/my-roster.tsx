import type { DraftView } from '../contract/draft-view';
import { lineupSlotLabel } from '../protocol/espn-ids';
import { playerOf, roundPickLabel, teamNameOf } from './labels';
import { PlayerLabel } from './player-label';

/** The user's own picks in draft order, with the roster spot each one took. */
export function MyRoster({ view }: { view: DraftView }) {
  const { state } = view;
  if (state.myTeamId === null) return <p class="muted empty-picks">Your team is not known for this draft (you may be watching it, not drafting).</p>;
  const mine = state.picks.filter((pick) => pick.teamId === state.myTeamId);
  if (mine.length === 0) return <p class="muted empty-picks">{teamNameOf(state, state.myTeamId)} has no picks yet.</p>;
  return (
    <table class="picks roster" data-testid="my-roster">
      <caption class="visually-hidden">{teamNameOf(state, state.myTeamId)}: your picks</caption>
      <thead>
        <tr>
          <th scope="col">Rd.Pk</th>
          <th scope="col">Slot</th>
          <th scope="col">Player</th>
        </tr>
      </thead>
      <tbody>
        {mine.map((pick) => (
          <tr key={pick.overallPick} data-testid="roster-row">
            <td>{roundPickLabel(pick.round, pick.roundPick)}</td>
            <td>{pick.lineupSlotId === null ? '' : (lineupSlotLabel(pick.lineupSlotId, state.key.game) ?? '')}</td>
            <td>
              <PlayerLabel pick={pick} player={playerOf(view.players, pick)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
