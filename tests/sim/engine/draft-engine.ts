/**
 * The simulated ESPN draft as it runs: league state, the pick cycle, the clock and the text
 * frames ESPN broadcasts (protocol.md §3, order per §3.5). The rules it follows are pure
 * functions in `../rules`; time comes from an injected Scheduler; there is no transport here:
 * the socket layer subscribes to `onEvent` and feeds client frames in through `clientFrame`.
 * Deterministic for a seed as long as no client intervenes (SELECT / AUTODRAFT / DRAFT_LIST).
 */
import type { TemplateSpot } from '../espn-ids';
import { createLeague, type LeagueInfo } from '../league';
import type { SimPlayer } from '../players';
import { sportNamed } from '../sports';
import { Rng } from '../rng';
import { clockFrameFor, msRemaining } from '../rules/clock';
import { parseClientCommand } from '../rules/client-command';
import { FRAME, encodeMessage } from '../rules/frames';
import { planPick } from '../rules/pick-plan';
import { autosuggest, chooseHuman, type PoolView } from '../rules/player-choice';
import { emptyRoster, spotFor } from '../rules/roster-spot';
import { checkSelect } from '../rules/select-check';
import { snakeSlots, type DraftSlot } from '../rules/snake-order';
import { auctionSlots } from '../rules/auction-order';
import { AuctionRunner } from './auction-runner';
import { RealScheduler, type Scheduler, type TimerHandle } from '../scheduler';
import { resolveEngineOptions, type EngineOptions, type ResolvedEngineOptions } from './defaults';
import type { ClientReply, DraftPhase, EngineEvent, TruthPick } from './events';
import { placeKeepers } from './keepers';
import { PickLedger } from './pick-ledger';
import { PresenceChurn } from './presence';
import type { TeamState } from './team-state';
import { TickGrid } from './tick-grid';
import { PausableTimers, type Timer } from './timers';

export type { EngineOptions } from './defaults';
export type { ClientReply, DraftPhase, EngineEvent, TruthPick } from './events';

interface ActivePick {
  index: number;
  teamId: number;
  startedAt: number;
  timer: Timer | null;
  /** A SELECT was accepted; its SELECTED is on the way. */
  pendingSelect: boolean;
}

export class DraftEngine {
  readonly league: LeagueInfo;
  readonly players: SimPlayer[];
  readonly playersById: Map<number, SimPlayer>;
  readonly slots: DraftSlot[];
  readonly opts: ResolvedEngineOptions;

  private readonly sched: Scheduler;
  private readonly timers: PausableTimers;
  private readonly pickRng: Rng;
  private readonly choiceRng: Rng;
  private readonly presenceRng: Rng;
  private readonly listeners = new Set<(e: EngineEvent) => void>();
  private readonly teamState = new Map<number, TeamState>();
  private ledger: PickLedger;
  private pool: PoolView;
  private phaseValue: DraftPhase = 'pre_draft';
  private active: ActivePick | null = null;
  private started = false;
  private stopped = false;
  private paused = false;
  private pausedClockMs = 0;
  private pausedAt = 0;
  private readonly ticks: TickGrid;
  private readonly presence: PresenceChurn;
  private postDraftTimer: TimerHandle | null = null;
  private completeWaiters: Array<() => void> = [];
  private draftDateValue: number;
  /** Runs the lots when draftType is 'auction'; null in a snake draft. */
  private readonly auction: AuctionRunner | null;
  private readonly earlierDrafts: TruthPick[][] = [];

  constructor(options: Partial<EngineOptions> = {}, scheduler: Scheduler = new RealScheduler()) {
    this.opts = resolveEngineOptions(options);
    const { seed, myTeamId } = this.opts;
    this.sched = scheduler;
    this.timers = new PausableTimers(scheduler);
    this.ticks = new TickGrid(scheduler, this.opts.clockTickMs, () => this.tick());
    this.presence = new PresenceChurn({
      teams: this.teamState,
      timers: this.timers,
      phase: () => this.phaseValue,
      emitFrame: (frame) => this.emitFrame(frame),
    });
    const root = new Rng(seed);
    this.pickRng = root.fork('picks');
    this.choiceRng = root.fork('choice');
    this.presenceRng = root.fork('presence');

    this.league = createLeague({
      seed,
      leagueId: this.opts.leagueId,
      seasonId: this.opts.seasonId,
      teams: this.opts.teams,
      rounds: this.opts.rounds,
      myTeamId,
      draftOrder: this.opts.draftOrder,
      unownedTeamIds: this.opts.unownedTeamIds,
      privateLeague: this.opts.privateLeague,
      leagueName: this.opts.leagueName,
      sport: this.opts.sport,
    });
    const sport = sportNamed(this.opts.sport);
    this.players = sport.playerPool(this.opts.playerPoolSeed);
    this.playersById = new Map(this.players.map((p) => [p.id, p]));
    this.slots = this.opts.draftType === 'auction' ? auctionSlots(this.league.draftOrder, this.opts.rounds) : snakeSlots(this.league.draftOrder, this.opts.rounds);
    this.ledger = new PickLedger(this.slots);
    this.pool = { players: this.players, playersById: this.playersById, drafted: this.ledger.draftedPlayers, rules: sport.rules };
    this.draftDateValue = scheduler.now() + this.opts.preDraftMs;

    for (const team of this.league.teams) {
      this.teamState.set(team.teamId, {
        team,
        // Before anyone connects: members are "in the room" except the ones churn says otherwise.
        online: team.memberSwid !== null && team.teamId !== myTeamId,
        autodraft: team.memberSwid === null,
        sockets: 0,
        queue: [],
        ...emptyRoster(this.league.rosterTemplate),
      });
    }
    if (this.opts.presenceChurn) {
      this.presence.plan(this.presenceRng, {
        memberTeamIds: this.league.teams.filter((t) => t.memberSwid !== null).map((t) => t.teamId),
        myTeamId,
        teamCount: this.league.teams.length,
        totalPicks: this.slots.length,
        preDraftMs: this.opts.preDraftMs,
      });
    }
    placeKeepers(this.opts.keepers ?? [], { slots: this.slots, ledger: this.ledger, teams: this.teamState, template: this.template, pool: this.pool });
    this.auction = this.opts.draftType === 'auction' ? this.createAuction(root.fork('auction')) : null;
  }

  private createAuction(rng: Rng): AuctionRunner {
    if ((this.opts.keepers ?? []).length > 0) throw new RangeError('keepers are not modelled in an auction');
    return new AuctionRunner({
      opts: this.opts,
      slots: this.slots,
      nominationOrder: this.league.draftOrder,
      teams: this.teamState,
      template: this.template,
      pool: this.pool,
      ledger: this.ledger,
      timers: this.timers,
      rng,
      now: () => this.sched.now(),
      emitFrame: (frame) => this.emitFrame(frame),
      emitTeamFrame: (teamId, frame) => this.emit({ type: 'team-frame', teamId, frame }),
      onSold: (pick) => {
        this.emit({ type: 'pick', pick });
        if (this.ledger.nextOpenIndex() !== null) this.presence.runAfterPick(pick.overallPick);
      },
      onFinished: () => this.finishDraft(),
      stopped: () => this.stopped,
    });
  }

  // ---------------------------------------------------------------- public queries

  /** Scheduled start (INIT draftDate), epoch ms of the scheduler's clock; fixed by start(). */
  get draftDate(): number {
    return this.draftDateValue;
  }

  get phase(): DraftPhase {
    return this.phaseValue;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  get template(): TemplateSpot[] {
    return this.league.rosterTemplate;
  }

  /** Picks made so far (keepers included), in overall order. */
  truth(): TruthPick[] {
    return this.ledger.truth();
  }

  /** The picks of every draft a commissioner reset ended (see reset()), oldest first. */
  truthBeforeResets(): TruthPick[][] {
    return this.earlierDrafts.map((picks) => picks.map((p) => ({ ...p })));
  }

  /** Picks made so far (keepers included). */
  get pickCount(): number {
    return this.ledger.size;
  }

  get totalPicks(): number {
    return this.slots.length;
  }

  /** The team on the clock (between SELECTING and SELECTED), if any. */
  get onTheClock(): { teamId: number; overallPick: number; msRemaining: number } | null {
    if (!this.active) return null;
    return { teamId: this.active.teamId, overallPick: this.active.index + 1, msRemaining: this.msRemaining() };
  }

  teamStatus(teamId: number): { online: boolean; autodraft: boolean; queue: number[] } | null {
    const s = this.teamState.get(teamId);
    return s ? { online: s.online, autodraft: s.autodraft, queue: [...s.queue] } : null;
  }

  onEvent(fn: (e: EngineEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  whenComplete(): Promise<void> {
    if (this.phaseValue === 'complete') return Promise.resolve();
    return new Promise((resolve) => this.completeWaiters.push(resolve));
  }

  /** The CLOCK frame describing the current state (sent in the join sequence). */
  clockFrame(): string {
    const auctionClock = this.phaseValue === 'live' && !this.paused ? (this.auction?.clockFrame() ?? null) : null;
    if (auctionClock !== null) return auctionClock;
    const next = this.ledger.nextOpenIndex();
    return clockFrameFor({
      paused: this.paused,
      phase: this.phaseValue,
      msToStart: this.draftDate - this.sched.now(),
      onTheClock: this.active ? { teamId: this.active.teamId, msRemaining: this.msRemaining() } : null,
      nextTeamId: next === null ? null : (this.slots[next]?.teamId ?? null),
      timePerSelectionMs: this.opts.timePerSelectionMs,
    });
  }

  /** Who ESPN would autopick for this team now: top of its queue, else its best legal player. */
  autosuggest(teamId: number): number {
    return autosuggest(this.template, this.pool, this.teamState.get(teamId));
  }

  /** Options for buildInitSnapshot: the room as a socket joining for `forTeamId` sees it now. */
  initOptions(forTeamId: number): {
    leagueId: number;
    myTeamId: number;
    teamIds: number[];
    rounds: number;
    state: number;
    draftDate: number;
    timePerSelectionMs: number;
    rosterTemplate: number[];
    picks: Array<{ overallPick: number; playerId: number; spot: number; keeper: boolean; teamId: number; bidAmount: number; nominatingTeamId: number }>;
    autodraftTeamIds: number[];
    draftType: 'snake' | 'auction';
    onlineTeamIds: number[];
  } {
    const states = [...this.teamState.values()];
    return {
      leagueId: this.league.leagueId,
      myTeamId: forTeamId,
      teamIds: [...this.league.draftOrder],
      rounds: this.opts.rounds,
      state: this.phaseValue === 'pre_draft' ? 0 : this.phaseValue === 'live' ? 1 : 2,
      draftDate: this.draftDate,
      timePerSelectionMs: this.opts.timePerSelectionMs,
      rosterTemplate: this.league.rosterTemplate.map((s) => s.lineupSlotId),
      picks: this.truth().map((p) => ({
        overallPick: p.overallPick,
        playerId: p.playerId,
        spot: p.rosterSpot,
        keeper: p.keeper,
        teamId: p.teamId,
        bidAmount: p.price ?? 0,
        nominatingTeamId: p.nominatingTeamId ?? 0,
      })),
      draftType: this.opts.draftType,
      autodraftTeamIds: states.filter((s) => s.autodraft).map((s) => s.team.teamId),
      onlineTeamIds: states.filter((s) => s.online).map((s) => s.team.teamId),
    };
  }

  // ---------------------------------------------------------------- lifecycle

  start(): void {
    if (this.started) return;
    this.started = true;
    this.draftDateValue = this.sched.now() + this.opts.preDraftMs;
    this.presence.armLobby();
    this.ticks.start();
    this.timers.later(this.opts.preDraftMs, () => this.beginDraft());
  }

  stop(): void {
    this.stopped = true;
    this.timers.stop();
    this.ticks.stop();
    this.sched.clearTimeout(this.postDraftTimer);
  }

  /**
   * Commissioner pause: every pending engine timer freezes (pick clock included) and ticks send a
   * bare `CLOCK`. [UNKNOWN] whether ESPN also sends a STATE frame; the sim sends none.
   */
  pause(): void {
    if (this.paused || this.phaseValue !== 'live') return;
    this.paused = true;
    this.pausedAt = this.sched.now();
    this.pausedClockMs = this.msRemaining();
    this.timers.pause();
    this.emitFrame(FRAME.clockPaused());
  }

  /** Ends a pause: timers resume with the time they had left; a `CLOCK 6` announces the clock. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.active) this.active.startedAt = this.sched.now() - (this.opts.timePerSelectionMs - this.pausedClockMs);
    this.auction?.resumeAfter(this.sched.now() - this.pausedAt);
    this.timers.resume();
    if (this.active) this.emitFrame(FRAME.clockPick(this.msRemaining(), this.active.teamId));
    const auctionClock = this.auction?.clockFrame() ?? null;
    if (auctionClock !== null) this.emitFrame(auctionClock);
  }

  /**
   * Commissioner reset (RESET, protocol.md §3.1): every socket gets `RESET`, every pick (and each
   * member's queue) is gone and the keepers are placed again. `resetRestartMs` later the restarted
   * room opens: every open socket is sent its fresh INIT (`snapshot` event) and a new lobby
   * countdown of `preDraftMs` leads to pick 1; a socket that joins meanwhile gets the empty room's
   * INIT at once. [UNKNOWN] what ESPN really does after RESET: how long it takes, whether the room
   * goes back to the lobby or straight to pick 1, and whether a socket that stays open is sent a
   * new INIT (the extension must cope either way: it reloads the tab when no INIT comes). The
   * random streams go on, so the restarted draft differs from the one it replaces.
   */
  reset(): void {
    if (this.stopped || !this.started) return;
    // The auction runner keeps budgets and lots of its own; restarting them is not simulated yet.
    if (this.auction) throw new RangeError('reset() of an auction draft is not simulated');
    this.earlierDrafts.push(this.truth());
    this.timers.cancelAll();
    this.ticks.stop();
    this.sched.clearTimeout(this.postDraftTimer);
    this.postDraftTimer = null;
    this.paused = false;
    this.active = null;
    this.emitFrame(FRAME.reset());
    this.ledger = new PickLedger(this.slots);
    this.pool = { players: this.players, playersById: this.playersById, drafted: this.ledger.draftedPlayers };
    for (const st of this.teamState.values()) Object.assign(st, emptyRoster(this.template), { queue: [] });
    placeKeepers(this.opts.keepers ?? [], { slots: this.slots, ledger: this.ledger, teams: this.teamState, template: this.template, pool: this.pool });
    this.setPhase('pre_draft');
    this.started = false;
    this.draftDateValue = this.sched.now() + this.opts.resetRestartMs + this.opts.preDraftMs;
    this.timers.later(this.opts.resetRestartMs, () => {
      this.start();
      if (this.opts.resetSendsInit) this.emit({ type: 'snapshot' });
    });
  }

  // ---------------------------------------------------------------- socket presence (from the socket layer)

  /**
   * A socket for `teamId` is joining. Returns false for an unknown or unowned team. The socket
   * layer then sends the join sequence; `AUTODRAFT T false` and `JOINED` are broadcast by it.
   */
  socketJoined(teamId: number): boolean {
    const st = this.teamState.get(teamId);
    if (!st || !st.team.memberSwid) return false;
    st.sockets++;
    st.online = true;
    st.autodraft = false;
    return true;
  }

  /** A socket of `teamId` closed. Autodraft stays as it was (as in the captures). */
  socketLeft(teamId: number): void {
    const st = this.teamState.get(teamId);
    if (!st) return;
    st.sockets = Math.max(0, st.sockets - 1);
    if (st.sockets === 0) st.online = false;
  }

  // ---------------------------------------------------------------- client frames

  /** Handles a frame from a socket of `teamId` (already without the trailing "\n"). */
  clientFrame(teamId: number, text: string): ClientReply[] {
    const command = parseClientCommand(text);
    const st = this.teamState.get(teamId);
    if (!st || !command) return [];
    switch (command.kind) {
      case 'select':
        return this.handleSelect(st, command.playerArg);
      case 'autodraft':
        this.setAutodraft(st, command.on);
        return [];
      case 'draft-list':
        st.queue = command.queue;
        return [
          { frame: FRAME.draftList(st.queue), delayMs: 0 },
          { frame: FRAME.autosuggest(this.autosuggest(teamId)), delayMs: 0 },
        ];
    }
  }

  private handleSelect(st: TeamState, playerArg: string | undefined): ClientReply[] {
    const active = this.active;
    const check = checkSelect(
      {
        teamId: st.team.teamId,
        live: this.phaseValue === 'live',
        onTheClock: active ? { teamId: active.teamId, pendingSelect: active.pendingSelect } : null,
        paused: this.paused,
      },
      this.template,
      this.pool,
      st,
      playerArg,
    );
    if (!check.ok) return [{ frame: FRAME.error(encodeMessage(check.message)), delayMs: 0 }];
    if (!active) return [];
    this.timers.cancel(active.timer);
    active.pendingSelect = true;
    active.timer = this.timers.later(this.opts.selectLatencyMs, () => {
      if (this.active !== active) return;
      this.makePick(check.player, 'human');
    });
    return [];
  }

  private setAutodraft(st: TeamState, on: boolean): void {
    if (st.autodraft === on) {
      this.emitFrame(FRAME.autodraft(st.team.teamId, on));
      return;
    }
    st.autodraft = on;
    this.emitFrame(FRAME.autodraft(st.team.teamId, on));
    // Turning autodraft on while on the clock makes ESPN pick soon.
    const active = this.active;
    if (on && active && active.teamId === st.team.teamId && !active.pendingSelect && !this.paused) {
      this.timers.cancel(active.timer);
      active.timer = this.timers.later(this.opts.autoPickDelayMs, () => this.autoPick(active, false));
    }
  }

  // ---------------------------------------------------------------- the pick cycle

  private beginDraft(): void {
    if (this.stopped || this.phaseValue !== 'pre_draft') return;
    this.setPhase('live');
    this.emitFrame(FRAME.state(1));
    const auction = this.auction;
    if (auction) this.timers.later(this.opts.selectingGapMs, () => auction.nextLot());
    else this.timers.later(this.opts.selectingGapMs, () => this.beginNextPick());
  }

  private beginNextPick(): void {
    if (this.stopped) return;
    const index = this.ledger.nextOpenIndex();
    if (index === null) return this.finishDraft();
    const slot = this.slots[index]!;
    const st = this.teamState.get(slot.teamId)!;
    const active: ActivePick = { index, teamId: slot.teamId, startedAt: this.sched.now(), timer: null, pendingSelect: false };
    this.active = active;
    this.emitFrame(FRAME.selecting(slot.teamId, this.opts.timePerSelectionMs));

    const draws = { timeout: this.pickRng.next(), delay: this.pickRng.next() };
    const picker = { autodraft: st.autodraft, owned: st.team.memberSwid !== null, online: st.online, isMyTeam: slot.teamId === this.opts.myTeamId };
    const plan = planPick(picker, this.opts, draws);
    if (plan.kind === 'autodraft') active.timer = this.timers.later(plan.delayMs, () => this.autoPick(active, false));
    else if (plan.kind === 'clock-expires') active.timer = this.timers.later(plan.delayMs, () => this.autoPick(active, true));
    else {
      active.timer = this.timers.later(plan.delayMs, () => {
        if (this.active !== active) return;
        this.makePick(chooseHuman(this.template, this.pool, st, this.choiceRng.next()), 'human');
      });
    }
  }

  /** ESPN picks for the team: queue top, else best legal player. `expired`: the clock ran out. */
  private autoPick(active: ActivePick, expired: boolean): void {
    if (this.active !== active || this.stopped) return;
    const st = this.teamState.get(active.teamId)!;
    if (expired) {
      st.autodraft = true;
      this.emitFrame(FRAME.autodraft(active.teamId, true));
    }
    const player = this.playersById.get(this.autosuggest(active.teamId));
    if (!player) throw new Error('player pool exhausted');
    this.makePick(player, 'auto');
    if (expired && st.sockets === 0 && st.team.teamId !== this.opts.myTeamId) this.presence.returnAfterTimeout(st, this.opts.returnAfterTimeoutMs);
  }

  private makePick(player: SimPlayer, by: 'human' | 'auto'): void {
    const active = this.active;
    if (!active) return;
    const st = this.teamState.get(active.teamId)!;
    const spot = spotFor(this.template, st, player, this.pool.rules);
    if (spot === null || this.ledger.draftedPlayers.has(player.id)) throw new Error(`illegal pick ${player.id} for team ${active.teamId}`);
    this.active = null;
    const slot = this.slots[active.index]!;
    const pick = this.ledger.record(slot, st, player, spot, false, by === 'auto');
    this.emitFrame(FRAME.selected(slot.teamId, player.id, spot, by === 'human' ? st.team.memberSwid : null));
    this.emit({ type: 'pick', pick });

    if (this.ledger.nextOpenIndex() === null) return this.finishDraft();
    this.emit({ type: 'autosuggest' });
    this.presence.runAfterPick(slot.overallPick);
    this.timers.later(this.opts.selectingGapMs, () => this.beginNextPick());
  }

  private finishDraft(): void {
    if (this.phaseValue === 'complete') return;
    this.active = null;
    this.emitFrame(FRAME.state(2));
    this.setPhase('complete');
    this.ticks.stop();
    const post = (): void => {
      if (this.stopped) return;
      this.emitFrame(FRAME.clockComplete());
      this.postDraftTimer = this.sched.setTimeout(post, this.opts.postDraftClockMs);
    };
    this.postDraftTimer = this.sched.setTimeout(post, this.opts.postDraftClockMs);
    const waiters = this.completeWaiters;
    this.completeWaiters = [];
    for (const w of waiters) w();
  }

  // ---------------------------------------------------------------- clock ticks

  /** One CLOCK tick; pauses do not move the grid, they change the frame. False: stop ticking. */
  private tick(): boolean {
    if (this.stopped || this.phaseValue === 'complete') return false;
    if (this.paused) this.emitFrame(FRAME.clockPaused());
    else if (this.phaseValue === 'pre_draft') {
      const ms = this.draftDate - this.sched.now();
      if (ms > 0) this.emitFrame(FRAME.clockLobby(ms));
    } else if (this.auction) {
      const frame = this.auction.clockFrame();
      if (frame !== null) this.emitFrame(frame);
    } else if (this.active && !this.active.pendingSelect) {
      this.emitFrame(FRAME.clockPick(this.msRemaining(), this.active.teamId));
    }
    return true;
  }

  private msRemaining(): number {
    if (!this.active) return 0;
    if (this.paused) return this.pausedClockMs;
    return msRemaining(this.opts.timePerSelectionMs, this.active.startedAt, this.sched.now());
  }

  // ---------------------------------------------------------------- plumbing

  private setPhase(phase: DraftPhase): void {
    this.phaseValue = phase;
    this.emit({ type: 'phase', phase });
  }

  /** `frame` ends in "\n" (see rules/frames.ts). */
  private emitFrame(frame: string): void {
    this.emit({ type: 'frame', frame });
  }

  private emit(e: EngineEvent): void {
    for (const fn of this.listeners) fn(e);
  }
}
