import type { DraftView } from '../contract/draft-view';
import { buildPickLog, formatPickLogJson } from '../export/pick-log';
import { formatPickLogCsv } from '../export/csv';
import { buildEventLog, formatEventLogJson } from '../export/event-log';
import { exportFileName } from '../export/file-name';

/** One finished file for the browser to save. */
export interface ExportFile {
  name: string;
  text: string;
  mimeType: string;
}

export type ExportFormat = 'csv' | 'json' | 'events';

/** Builds the file for one button. `exportedAt` and the offset come from the caller: the core keeps no clock. */
export function exportFileFor(view: DraftView, format: ExportFormat, exportedAt: number, utcOffsetMinutes: number): ExportFile {
  const key = view.state.key;
  if (format === 'events') {
    const text = formatEventLogJson(buildEventLog({ key, events: view.events, exportedAt }));
    return { name: exportFileName({ key, kind: 'event-log', ext: 'json', exportedAt, utcOffsetMinutes }), text, mimeType: 'application/json' };
  }
  const players = new Map(Object.values(view.players).map((p) => [p.playerId, p] as const));
  const log = buildPickLog({ state: view.state, players, events: view.events, exportedAt });
  // The picks a commissioner reset archived must not overwrite the live draft's file.
  const name = exportFileName({ key, kind: 'pick-log', ext: format, exportedAt, utcOffsetMinutes, archivedAt: view.state.archive?.archivedAt });
  return format === 'csv'
    ? { name, text: formatPickLogCsv(log), mimeType: 'text/csv' }
    : { name, text: formatPickLogJson(log), mimeType: 'application/json' };
}

export function ExportButtons({ onExport }: { onExport: (format: ExportFormat) => void }) {
  return (
    <div class="exports" role="group" aria-label="Export">
      <button type="button" onClick={() => onExport('csv')} title="Picks as a spreadsheet (CSV)">
        Export CSV
      </button>
      <button type="button" onClick={() => onExport('json')} title="The complete pick log (JSON)">
        Export JSON
      </button>
      <button type="button" onClick={() => onExport('events')} title="What happened to the connection and the draft (JSON)">
        Export event log
      </button>
    </div>
  );
}
