import type { DraftView } from '../contract/draft-view';

export function PickList({ view }: { view: DraftView }) {
  const teamNames = new Map(view.state.teams.map((team) => [team.teamId, team.name] as const));
  if (view.state.picks.length === 0) return <p class="muted">No picks yet.</p>;
  return (
    <table class="picks">
      <thead>
        <tr>
          <th>#</th>
          <th>Rd.Pk</th>
          <th>Team</th>
          <th>Player</th>
          <th>Pos</th>
        </tr>
      </thead>
      <tbody>
        {view.state.picks
          .slice()
          .reverse()
          .map((pick) => {
            const player = view.players[String(pick.playerId)];
            return (
              <tr key={pick.overallPick} data-testid="pick-row">
                <td>{pick.overallPick}</td>
                <td>
                  {pick.round}.{pick.roundPick}
                </td>
                <td>{teamNames.get(pick.teamId) ?? `Team ${pick.teamId}`}</td>
                <td>
                  {player?.name ?? `#${pick.playerId}`}
                  {pick.autopick ? <span class="tag" title="Autopick">auto</span> : null}
                  {pick.source !== 'socket' ? <span class="tag" title="Recovered pick">{pick.source}</span> : null}
                </td>
                <td>{player?.position ?? ''}</td>
              </tr>
            );
          })}
      </tbody>
    </table>
  );
}
