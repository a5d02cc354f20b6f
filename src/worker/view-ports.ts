import type { DraftView } from '../contract/draft-view';
import { viewPortRequestSchema, type DraftListPush, type ViewPortMessage } from '../contract/view-port';
import { viewPatch } from '../contract/view-patch';

/** The part of a runtime port the registry uses, so the registry runs without a browser. */
export interface ViewPort {
  postMessage(message: ViewPortMessage): void;
}

interface Watcher {
  tabId: number | null;
  /** The draft the user chose in the popup, or null to follow the tab / last active draft. */
  chosenDraftId: string | null;
  /** The draft this port was last shown; commits to other drafts are not pushed to it. */
  draftId: string | null;
  /** The view this port was last sent: the next push is only what changed since (a patch). */
  shown: DraftView | null;
}

/**
 * The popups following a draft live. The worker calls `afterCommit` only once a commit is in
 * IndexedDB, so a popup never sees a view the store could lose.
 */
export class ViewPorts {
  private readonly watchers = new Map<ViewPort, Watcher>();

  constructor(
    private readonly viewFor: (tabId: number | null, chosenDraftId: string | null) => Promise<DraftView | null>,
    private readonly report: (message: string) => void,
  ) {}

  get size(): number {
    return this.watchers.size;
  }

  /** A message from an open port; anything but a valid `watch` is ignored (the port is untrusted input too). */
  async onMessage(port: ViewPort, raw: unknown): Promise<void> {
    const request = viewPortRequestSchema.safeParse(raw);
    if (!request.success) {
      this.report(`ignored a malformed view-port message: ${request.error.message}`);
      return;
    }
    const watcher: Watcher = { tabId: request.data.tabId, chosenDraftId: request.data.draftId, draftId: null, shown: null };
    this.watchers.set(port, watcher);
    await this.push(port, watcher, null);
  }

  onDisconnect(port: ViewPort): void {
    this.watchers.delete(port);
  }

  /**
   * After a commit for `tabId`'s draft: every port watching that tab or that draft gets the new view.
   * `committed` is the tab's view the worker already built for this commit; a port that follows the
   * tab itself gets it as is, so the store is read once per commit, not once more per popup.
   * `committedAt` is when the commit was stored (the worker's clock), passed on to the popup.
   */
  async afterCommit(tabId: number, draftId: string | null, committed?: DraftView | null, committedAt: number | null = null): Promise<void> {
    const due = [...this.watchers].filter(([, watcher]) => watcher.tabId === tabId || watcher.draftId === null || (draftId !== null && watcher.draftId === draftId));
    await Promise.all(
      due.map(([port, watcher]) =>
        this.push(port, watcher, committedAt, committed !== undefined && watcher.tabId === tabId && watcher.chosenDraftId === null ? committed : undefined),
      ),
    );
  }

  /**
   * After a commit that changed a draft but no tab's connection (player or team names, the league
   * name, the final-board check): every port showing that draft gets it again.
   */
  async afterDraftCommit(draftId: string, committedAt: number | null = null): Promise<void> {
    const due = [...this.watchers].filter(([, watcher]) => watcher.draftId === draftId || watcher.draftId === null);
    await Promise.all(due.map(([port, watcher]) => this.push(port, watcher, committedAt)));
  }

  /**
   * After a commit that changed the list of drafts (src/worker/draft-summaries.ts): every open port
   * is told, whichever draft it shows, since each popup's chooser lists them all.
   */
  tellDraftList(push: DraftListPush): void {
    for (const port of [...this.watchers.keys()]) {
      try {
        port.postMessage(push);
      } catch (error) {
        this.watchers.delete(port);
        this.report(`could not push the draft list: ${String(error)}`);
      }
    }
  }

  private async push(port: ViewPort, watcher: Watcher, committedAt: number | null, ready?: DraftView | null): Promise<void> {
    try {
      const view = ready !== undefined ? ready : await this.viewFor(watcher.tabId, watcher.chosenDraftId);
      if (!this.watchers.has(port)) return;
      const patch = watcher.shown !== null && view !== null ? viewPatch(watcher.shown, view, committedAt) : null;
      watcher.draftId = view?.draftId ?? null;
      watcher.shown = view;
      port.postMessage(patch ?? { type: 'view', view, committedAt });
    } catch (error) {
      // A port the popup closed meanwhile throws on postMessage; it is simply forgotten.
      this.watchers.delete(port);
      this.report(`could not push the view: ${String(error)}`);
    }
  }
}
