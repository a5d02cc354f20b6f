import type { DraftView } from '../contract/draft-view';
import { buildPickLog } from '../export/pick-log';
import { formatPickLogCsv } from '../export/csv';
import { formatPickLogJson } from '../export/pick-log';
import { pickLogFileName } from '../export/file-name';
import { downloadText } from './download';

function pickLogOf(view: DraftView) {
  const players = new Map(Object.values(view.players).map((p) => [p.playerId, p] as const));
  return buildPickLog({ state: view.state, players, events: view.events, exportedAt: Date.now() });
}

export function ExportButtons({ view }: { view: DraftView }) {
  const exportJson = () =>
    downloadText(pickLogFileName(view.state.key, 'json'), formatPickLogJson(pickLogOf(view)), 'application/json');
  const exportCsv = () =>
    downloadText(pickLogFileName(view.state.key, 'csv'), formatPickLogCsv(pickLogOf(view)), 'text/csv');
  return (
    <div class="exports">
      <button type="button" onClick={exportCsv}>
        Export CSV
      </button>
      <button type="button" onClick={exportJson}>
        Export JSON
      </button>
    </div>
  );
}
