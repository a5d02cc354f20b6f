import type { LogEntry } from '../draft/types';
import { timeOfDay } from './labels';

const SHOWN = 200;

/** The draft's event log, newest first, folded away until asked for. */
export function EventTimeline({ events }: { events: readonly LogEntry[] }) {
  const newest = events.slice(-SHOWN).reverse();
  const problems = events.filter((entry) => entry.level !== 'info').length;
  return (
    <details class="timeline" data-testid="event-log">
      <summary>
        Event log ({events.length}
        {problems > 0 ? `, ${problems} warning${problems === 1 ? '' : 's'}` : ''})
      </summary>
      {newest.length === 0 ? (
        <p class="muted">Nothing logged yet.</p>
      ) : (
        <ol class="timeline-list" reversed>
          {newest.map((entry, index) => (
            <li key={`${entry.at}-${index}`} class={`log-${entry.level}`}>
              <time dateTime={new Date(entry.at).toISOString()}>{timeOfDay(entry.at)}</time>{' '}
              {entry.level !== 'info' ? <strong class="log-level">{entry.level}</strong> : null} {entry.message}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
