import { displayStateOf } from './display-state';

/** ESPN's mock draft lobby: a link for the user to follow, never fetched by the extension. */
export const MOCK_DRAFT_LOBBY_URL = 'https://fantasy.espn.com/football/mockdraftlobby';

export interface EmptyStateProps {
  /** The draft room in focus that no draft was seen in, if any: it needs a reload to attach. */
  unattachedTabId: number | null;
  onReload: (tabId: number) => void;
}

/** No draft seen yet: say what to open, and offer a mock draft to try it on. */
export function EmptyState({ unattachedTabId, onReload }: EmptyStateProps) {
  const notAttached = displayStateOf(null, { activeDraftTabId: unattachedTabId });
  return (
    <main class="empty-state" data-testid="empty-state">
      <h1>Draft Watch</h1>
      {unattachedTabId !== null ? (
        <section class={`health tone-${notAttached.tone}`} data-testid="health" data-state={notAttached.kind}>
          <div class="health-head">
            <p class="state-pill" role="status" data-testid="health-status">
              <span class="state-dot" aria-hidden="true" />
              {notAttached.words}
            </p>
            <button type="button" class="reload urgent" onClick={() => onReload(unattachedTabId)}>
              Reload draft tab
            </button>
          </div>
          <p class="state-detail">{notAttached.detail}</p>
        </section>
      ) : (
        <p>No draft seen yet.</p>
      )}
      <ol>
        <li>Open your league’s draft room on fantasy.espn.com (the “Join draft” link in your league).</li>
        <li>Keep that tab open; Draft Watch records every pick and reconnects if the connection drops.</li>
        <li>Open this panel any time to see the draft and export the pick log.</li>
      </ol>
      <p>
        No draft today? Try a{' '}
        <a href={MOCK_DRAFT_LOBBY_URL} target="_blank" rel="noreferrer">
          mock draft in ESPN’s lobby
        </a>
        .
      </p>
    </main>
  );
}
