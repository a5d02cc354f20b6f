import type { DraftView } from '../contract/draft-view';
import { localStamp } from './draft-chooser';
import { EventTimeline } from './event-timeline';

/**
 * In place of the health panel for an archived draft (the picks made before a commissioner reset):
 * it has no tab, no socket and no clock, and never changes again, so there is nothing to follow and
 * nothing to reload; its event log stays readable.
 */
export function ArchiveNotice({ view, utcOffsetMinutes = 0 }: { view: DraftView; utcOffsetMinutes?: number }) {
  const archive = view.state.archive;
  if (!archive) return null;
  const picks = view.state.picks.length;
  return (
    <section class="health tone-done" aria-labelledby="archive-state" data-testid="health" data-state="archived">
      <p class="state-pill" id="archive-state" role="status" data-testid="health-status">
        <span class="state-dot" aria-hidden="true" />
        Reset archive
      </p>
      <p class="state-detail" data-testid="archive-detail">
        ESPN reset this draft at {localStamp(archive.archivedAt, utcOffsetMinutes)}. These are the {picks} pick{picks === 1 ? '' : 's'} made before the
        reset; they no longer change. The restarted draft is listed on its own.
      </p>
      <EventTimeline events={view.events} />
    </section>
  );
}
