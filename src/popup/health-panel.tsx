import { sendToWorker } from '../adapters/send-to-worker';
import type { DraftView } from '../contract/draft-view';
import { allIncidents, describeIncident } from '../connection/incident';
import { formatDuration } from '../connection/format-duration';
import { displayStatus, type DisplayStatus } from '../connection/status';

const STATUS_TEXT: Record<DisplayStatus, string> = {
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
  const { connection, tabId } = view;
  if (connection === null) return null;
  const status = displayStatus(connection);
  const lastFrameAge = connection.socket.lastInboundAt === null ? null : Math.max(0, view.now - connection.socket.lastInboundAt);
  const incidents = allIncidents(connection).slice(-5).reverse();
  const needsUser = connection.phase === 'failed' || connection.phase === 'kicked';
  return (
    <section class="health" data-testid="health" data-health={status}>
      <p>
        <strong data-testid="health-status">{STATUS_TEXT[status]}</strong>
        {lastFrameAge !== null ? ` · last frame ${formatDuration(lastFrameAge)} ago` : ''}
        {connection.heartbeat.lastRttMs !== null ? ` · heartbeat ${Math.round(connection.heartbeat.lastRttMs)} ms` : ''}
        {` · drops ${connection.drops}, recoveries ${connection.recoveries}`}
      </p>
      {connection.phase !== 'watching' && connection.phase !== 'complete' ? (
        <p class="muted">
          Recovery: {connection.phase}
          {connection.attempt > 0 ? `, reload attempt ${connection.attempt}` : ''}
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
