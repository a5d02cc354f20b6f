import { useDraftView } from './use-draft-view';
import { useNow } from './use-now';
import { DraftPanel } from './draft-panel';
import { EmptyState } from './empty-state';
import { exportFileFor, type ExportFormat } from './export-buttons';
import { downloadText } from './download';
import { reloadDraftTab } from './worker-actions';
import { HostAccessNotice } from './host-access-notice';
import { useState } from 'preact/hooks';
import { useDraftList } from './use-draft-list';
import { createDraftListPushes } from './draft-list-pushes';
import { DraftChooser } from './draft-chooser';
import { downloadCapture } from './capture-export';

export function App() {
  // null: the active tab's draft (or the last active one), as the worker picks it.
  const [chosenDraftId, setChosenDraftId] = useState<string | null>(null);
  // One hand-over for the whole popup life: the view's port brings the draft list's changes.
  const [listPushes] = useState(createDraftListPushes);
  const status = useDraftView(chosenDraftId, listPushes.publish);
  const drafts = useDraftList(status.kind === 'ready', listPushes);
  const now = useNow();
  if (status.kind === 'loading') return <main class="muted">Loading…</main>;
  if (status.kind === 'error') return <main class="error">Could not reach the extension: {status.message}</main>;
  if (status.kind === 'empty')
    return (
      <>
        <HostAccessNotice />
        <EmptyState unattachedTabId={status.activeDraftTabId} onReload={(tabId) => reloadDraftTab(tabId, false)} />
      </>
    );
  const { view } = status;
  const onExport = (format: ExportFormat) => {
    const exportedAt = Date.now();
    const file = exportFileFor(view, format, exportedAt, -new Date(exportedAt).getTimezoneOffset());
    downloadText(file.name, file.text, file.mimeType);
  };
  return (
    <>
      <HostAccessNotice />
      <DraftPanel
        view={view}
        activeDraftTabId={status.activeDraftTabId}
        now={Math.max(now, view.now)}
        onReload={reloadDraftTab}
        onExport={onExport}
        utcOffsetMinutes={-new Date(now).getTimezoneOffset()}
        chooser={<DraftChooser drafts={drafts} chosenId={view.draftId} onChoose={setChosenDraftId} utcOffsetMinutes={-new Date(now).getTimezoneOffset()} />}
        onExportCapture={() => void downloadCapture(view.draftId, view.state.key, view.state.archive?.archivedAt).catch((error) => console.error(`Draft Watch: capture export failed: ${String(error)}`))}
      />
    </>
  );
}
