import { useDraftView } from './use-draft-view';
import { useNow } from './use-now';
import { DraftPanel } from './draft-panel';
import { EmptyState } from './empty-state';
import { exportFileFor, type ExportFormat } from './export-buttons';
import { downloadText } from './download';
import { reloadDraftTab } from './worker-actions';
import { HostAccessNotice } from './host-access-notice';

export function App() {
  const status = useDraftView();
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
      />
    </>
  );
}
