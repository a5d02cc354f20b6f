import type { DraftView } from '../contract/draft-view';
import { allIncidents } from '../connection/incident';
import type { DisplayState } from './display-state';
import { ageLabel } from './labels';
import { IncidentList } from './incident-list';
import { EventTimeline } from './event-timeline';
import { ReloadButton } from './reload-button';

export interface HealthPanelProps {
  view: DraftView;
  display: DisplayState;
  /** The popup's clock, ticking each second. */
  now: number;
  /** Which tab the reload goes to: the view's own, or the unattached draft room in focus. */
  reloadTabId: number | null;
  onReload: (tabId: number) => void;
}

/** Is the extension following the draft, and did anything go wrong? One state, then the evidence. */
export function HealthPanel({ view, display, now, reloadTabId, onReload }: HealthPanelProps) {
  const { connection } = view;
  const lastFrameAt = connection?.socket.lastInboundAt ?? null;
  const rtt = connection?.heartbeat.lastRttMs ?? null;
  const incidents = connection ? allIncidents(connection) : [];
  return (
    <section class={`health tone-${display.tone}`} aria-labelledby="health-state" data-testid="health" data-state={display.kind}>
      <div class="health-head">
        <p class="state-pill" id="health-state" role="status" data-testid="health-status">
          <span class="state-dot" aria-hidden="true" />
          {display.words}
        </p>
        <ReloadButton tabId={reloadTabId} urgent={display.needsUser} onReload={onReload} />
      </div>
      <p class="state-detail">{display.detail}</p>
      {connection ? (
        <dl class="health-facts">
          <div>
            <dt>Last frame</dt>
            <dd data-testid="last-frame-age">{lastFrameAt === null ? 'none yet' : `${ageLabel(now - lastFrameAt)} ago`}</dd>
          </div>
          <div>
            <dt>Ping</dt>
            <dd data-testid="ping-rtt">{rtt === null ? '—' : `${Math.round(rtt)} ms`}</dd>
          </div>
          <div>
            <dt>Drops</dt>
            <dd data-testid="drops">{connection.drops}</dd>
          </div>
          <div>
            <dt>Recoveries</dt>
            <dd data-testid="recoveries">{connection.recoveries}</dd>
          </div>
        </dl>
      ) : null}
      <IncidentList incidents={incidents} />
      <EventTimeline events={view.events} />
    </section>
  );
}
