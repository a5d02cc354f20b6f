import type { DraftState, Pick } from '../draft/types';
import type { DraftView } from '../contract/draft-view';
import { pickPosition } from '../draft/pick-table';
import { playerName, playerOf, shortPlayerName, teamNameOf } from './labels';

/** Teams in draft order, left to right, as ESPN's board shows them. */
function teamsInDraftOrder(state: DraftState) {
  return state.teams.slice().sort((a, b) => a.draftPosition - b.draftPosition);
}

/** Round → team → picks (a traded pick gives a team two picks in one round). */
function picksByRoundAndTeam(picks: readonly Pick[]): Map<string, Pick[]> {
  const cells = new Map<string, Pick[]>();
  for (const pick of picks) {
    const key = `${pick.round}:${pick.teamId}`;
    cells.set(key, [...(cells.get(key) ?? []), pick]);
  }
  return cells;
}

/** The draft board: one row per round, one column per team, the user's column highlighted. */
export function DraftGrid({ view }: { view: DraftView }) {
  const { state } = view;
  const teams = teamsInDraftOrder(state);
  if (teams.length === 0) return <p class="muted empty-picks">The board appears once ESPN sends the draft order.</p>;
  const rounds = Math.max(state.rounds, ...state.picks.map((pick) => pick.round), 1);
  const cells = picksByRoundAndTeam(state.picks);
  const clockPick = state.onTheClock?.overallPick ?? null;
  const clockPlace = clockPick === null ? null : pickPosition(clockPick, teams.length);
  return (
    <table class="grid" data-testid="draft-grid">
      <caption class="visually-hidden">Draft board: rounds down, teams across</caption>
      <thead>
        <tr>
          <th scope="col">Rd</th>
          {teams.map((team) => (
            <th scope="col" key={team.teamId} class={team.teamId === state.myTeamId ? 'mine' : undefined} title={teamNameOf(state, team.teamId)}>
              {teamNameOf(state, team.teamId)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rounds }, (_, index) => index + 1).map((round) => (
          <tr key={round}>
            <th scope="row">{round}</th>
            {teams.map((team) => {
              const picks = cells.get(`${round}:${team.teamId}`) ?? [];
              const onClock = clockPlace?.round === round && state.onTheClock?.teamId === team.teamId && picks.length === 0;
              const classes = [team.teamId === state.myTeamId ? 'mine' : '', onClock ? 'on-clock' : '', picks.some((p) => p.source !== 'socket') ? 'recovered' : '']
                .filter(Boolean)
                .join(' ');
              return (
                <td key={team.teamId} class={classes || undefined} data-testid="grid-cell">
                  {picks.map((pick) => {
                    const player = playerOf(view.players, pick);
                    const title = [playerName(player), player.position, player.proTeam, `pick ${pick.overallPick}`, pick.source !== 'socket' ? 'recovered' : null]
                      .filter(Boolean)
                      .join(' · ');
                    return (
                      <span key={pick.overallPick} class="grid-pick" title={title}>
                        <span class="grid-name">{shortPlayerName(player)}</span>{' '}
                        <span class="grid-meta">
                          {[player.position, player.proTeam].filter(Boolean).join(' ')}
                          {pick.source !== 'socket' ? ' ↺' : ''}
                        </span>
                      </span>
                    );
                  })}
                  {onClock ? <span class="grid-clock">on the clock</span> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
