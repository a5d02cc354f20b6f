import type { DraftView } from '../contract/draft-view';
import { displayStateOf } from './display-state';
import { DraftHeader } from './draft-header';
import { HealthPanel } from './health-panel';
import { OnTheClock } from './on-the-clock';
import { PickViews } from './pick-views';
import { ExportButtons, type ExportFormat } from './export-buttons';
import type { ComponentChildren } from 'preact';
import { DriftWarning } from './drift-warning';
import { CaptureButton } from './capture-button';
import { ArchiveNotice } from './archive-notice';

export interface DraftPanelProps {
  view: DraftView;
  activeDraftTabId: number | null;
  now: number;
  onReload: (tabId: number, attached: boolean) => void;
  onExport: (format: ExportFormat) => void;
  /** The draft chooser, when the extension holds more than one draft. */
  chooser?: ComponentChildren;
  /** Saves an anonymized capture of the recent frames for a bug report. */
  onExportCapture?: () => void;
  /** For the moment an archived draft was reset, in the user's time zone. */
  utcOffsetMinutes?: number;
}

/** The whole popup for one draft; pure props in, so it renders the same in a test as in the browser. */
export function DraftPanel({ view, activeDraftTabId, now, onReload, onExport, chooser, onExportCapture, utcOffsetMinutes = 0 }: DraftPanelProps) {
  const display = displayStateOf(view, { activeDraftTabId });
  const reloadTabId = display.kind === 'not-attached' && activeDraftTabId !== null ? activeDraftTabId : view.tabId;
  const attached = reloadTabId === view.tabId;
  return (
    <main class="draft-panel">
      {chooser}
      <DraftHeader view={view} />
      <DriftWarning drift={view.drift} />
      <div class="status-row">
        {/* An archive (the picks before a reset) has no connection to show and no clock. */}
        {view.state.archive ? (
          <ArchiveNotice view={view} utcOffsetMinutes={utcOffsetMinutes} />
        ) : (
          <HealthPanel view={view} display={display} now={now} reloadTabId={reloadTabId} onReload={(tabId) => onReload(tabId, attached)} />
        )}
        <div class="side">
          {view.state.archive ? null : <OnTheClock state={view.state} now={now} />}
          <ExportButtons onExport={onExport} />
          {onExportCapture ? <CaptureButton onCapture={onExportCapture} /> : null}
        </div>
      </div>
      <PickViews view={view} />
    </main>
  );
}
