import { Component } from 'preact';
import type { DraftView, PlayerInfo } from '../contract/draft-view';
import type { Pick } from '../draft/types';
import { playerOf, roundPickLabel, teamNameOf } from './labels';
import { PlayerLabel } from './player-label';

interface PickRowProps {
  pick: Pick;
  teamName: string;
  player: PlayerInfo;
  mine: boolean;
}

/**
 * One pick's row. It is drawn again only when what it shows changed: a new pick, the popup's
 * clock ticking or a patch from the worker leaves the other 299 rows of a full draft alone.
 */
class PickRow extends Component<PickRowProps> {
  override shouldComponentUpdate(next: PickRowProps): boolean {
    const { pick, teamName, player, mine } = this.props;
    return (
      next.pick !== pick ||
      next.teamName !== teamName ||
      next.mine !== mine ||
      next.player.name !== player.name ||
      next.player.position !== player.position ||
      next.player.proTeam !== player.proTeam
    );
  }

  render({ pick, teamName, player, mine }: PickRowProps) {
    return (
      <tr data-testid="pick-row" class={mine ? 'mine' : undefined} data-source={pick.source}>
        <td>{pick.overallPick}</td>
        <td>{roundPickLabel(pick.round, pick.roundPick)}</td>
        <td>{teamName}</td>
        <td>
          <PlayerLabel pick={pick} player={player} />
        </td>
      </tr>
    );
  }
}

/** Every pick, newest first: the view for "what just happened". */
export function PickList({ view }: { view: DraftView }) {
  const { state } = view;
  if (state.picks.length === 0) return <p class="muted empty-picks">No picks yet.</p>;
  const rows = [];
  for (let index = state.picks.length - 1; index >= 0; index -= 1) {
    const pick = state.picks[index]!;
    rows.push(
      <PickRow
        key={pick.overallPick}
        pick={pick}
        teamName={teamNameOf(state, pick.teamId)}
        player={playerOf(view.players, pick)}
        mine={state.myTeamId !== null && pick.teamId === state.myTeamId}
      />,
    );
  }
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
      <tbody>{rows}</tbody>
    </table>
  );
}
