import type { DraftStore } from '../adapters/store';
import type { DraftState, LogEntry } from '../draft/types';
import type { HookItem } from '../relay/hook-items';
import type { DraftPageContext } from '../relay/page-context';
import type { PlayerInfo } from '../espn/players';
import { ingestHookItems } from './ingest';
import { appendEvents, newTabSession, type DraftRecord } from './records';
import type { DraftView } from './draft-view';
import type { PlayerNames } from './player-names';
import { readTeamNames, type PageFetch } from './team-names';
import { applyTeamNames } from '../draft/apply-team-names';

const LAST_ACTIVE_KEY = 'lastActiveDraftId';
const MAX_TEAM_NAME_ATTEMPTS = 3;

export interface DraftWorkerDeps {
  store: DraftStore;
  playerNames: PlayerNames;
  pageFetch: PageFetch;
  now(): number;
  /** Console-style diagnostics; never given secrets. */
  report(level: 'info' | 'warn' | 'error', message: string): void;
}

/**
 * The worker's imperative shell around the pure ingest step. Every mutation goes
 * through one queue and is committed to IndexedDB before the next starts, so
 * the worker can be killed at any moment and restart from what was committed.
 */
export class DraftWorker {
  private queue: Promise<unknown> = Promise.resolve();
  /** Attempts per draft in this worker's life; a restart may try again, which is harmless. */
  private readonly teamNameAttempts = new Map<string, number>();

  constructor(private readonly deps: DraftWorkerDeps) {}

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  handleHookBatch(tabId: number, page: DraftPageContext, items: HookItem[]): Promise<void> {
    return this.serialize(async () => {
      const { store } = this.deps;
      const now = this.deps.now();
      const session = (await store.getTab(tabId)) ?? newTabSession(tabId, now);
      const records = new Map<string, DraftRecord>();
      const candidates = new Set<string>();
      if (session.draftId) candidates.add(session.draftId);
      for (const socket of Object.values(session.sockets)) candidates.add(socket.draftId);
      await Promise.all(
        [...candidates].map(async (id) => {
          const record = await store.getDraft(id);
          if (record) records.set(id, record);
        }),
      );
      const result = ingestHookItems(session, page, items, (id) => records.get(id)?.state, now);
      const changed: DraftRecord[] = [];
      const ids = new Set([...result.drafts.keys(), ...result.logs.keys()]);
      for (const id of ids) {
        const previous = records.get(id);
        const state = result.drafts.get(id) ?? previous?.state;
        if (state === undefined) continue;
        changed.push({
          id,
          state,
          events: appendEvents(previous?.events ?? [], result.logs.get(id) ?? []),
          lastActiveAt: now,
        });
      }
      await store.saveBatch(changed, result.session);
      if (result.session.draftId) await store.setMeta(LAST_ACTIVE_KEY, result.session.draftId);
      for (const record of changed) {
        for (const entry of result.logs.get(record.id) ?? []) if (entry.level !== 'info') this.deps.report(entry.level, entry.message);
        if (record.state.hasSnapshot) {
          this.requestNames(record);
          this.requestTeamNames(record, tabId);
        }
      }
    });
  }

  /** Names are a nicety: the lookup runs after the batch is committed and never holds up the next one. */
  private requestNames(record: DraftRecord): void {
    const { game, seasonId } = record.state.key;
    void this.deps.playerNames
      .ensurePool(game, seasonId)
      .then((entries) => (entries.length > 0 ? this.appendLog(record.id, entries) : undefined))
      .catch((error) => this.deps.report('warn', `player lookup failed: ${String(error)}`));
  }

  private requestTeamNames(record: DraftRecord, tabId: number): void {
    const attempts = this.teamNameAttempts.get(record.id) ?? 0;
    if (attempts >= MAX_TEAM_NAME_ATTEMPTS || record.state.teams.every((team) => team.name !== null)) return;
    this.teamNameAttempts.set(record.id, attempts + 1);
    void readTeamNames(this.deps.pageFetch, tabId, record.state.key, this.deps.now).then((outcome) =>
      this.serialize(async () => {
        const latest = await this.deps.store.getDraft(record.id);
        if (!latest) return;
        const reduction = outcome.teams ? applyTeamNames(latest.state, outcome.teams, this.deps.now()) : { state: latest.state, log: [] };
        const log = [...outcome.log, ...reduction.log];
        if (reduction.state === latest.state && log.length === 0) return;
        await this.deps.store.saveBatch([{ ...latest, state: reduction.state, events: appendEvents(latest.events, log) }], null);
      }),
    );
  }

  private appendLog(draftId: string, entries: LogEntry[]): Promise<void> {
    return this.serialize(async () => {
      const record = await this.deps.store.getDraft(draftId);
      if (!record) return;
      await this.deps.store.saveBatch([{ ...record, events: appendEvents(record.events, entries) }], null);
    });
  }

  async getView(tabId: number | null): Promise<DraftView | null> {
    const { store } = this.deps;
    const session = tabId === null ? undefined : await store.getTab(tabId);
    const draftId = session?.draftId ?? (await store.getMeta<string>(LAST_ACTIVE_KEY));
    if (!draftId) return null;
    const record = await store.getDraft(draftId);
    if (!record) return null;
    return {
      draftId,
      state: record.state,
      events: record.events,
      players: await this.playersFor(record.state),
      tabId: session ? session.tabId : null,
      health: null,
    };
  }

  private async playersFor(state: DraftState): Promise<Record<string, PlayerInfo>> {
    const ids = state.picks.map((pick) => pick.playerId);
    const rows = await this.deps.store.getPlayers(state.key.game, state.key.seasonId, ids);
    const players: Record<string, PlayerInfo> = {};
    for (const [id, row] of rows) players[String(id)] = { playerId: row.playerId, name: row.name, position: row.position, proTeam: row.proTeam };
    return players;
  }
}
