/** "Reload draft tab": the popup's one action on the connection. What it calls is the caller's business. */
export function ReloadButton({ tabId, urgent, onReload }: { tabId: number | null; urgent: boolean; onReload: (tabId: number) => void }) {
  if (tabId === null) return null;
  return (
    <button type="button" class={urgent ? 'reload urgent' : 'reload'} data-testid="reload-draft-tab" onClick={() => onReload(tabId)}>
      Reload draft tab
    </button>
  );
}
