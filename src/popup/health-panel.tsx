import { sendToWorker } from '../adapters/send-to-worker';
import type { DraftView } from '../contract/draft-view';
import { allIncidents } from '../health/connection-health';
import { describeIncident } from '../health/incident';
import { formatDuration } from '../health/format-duration';

const STATUS_TEXT: Record<string, string> = {
  connecting: 'Connecting',
  live: 'Live',
  stalled: 'Stalled',
  dropped: 'Dropped',
  recovering: 'Recovering',
  failed: 'Failed: reload needed',
  kicked: 'Draft opened elsewhere',
  unloaded: 'Draft tab closed',
  finished: 'Finished',
};

/** Connection health of the tab following this draft: state, freshness, heartbeat, incidents. */
export function HealthPanel({ view }: { view: DraftView }) {
  const { health, recovery, tabId } = view;
  if (health === null) return null;
  const lastFrameAge = health.lastInboundAt === null ? null : Math.max(0, view.now - health.lastInboundAt);
  const incidents = allIncidents(health).slice(-5).reverse();
  const needsUser = recovery?.phase === 'failed' || recovery?.phase === 'kicked';
  return (
    <section class="health" data-testid="health" data-health={health.status}>
      <p>
        <strong data-testid="health-status">{STATUS_TEXT[health.status] ?? health.status}</strong>
        {lastFrameAge !== null ? ` · last frame ${formatDuration(lastFrameAge)} ago` : ''}
        {health.heartbeat.lastRttMs !== null ? ` · heartbeat ${Math.round(health.heartbeat.lastRttMs)} ms` : ''}
        {` · drops ${health.drops}, recoveries ${health.recoveries}`}
      </p>
      {recovery && recovery.phase !== 'watching' && recovery.phase !== 'draftComplete' ? (
        <p class="muted">
          Recovery: {recovery.phase}
          {recovery.attempt > 0 ? `, reload attempt ${recovery.attempt}` : ''}
        </p>
      ) : null}
      {needsUser && tabId !== null ? (
        <button type="button" onClick={() => void sendToWorker('reload-now', { tabId })}>
          Reload now
        </button>
      ) : null}
      {incidents.length > 0 ? (
        <ul class="incidents">
          {incidents.map((incident) => (
            <li key={incident.seq}>{describeIncident(incident)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
