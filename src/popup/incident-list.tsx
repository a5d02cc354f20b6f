import type { Incident } from '../connection/incident';
import { describeCause } from '../connection/incident';
import { formatDuration, plural } from '../connection/format-duration';
import { timeOfDay } from './labels';

const SHOWN = 4;

/** One line per drop or stall: when, how long, and how many picks were caught up. */
function incidentSummary(incident: Incident): string {
  const when = timeOfDay(incident.detectedAt);
  if (incident.outcome === 'open') return `${when} · ongoing${incident.gaveUp ? ', automatic recovery gave up' : ''}`;
  const parts = [when];
  if (incident.outageMs !== null) parts.push(`down ${formatDuration(incident.outageMs)}`);
  if (incident.reloadAttempts > 0) parts.push(plural(incident.reloadAttempts, 'reload'));
  else if (incident.outcome === 'recovered') parts.push('reconnected by itself');
  if (incident.picksCaughtUp !== null) parts.push(`${plural(incident.picksCaughtUp, 'pick')} caught up`);
  if (incident.outcome === 'abandoned') parts.push('not recovered');
  return parts.join(' · ');
}

/** Drops and recoveries, newest first; the full story stays in the event log. */
export function IncidentList({ incidents }: { incidents: readonly Incident[] }) {
  if (incidents.length === 0) return null;
  const newest = incidents.slice(-SHOWN).reverse();
  return (
    <ul class="incidents" aria-label="Drops and recoveries" data-testid="incidents">
      {newest.map((incident) => (
        <li key={incident.seq} class={`incident incident-${incident.outcome}`}>
          <span class="incident-when">{incidentSummary(incident)}</span>
          <span class="incident-what">{describeCause(incident.cause)}</span>
        </li>
      ))}
    </ul>
  );
}
