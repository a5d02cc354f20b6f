import { Fragment } from 'preact';
import type { Pick } from '../draft/types';
import type { PlayerInfo } from '../contract/draft-view';
import { playerName } from './labels';

const RECOVERED_FROM = { init: 'Recovered from ESPN’s snapshot after a drop', api: 'Recovered from ESPN’s API' } as const;

interface Mark {
  label: string;
  title: string;
  recovered?: boolean;
}

/** The marks a pick carries, each explained in its tooltip. */
function marksOf(pick: Pick): Mark[] {
  const marks: Mark[] = [];
  if (pick.source !== 'socket') marks.push({ label: 'recovered', title: RECOVERED_FROM[pick.source], recovered: true });
  if (pick.autopick) marks.push({ label: 'auto', title: 'Made by ESPN’s autopick' });
  if (pick.keeper) marks.push({ label: 'keeper', title: 'Keeper' });
  return marks;
}

/** Name, position and pro team of a pick, with its marks: recovered, autopick, keeper. */
export function PlayerLabel({ pick, player }: { pick: Pick; player: PlayerInfo }) {
  const meta = [player.position, player.proTeam].filter(Boolean).join(' · ');
  return (
    <span class="player">
      <span class="player-name">{playerName(player)}</span>
      {meta ? <span class="player-meta">{` ${meta}`}</span> : null}
      {marksOf(pick).map((mark) => (
        <Fragment key={mark.label}>
          {' '}
          <span
            class={mark.recovered ? 'tag tag-recovered' : 'tag'}
            title={mark.title}
            data-testid={mark.recovered ? 'recovered-mark' : undefined}
          >
            {mark.label}
          </span>
        </Fragment>
      ))}
    </span>
  );
}
