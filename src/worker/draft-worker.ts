import type { DraftStore } from '../store/draft-store';
import type { DraftState, LogEntry } from '../draft/types';
import type { HookItem } from '../contract/page-events';
import type { DraftPageContext } from '../contract/draft-page-url';
import type { PlayerInfo } from '../contract/draft-view';
import type { Options as ConnectionOptions } from '../connection/options';
import type { ConnectionInput } from '../connection/types';
import { initialConnection } from '../connection/reducer';
import { ingestHookItems } from './ingest';
import { archivedDraftId, draftIdOf, keyOfDraftId, pageDraftKey } from '../draft/draft-id';
import { judgeSocketOpen } from '../draft/socket-rules';
import { appendEvents, newTabSession, playerKey, type DraftRecord, type TabSession } from '../store/records';
import type { DraftSummary, DraftView } from '../contract/draft-view';
import type { PlayerNames } from '../lookups/player-names';
import { readTeamNames } from '../lookups/team-names';
import { isConfirmedComplete } from '../draft/sealed-board';
import { readLeagueName } from '../lookups/league-name';
import type { Transports } from '../lookups/league-client';
import { DEFAULT_LOOKUP_OPTIONS, hasAttemptsLeft, type LookupOptions } from '../lookups/retry';
import { applyTeamNames } from '../draft/apply-team-names';
import { logEntry } from '../draft/log';
import { superviseBatchAndArrival, superviseInput, type Supervision } from './supervise';
import { claimReconcileAttempt, commitReconcileOutcome, reconcileWithRest } from '../lookups/final-board';
import type { TabControl } from '../adapters/tab-control';
import { driftWarning, emptyDrift } from '../draft/drift';
import { anonymizedCapture } from '../protocol/capture';
import { RecentFrameMemory } from './recent-frame-memory';
import type { DraftListPush } from '../contract/view-port';
import { draftListPushesAfterBatch, pushedSummaryOf, summaryOf } from './draft-summaries';

export interface DraftWorkerDeps {
  store: DraftStore;
  playerNames: PlayerNames;
  /** How lookups reach ESPN's league API (src/lookups/league-client.ts). */
  transports: Transports;
  lookupOptions?: LookupOptions;
  tabs: TabControl;
  connectionOptions(): Promise<ConnectionOptions>;
  now: () => number;
  random: () => number;
  /** Console-style diagnostics; never given secrets. */
  report(level: 'info' | 'warn' | 'error', message: string): void;
  /** Names the extension and version in a bug-report capture, e.g. "Draft Watch 1.2.0". */
  source?: string;
  /**
   * Told after each commit that touched a tab's connection (e.g. to repaint its toolbar badge);
   * `committedAt` is the worker's clock once the commit was stored. `view` is the tab's view as
   * committed, built from what the commit wrote (no second read of the store), when the tab follows a draft.
   */
  afterCommit?(tabId: number, committedAt: number, view?: DraftView): void;
  /**
   * Told after each commit that changed a draft outside any tab's story: player or team names, the
   * league name, the final-board check. The popup shows all of these, so it is pushed again.
   */
  afterDraftCommit?(draftId: string, committedAt: number): void;
  /**
   * Told after each commit that changed what the popup's draft chooser lists: a changed draft's
   * line, built from what the commit wrote, or that the list itself changed (src/worker/draft-summaries.ts).
   */
  draftListChanged?(push: DraftListPush): void;
}

/**
 * The worker's imperative shell around the pure steps (ingest, supervise). Every
 * mutation goes through one queue and is committed to IndexedDB before its
 * effects run, so the worker can be killed at any moment and resume from what
 * was committed.
 */
export class DraftWorker {
  private queue: Promise<unknown> = Promise.resolve();
  /** Attempts per draft in this worker's life; a restart may try again, which is harmless. */
  private readonly teamNameAttempts = new Map<string, number>();
  private readonly teamNamesInFlight = new Set<string>();
  private readonly leagueNameAttempts = new Map<string, number>();
  private readonly leagueNamesInFlight = new Set<string>();
  /** Players read from the store, by playerKey; null: not in the store when asked (see playersFor). */
  private readonly knownPlayers = new Map<string, PlayerInfo | null>();
  /** Recent frames per draft, for a bug-report capture. Memory only: they hold member ids (SWIDs). */
  readonly recentFrames = new RecentFrameMemory();

  constructor(private readonly deps: DraftWorkerDeps) {}

  private get lookupOptions(): LookupOptions {
    return this.deps.lookupOptions ?? DEFAULT_LOOKUP_OPTIONS;
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch((error) => this.deps.report('error', `worker task failed: ${String(error)}`));
    return run;
  }

  handleHookBatch(tabId: number, page: DraftPageContext, items: HookItem[]): Promise<void> {
    return this.serialize(async () => {
      const { store } = this.deps;
      const now = this.deps.now();
      const session = (await store.getTab(tabId)) ?? newTabSession(tabId, now);
      const records = await this.loadDrafts(session, page, items);
      const ingested = ingestHookItems(session, page, items, (id) => records.get(id)?.state, now, (id) => records.get(id)?.drift);
      this.recentFrames.remember(items, session, ingested.session);
      // Without a draft yet the tab has no log to hold them; the console still says what was dropped.
      if (ingested.session.draftId === null) for (const message of ingested.refusals) this.deps.report('warn', message);
      // A tab that moved on to another draft starts its connection story afresh.
      const sessionForDraft =
        session.draftId !== null && ingested.session.draftId !== session.draftId
          ? { ...ingested.session, connection: initialConnection() }
          : ingested.session;
      const supervised = superviseBatchAndArrival(sessionForDraft, ingested.lifecycle, await this.superviseContext(), session.activeSocketId);
      const logs = new Map(ingested.logs);
      if (supervised.session.draftId && supervised.log.length > 0) {
        logs.set(supervised.session.draftId, (logs.get(supervised.session.draftId) ?? []).concat(supervised.log));
      }
      // Archives first, in the same transaction: the picks before a reset are never lost, even to a crash.
      const changed: DraftRecord[] = ingested.archived.map((state) => archiveRecord(state, records.get(draftIdOf(state.key)), now));
      for (const id of new Set([...ingested.drafts.keys(), ...logs.keys(), ...ingested.drifts.keys()])) {
        const previous = records.get(id);
        const state = ingested.drafts.get(id) ?? previous?.state;
        if (state === undefined) continue;
        const drift = ingested.drifts.get(id) ?? previous?.drift ?? emptyDrift();
        const leagueName = previous?.leagueName;
        changed.push({ id, state, events: appendEvents(previous?.events ?? [], logs.get(id) ?? []), lastActiveAt: now, drift, ...(leagueName !== undefined ? { leagueName } : {}) });
      }
      await store.saveBatch(changed, supervised.session, supervised.session.draftId);
      this.tellDraftList(draftListPushesAfterBatch(records, changed, session.draftId, supervised.session));
      const followed = supervised.session.draftId;
      await this.carryOut(supervised, followed === null ? undefined : (changed.find((record) => record.id === followed) ?? records.get(followed)));
      for (const record of changed) {
        if (record.state.archive !== undefined) continue;
        for (const entry of logs.get(record.id) ?? []) if (entry.level !== 'info') this.deps.report(entry.level, entry.message);
        if (record.state.hasSnapshot) {
          this.requestNames(record, tabId);
          this.requestTeamNames(record, tabId);
          this.requestLeagueName(record, tabId);
        }
        if (record.state.status === 'complete') await this.maybeReconcile(record.id, tabId);
      }
    });
  }

  /** Drafts this batch may touch: the tab's, the page's, and any a new socket points at. */
  private async loadDrafts(session: TabSession, page: DraftPageContext, items: readonly HookItem[]): Promise<Map<string, DraftRecord>> {
    const ids = new Set<string>([draftIdOf(pageDraftKey(page))]);
    if (session.draftId) ids.add(session.draftId);
    for (const socket of Object.values(session.sockets)) ids.add(socket.draftId);
    for (const item of items) {
      const verdict = item.k === 'open' ? judgeSocketOpen(item.url, page) : null;
      if (verdict?.admit === true) ids.add(draftIdOf(verdict.key));
    }
    const records = new Map<string, DraftRecord>();
    await Promise.all(
      [...ids].map(async (id) => {
        const record = await this.deps.store.getDraft(id);
        if (record) records.set(id, record);
      }),
    );
    return records;
  }

  /** Timers, tab changes and the user's "Reload draft tab" reach the policy through here. */
  handleRecoveryInput(tabId: number, input: ConnectionInput): Promise<void> {
    return this.serialize(async () => {
      const session = await this.deps.store.getTab(tabId);
      if (!session) return;
      const supervised = superviseInput(session, input, await this.superviseContext());
      const draft = supervised.session.draftId ? await this.deps.store.getDraft(supervised.session.draftId) : undefined;
      const records = draft && supervised.log.length > 0 ? [{ ...draft, events: appendEvents(draft.events, supervised.log) }] : [];
      await this.deps.store.saveBatch(records, supervised.session);
      await this.carryOut(supervised, records[0] ?? draft);
    });
  }

  /** A closed tab's story ends here; its id may be reused by an unrelated tab later. */
  handleTabClosed(tabId: number): Promise<void> {
    return this.handleRecoveryInput(tabId, { type: 'tabClosed' }).then(() =>
      this.serialize(async () => {
        const followed = (await this.deps.store.getTab(tabId))?.draftId ?? null;
        await this.deps.store.deleteTab(tabId);
        await this.pruneDrafts();
        // The draft's chooser line loses its tab.
        if (followed !== null) this.tellDraftList([{ type: 'drafts-changed' }]);
      }),
    );
  }

  /** A new browser session: tab ids start over, so the previous session's tabs mean nothing. */
  forgetAllTabs(): Promise<void> {
    return this.serialize(async () => {
      await this.deps.store.clearTabs();
      await this.pruneDrafts();
    });
  }

  /** Draft records left empty and unreferenced once their tab is gone (src/store/prune-drafts.ts). */
  private async pruneDrafts(): Promise<void> {
    const removed = await this.deps.store.pruneUnreferencedDrafts();
    if (removed.length === 0) return;
    this.deps.report('info', `removed ${removed.length} empty draft record${removed.length === 1 ? '' : 's'} no tab follows`);
    // The chooser listed them: open popups ask for the list again.
    this.tellDraftList([{ type: 'drafts-changed' }]);
  }

  /**
   * The user cleared stored drafts (options page); queued so no batch commits half-way through.
   * A tab still following a draft ESPN has not confirmed over is reloaded afterwards: its socket was
   * forgotten with the drafts (its frames would be dropped) and only ESPN's INIT on a new socket can
   * rebuild the board, so the draft keeps being followed instead of going blind.
   */
  clearStoredDrafts(): Promise<number> {
    return this.serialize(async () => {
      const following = await this.tabsFollowingUnfinishedDrafts();
      // The in-memory frames belong to those drafts too (they hold member ids): forget them with them.
      this.recentFrames.clear();
      const removed = await this.deps.store.clearDrafts();
      this.tellDraftList([{ type: 'drafts-changed' }]);
      for (const { tabId, leagueId } of following) {
        if (await this.deps.tabs.reload(tabId, leagueId)) this.deps.report('info', `reloaded draft tab ${tabId}: stored drafts were cleared while it followed a draft`);
      }
      return removed;
    });
  }

  private async tabsFollowingUnfinishedDrafts(): Promise<Array<{ tabId: number; leagueId: string }>> {
    const following: Array<{ tabId: number; leagueId: string }> = [];
    for (const session of await this.deps.store.allTabs()) {
      const draft = session.draftId === null ? undefined : await this.deps.store.getDraft(session.draftId);
      if (draft !== undefined && draft.state.archive === undefined && !isConfirmedComplete(draft.state)) following.push({ tabId: session.tabId, leagueId: draft.state.key.leagueId });
    }
    return following;
  }

  /** After a worker restart: re-arm every pending recovery timer from what was committed. */
  resumeTimers(): Promise<void> {
    return this.serialize(async () => {
      for (const session of await this.deps.store.allTabs()) {
        if (session.connection.deadline !== null) this.deps.tabs.setTimer(session.tabId, session.connection.deadline);
      }
    });
  }

  private async superviseContext() {
    return { now: this.deps.now(), random: () => this.deps.random(), options: await this.deps.connectionOptions() };
  }

  /** `followed`: the record of the draft the tab follows, as just committed. */
  private async carryOut(supervised: Supervision, followed?: DraftRecord): Promise<void> {
    const { tabId } = supervised.session;
    const committedAt = this.deps.now();
    if (this.deps.afterCommit) {
      const told = (view?: DraftView) => this.deps.afterCommit?.(tabId, committedAt, view);
      if (followed !== undefined && followed.state.archive === undefined && followed.id === supervised.session.draftId) {
        void this.viewOf(followed, supervised.session)
          .then(told)
          .catch(() => told());
      } else told();
    }
    for (const action of supervised.actions) {
      try {
        if (action.type === 'wait') this.deps.tabs.setTimer(tabId, action.untilMs);
        else if (action.type === 'reloadTab') {
          const leagueId = supervised.session.draftId ? keyOfDraftId(supervised.session.draftId).leagueId : null;
          // Queued behind the current task: the tab left the draft room, so recovery stops.
          if (!(await this.deps.tabs.reload(tabId, leagueId))) void this.handleRecoveryInput(tabId, { type: 'tabNavigatedAway' });
        }
        else if (action.type === 'notifyFailed') await this.deps.tabs.notifyFailed(tabId);
        else await this.deps.tabs.clearNotification(tabId);
      } catch (error) {
        this.deps.report('warn', `could not ${action.type} for tab ${tabId}: ${String(error)}`);
      }
    }
  }

  /** Names are a nicety: the lookup runs after the batch is committed and never holds up the next one. */
  private requestNames(record: DraftRecord, tabId: number): void {
    const { game, seasonId } = record.state.key;
    void this.deps.playerNames
      .ensurePool(game, seasonId, tabId)
      .then((entries) => {
        if (entries.length === 0) return undefined;
        // A pool may have loaded: players not found before are read again.
        for (const [key, player] of this.knownPlayers) if (player === null) this.knownPlayers.delete(key);
        return this.appendLog(record.id, entries);
      })
      .catch((error) => this.deps.report('warn', `player lookup failed: ${String(error)}`));
  }

  private requestTeamNames(record: DraftRecord, tabId: number): void {
    const attempts = this.teamNameAttempts.get(record.id) ?? 0;
    if (!hasAttemptsLeft(this.lookupOptions.teamNames, attempts) || this.teamNamesInFlight.has(record.id)) return;
    if (record.state.teams.every((team) => team.name !== null)) return;
    this.teamNameAttempts.set(record.id, attempts + 1);
    this.teamNamesInFlight.add(record.id);
    void readTeamNames(this.deps.transports, tabId, record.state.key, this.deps.now, this.lookupOptions).finally(() => this.teamNamesInFlight.delete(record.id)).then((outcome) => {
      // A mock league's 404 is final: one warning in its log, not one per attempt.
      if (outcome.teams === null && outcome.final) this.teamNameAttempts.set(record.id, Number.POSITIVE_INFINITY);
      return this.serialize(async () => {
        const latest = await this.deps.store.getDraft(record.id);
        if (!latest) return;
        const reduction = outcome.teams ? applyTeamNames(latest.state, outcome.teams, this.deps.now()) : { state: latest.state, log: [] };
        const log = [...outcome.log, ...reduction.log];
        if (reduction.state === latest.state && log.length === 0) return;
        await this.deps.store.saveBatch([{ ...latest, state: reduction.state, events: appendEvents(latest.events, log) }], null);
        this.draftCommitted(record.id);
      });
    });
  }

  /**
   * The league's name, once per draft: stored with the draft (null when ESPN has none to give, as for
   * a mock league), so the popup and its chooser name the league. Asked at most `leagueName.maxAttempts`
   * times per worker life; a failure is logged and the league id keeps naming it.
   */
  private requestLeagueName(record: DraftRecord, tabId: number): void {
    if (record.leagueName !== undefined || this.leagueNamesInFlight.has(record.id)) return;
    const attempts = this.leagueNameAttempts.get(record.id) ?? 0;
    if (!hasAttemptsLeft(this.lookupOptions.leagueName, attempts)) return;
    this.leagueNameAttempts.set(record.id, attempts + 1);
    this.leagueNamesInFlight.add(record.id);
    void readLeagueName(this.deps.transports, tabId, record.state.key, this.deps.now, this.lookupOptions)
      .finally(() => this.leagueNamesInFlight.delete(record.id))
      .then((outcome) =>
        this.serialize(async () => {
          const latest = await this.deps.store.getDraft(record.id);
          if (!latest) return;
          // A final answer is stored, a name or null (a mock league): it is never asked again, even after a restart.
          const named = outcome.final ? { ...latest, leagueName: outcome.name } : latest;
          if (named === latest && outcome.log.length === 0) return;
          await this.deps.store.saveBatch([{ ...named, events: appendEvents(latest.events, outcome.log) }], null);
          this.draftCommitted(record.id);
          if (named !== latest) this.tellDraftList([{ type: 'summary', summary: pushedSummaryOf(named) }]);
        }),
      )
      .catch((error) => this.deps.report('warn', `league name lookup failed: ${String(error)}`));
  }

  /**
   * Once the draft is complete, checks the pick log against ESPN's final board
   * (src/lookups/final-board.ts). The attempt is recorded before the request goes out;
   * later batches drive the bounded retries.
   */
  private async maybeReconcile(draftId: string, tabId: number): Promise<void> {
    const { deps } = this;
    try {
      if (!(await claimReconcileAttempt(deps.store, draftId, deps.now(), this.lookupOptions))) return;
    } catch (error) {
      deps.report('warn', `could not schedule the ESPN API check: ${String(error)}`);
      return;
    }
    void reconcileWithRest({ store: deps.store, transports: deps.transports, now: deps.now, options: this.lookupOptions }, tabId, draftId)
      .then((outcome) =>
        this.serialize(async () => {
          const { log, saved } = await commitReconcileOutcome(deps.store, draftId, outcome, deps.now());
          this.draftCommitted(draftId);
          // Filled gaps change the chooser's pick count.
          if (saved !== undefined) this.tellDraftList([{ type: 'summary', summary: pushedSummaryOf(saved) }]);
          return log;
        }),
      )
      .then((log) => {
        for (const entry of log) if (entry.level !== 'info') deps.report(entry.level, entry.message);
      })
      .catch((error) => deps.report('warn', `ESPN API check failed: ${String(error)}`));
  }

  private appendLog(draftId: string, entries: LogEntry[]): Promise<void> {
    return this.serialize(async () => {
      const record = await this.deps.store.getDraft(draftId);
      if (!record) return;
      await this.deps.store.saveBatch([{ ...record, events: appendEvents(record.events, entries) }], null);
      this.draftCommitted(draftId);
    });
  }

  private tellDraftList(pushes: readonly DraftListPush[]): void {
    for (const push of pushes) this.deps.draftListChanged?.(push);
  }

  private draftCommitted(draftId: string): void {
    this.deps.afterDraftCommit?.(draftId, this.deps.now());
  }

  /**
   * The view of one draft: the one the user chose (`chosenDraftId`), else the active tab's, else
   * the last active one. A chosen draft shows the connection of the tab following it, if any.
   */
  async getView(tabId: number | null, chosenDraftId: string | null = null): Promise<DraftView | null> {
    const tabSessionOf = (activeTab: TabSession | undefined): TabSession | undefined =>
      chosenDraftId === null || activeTab?.draftId === chosenDraftId ? activeTab : undefined;
    // One read for the draft and the connections, so the view never mixes two commits.
    const { activeTab, draftId, record, tabs } = await this.deps.store.readForView(
      tabId,
      (active, lastActive) => chosenDraftId ?? tabSessionOf(active)?.draftId ?? lastActive ?? null,
    );
    if (!draftId || !record) return null;
    const tabSession = tabSessionOf(activeTab);
    // Without a draft tab in focus, show the connection of the tab that last followed this draft.
    // An archived draft has no connection: nothing follows it any more.
    const session =
      record.state.archive !== undefined
        ? undefined
        : (tabSession ?? tabs.filter((tab) => tab.draftId === draftId).sort((a, b) => b.updatedAt - a.updatedAt)[0]);
    return this.viewOf(record, session);
  }

  private async viewOf(record: DraftRecord, session: TabSession | undefined): Promise<DraftView> {
    return {
      drift: record.drift,
      draftId: record.id,
      leagueName: record.leagueName ?? null,
      state: record.state,
      events: record.events,
      players: await this.playersFor(record.state),
      tabId: session?.tabId ?? null,
      connection: session?.connection ?? null,
      now: this.deps.now(),
    };
  }

  /** Every draft the store holds, live and archived, most recently active first, for the popup's chooser. */
  async listDrafts(): Promise<DraftSummary[]> {
    const { store } = this.deps;
    const [records, tabs] = await Promise.all([store.allDrafts(), store.allTabs()]);
    return records
      .map((record) => {
        const tab = record.state.archive === undefined ? tabs.filter((t) => t.draftId === record.id).sort((a, b) => b.updatedAt - a.updatedAt)[0] : undefined;
        return summaryOf(record, tab?.tabId ?? null);
      })
      .sort((a, b) => b.lastActiveAt - a.lastActiveAt);
  }

  /**
   * An anonymized capture of the draft's recent frames (anonymizedCapture) for a bug report. The
   * frames come from memory; the drift counts, in plain words, go into the capture's notes.
   */
  async exportCapture(draftId: string): Promise<{ text: string; frames: number }> {
    const record = await this.deps.store.getDraft(draftId);
    const { frames, socketUrl } = this.recentFrames.framesOf(draftId);
    const warning = record ? driftWarning(record.drift) : null;
    const text = anonymizedCapture({
      frames,
      socketUrl,
      myTeamId: record?.state.myTeamId ?? null,
      notes: warning ? [warning.headline, ...warning.details] : [],
      source: this.deps.source ?? 'Draft Watch',
    });
    return { text, frames: frames.length };
  }

  /**
   * The picked players' names. Each is read from the store once per worker life and remembered
   * (a view is built after every commit, and a 300-pick draft would otherwise read 300 rows each
   * time); one the store did not have is asked again once a pool has loaded.
   */
  private async playersFor(state: DraftState): Promise<Record<string, PlayerInfo>> {
    const { game, seasonId } = state.key;
    const missing = state.picks.map((pick) => pick.playerId).filter((id) => !this.knownPlayers.has(playerKey(game, seasonId, id)));
    if (missing.length > 0) {
      const rows = await this.deps.store.getPlayers(game, seasonId, missing);
      for (const id of missing) {
        const row = rows.get(id);
        this.knownPlayers.set(playerKey(game, seasonId, id), row ? { playerId: row.playerId, name: row.name, position: row.position, proTeam: row.proTeam } : null);
      }
    }
    const players: Record<string, PlayerInfo> = {};
    for (const pick of state.picks) {
      const player = this.knownPlayers.get(playerKey(game, seasonId, pick.playerId));
      if (player) players[String(pick.playerId)] = player;
    }
    return players;
  }
}

/**
 * An archived draft's own record: the live record's log so far (it tells how the draft got there),
 * closed by why it ends there (its exported log would otherwise stop without a word about the
 * reset), and its drift, under the archive's derived id.
 */
function archiveRecord(state: DraftState, live: DraftRecord | undefined, now: number): DraftRecord {
  const id = state.archive?.id ?? archivedDraftId(state.key, now);
  const picks = state.picks.length;
  const closing = logEntry(
    state.archive?.archivedAt ?? now,
    'warn',
    'reset',
    `ESPN reset the draft here: this archive keeps the ${picks} pick${picks === 1 ? '' : 's'} made before the reset; the restarted draft goes on as ${draftIdOf(state.key)}.`,
  );
  const record: DraftRecord = { id, state, events: appendEvents(live?.events ?? [], [closing]), lastActiveAt: now, drift: live?.drift ?? emptyDrift() };
  return live?.leagueName !== undefined ? { ...record, leagueName: live.leagueName } : record;
}
