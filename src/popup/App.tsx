import { useDraftView } from './use-draft-view';
import { ExportButtons } from './export-buttons';
import { PickList } from './pick-list';
import { HealthPanel } from './health-panel';
import type { DraftView } from '../contract/draft-view';

const STATUS_LABEL = { pre_draft: 'Pre-draft', live: 'Live', paused: 'Paused', complete: 'Complete' } as const;

function DraftHeader({ view }: { view: DraftView }) {
  const { state } = view;
  const onClock = state.onTheClock;
  return (
    <header>
      <h1>
        League {state.key.leagueId} · {state.key.seasonId}
      </h1>
      <p>
        <span class={`status status-${state.status}`} data-testid="draft-status" title={STATUS_LABEL[state.status]}>
          {state.status}
        </span>{' '}
        · <span data-testid="pick-count">{state.picks.length}</span> of{' '}
        {state.slots.length || '?'} picks
        {onClock && state.status === 'live' ? ` · pick ${onClock.overallPick}: team ${onClock.teamId} on the clock` : ''}
      </p>
    </header>
  );
}

export function App() {
  const status = useDraftView();
  if (status.kind === 'loading') return <main class="muted">Loading…</main>;
  if (status.kind === 'error') return <main class="error">Could not reach the extension: {status.message}</main>;
  if (status.kind === 'empty')
    return (
      <main>
        <h1>Draft Watch</h1>
        <p class="muted">No draft seen yet. Open your ESPN draft room and this will follow it.</p>
      </main>
    );
  return (
    <main>
      <DraftHeader view={status.view} />
      <HealthPanel view={status.view} />
      <ExportButtons view={status.view} />
      <PickList view={status.view} />
    </main>
  );
}
