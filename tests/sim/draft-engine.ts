/**
 * The simulated ESPN draft: league state, pick clock, pick choices and the text frames ESPN
 * broadcasts (protocol.md §3, order per §3.5). No transport here: the server subscribes to
 * `onEvent` and feeds client frames in through `clientFrame`. Deterministic for a seed as long
 * as no client intervenes (SELECT / AUTODRAFT / DRAFT_LIST from a socket).
 */
import { POSITION_ID, POSITION_LIMITS, SLOT, STARTER_SLOT, type TemplateSpot } from './espn-ids';
import { createLeague, snakeSlots, type LeagueInfo, type SimTeam } from './league';
import { generatePlayerPool, type SimPlayer } from './players';
import { Rng } from './rng';
import { RealScheduler, type Scheduler, type TimerHandle } from './scheduler';

export type DraftPhase = 'pre_draft' | 'live' | 'complete';

/** One pick as the engine made it: the ground truth an exporter must reproduce. */
export interface TruthPick {
  overallPick: number;
  round: number;
  roundPick: number;
  teamId: number;
  playerId: number;
  playerName: string;
  /** QB, RB, WR, TE, K or D/ST. */
  position: string;
  /** Pro team abbreviation, e.g. "CIN". */
  proTeam: string;
  /** 1-based roster spot (SELECTED's 4th field). */
  rosterSpot: number;
  keeper: boolean;
  /** True when ESPN picked (no SWID in SELECTED): autodraft, bot/unowned team, or clock expiry. */
  autopick: boolean;
}

export interface EngineOptions {
  seed: number | string;
  leagueId: number;
  seasonId: number;
  teams: number;
  rounds: number;
  myTeamId: number;
  /** Round-1 order of team ids; default 1…teams. */
  draftOrder?: number[];
  /** Average time a human takes to pick. Default 10 000 ms (≈ the captures). */
  pickIntervalMs: number;
  /** Server CLOCK tick. Default 5 000 ms. */
  clockTickMs: number;
  /** Lobby time before STATE 1. */
  preDraftMs: number;
  /** The pick clock sent in SELECTING / INIT. Default 3 × pickIntervalMs (30 s at real pace). */
  timePerSelectionMs?: number;
  /** CLOCK 4 period after the draft. Default 4 × clockTickMs (20 s at real pace). */
  postDraftClockMs?: number;
  /** Bot / autodraft teams pick this long after SELECTING. Default ≈1.3 s scaled to pace. */
  autoPickDelayMs?: number;
  /** SELECTED → next SELECTING gap. Default ≈0.22 s scaled to pace. */
  selectingGapMs?: number;
  /** SELECT → SELECTED latency. Default ≈0.25 s scaled to pace. */
  selectLatencyMs?: number;
  /** Share of online humans whose clock runs out (AUTODRAFT T true, then SELECTED without SWID). Default 0.04. */
  timeoutRate?: number;
  /**
   * Who makes my team's picks. `engine` (default): the engine picks for me as a human (with my
   * SWID) whether or not a socket is connected. `client`: only a SELECT from my socket (or the
   * clock expiring) makes my pick.
   */
  myPicks?: 'engine' | 'client';
  /** Teams with no member (bots). Default: one team when there are ≥ 6 teams. */
  unownedTeamIds?: number[];
  /** Other members joining/leaving (JOINED / LEFT / AUTODRAFT) as in the captures. Default true. */
  presenceChurn?: boolean;
  /** Keeper slots, pre-filled before the draft: the team's pick in that round. */
  keepers?: Array<{ teamId: number; round: number; playerId?: number }>;
  privateLeague?: boolean;
  leagueName?: string;
}

export type EngineEvent =
  /** Broadcast to every draft socket of the league. `frame` ends in "\n". */
  | { type: 'frame'; frame: string }
  /** Every socket should now get `AUTOSUGGEST <engine.autosuggest(itsTeam)>`. */
  | { type: 'autosuggest' }
  | { type: 'pick'; pick: TruthPick }
  | { type: 'phase'; phase: DraftPhase };

/** What a client frame produced for the socket that sent it (errors, echoes). */
export interface ClientReply {
  frame: string;
  /** Send after this delay (ms); 0 = now. */
  delayMs: number;
}

interface TeamState {
  team: SimTeam;
  online: boolean;
  autodraft: boolean;
  /** Sockets currently joined for this team (the server reports them). */
  sockets: number;
  queue: number[];
  /** spot - 1 → playerId or null. */
  roster: Array<number | null>;
  /** defaultPositionId → count. */
  counts: Map<number, number>;
}

interface ActivePick {
  index: number;
  teamId: number;
  startedAt: number;
  timer: Timer | null;
  /** A SELECT was accepted; its SELECTED is on the way. */
  pendingSelect: boolean;
}

/** An engine timer: survives pause/resume under the same handle. */
interface Timer {
  readonly id: number;
}

type PresenceStep = { kind: 'join' | 'leave' | 'rejoin'; teamId: number };

const REAL_PICK_MS = 10_000;

export class DraftEngine {
  readonly league: LeagueInfo;
  readonly players: SimPlayer[];
  readonly playersById: Map<number, SimPlayer>;
  readonly slots: Array<{ overallPick: number; round: number; roundPick: number; teamId: number }>;
  readonly opts: Required<Omit<EngineOptions, 'draftOrder' | 'keepers' | 'leagueName' | 'unownedTeamIds'>> &
    Pick<EngineOptions, 'draftOrder' | 'keepers' | 'leagueName'> & { unownedTeamIds: number[] };

  private readonly sched: Scheduler;
  private readonly pickRng: Rng;
  private readonly choiceRng: Rng;
  private readonly presenceRng: Rng;
  private readonly listeners = new Set<(e: EngineEvent) => void>();
  private readonly teamState = new Map<number, TeamState>();
  private readonly drafted = new Map<number, TruthPick>(); // overallPick → pick
  private readonly draftedPlayers = new Set<number>();
  private readonly timers = new Map<number, { dueAt: number; fn: () => void; h: TimerHandle | null; remaining: number }>();
  private nextTimerId = 1;
  private phaseValue: DraftPhase = 'pre_draft';
  private active: ActivePick | null = null;
  private started = false;
  private stopped = false;
  private paused = false;
  private pausedClockMs = 0;
  private tickTimer: TimerHandle | null = null;
  private tickCount = 0;
  private tickOrigin = 0;
  private postDraftTimer: TimerHandle | null = null;
  private completeWaiters: Array<() => void> = [];
  /** Presence changes tied to pick numbers (keeps churn deterministic during the draft). */
  private readonly presenceAfterPick = new Map<number, PresenceStep[]>();
  /** Teams that left and rejoin after their next (timed-out) pick. */
  private readonly rejoinAfterOwnPick = new Set<number>();
  /** Lobby presence changes, armed by start(): ms after start → action. */
  private readonly lobbyEvents: Array<{ at: number; fn: () => void }> = [];
  private draftDateValue: number;

  constructor(options: Partial<EngineOptions> = {}, scheduler: Scheduler = new RealScheduler()) {
    const teams = options.teams ?? 10;
    const pickIntervalMs = options.pickIntervalMs ?? REAL_PICK_MS;
    const scale = Math.min(1, pickIntervalMs / REAL_PICK_MS);
    const clockTickMs = options.clockTickMs ?? 5_000;
    const myTeamId = options.myTeamId ?? Math.min(2, teams);
    const seed = options.seed ?? 1;
    const unowned =
      options.unownedTeamIds ??
      (teams >= 6 ? [new Rng(seed).fork('unowned').pick(Array.from({ length: teams }, (_, i) => i + 1).filter((t) => t !== myTeamId))] : []);
    this.opts = {
      seed,
      leagueId: options.leagueId ?? 123456789,
      seasonId: options.seasonId ?? 2026,
      teams,
      rounds: options.rounds ?? 16,
      myTeamId,
      draftOrder: options.draftOrder,
      pickIntervalMs,
      clockTickMs,
      preDraftMs: options.preDraftMs ?? 20_000,
      timePerSelectionMs: options.timePerSelectionMs ?? Math.max(3, Math.round(pickIntervalMs * 3)),
      postDraftClockMs: options.postDraftClockMs ?? clockTickMs * 4,
      autoPickDelayMs: options.autoPickDelayMs ?? Math.max(1, Math.round(1_300 * scale)),
      selectingGapMs: options.selectingGapMs ?? Math.max(1, Math.round(220 * scale)),
      selectLatencyMs: options.selectLatencyMs ?? Math.max(1, Math.round(250 * scale)),
      timeoutRate: options.timeoutRate ?? 0.04,
      myPicks: options.myPicks ?? 'engine',
      unownedTeamIds: unowned,
      presenceChurn: options.presenceChurn ?? true,
      keepers: options.keepers,
      privateLeague: options.privateLeague ?? false,
      leagueName: options.leagueName,
    };
    if (this.opts.timePerSelectionMs <= 1) throw new RangeError('timePerSelectionMs must be > 1');

    this.sched = scheduler;
    const root = new Rng(seed);
    this.pickRng = root.fork('picks');
    this.choiceRng = root.fork('choice');
    this.presenceRng = root.fork('presence');

    this.league = createLeague({
      seed,
      leagueId: this.opts.leagueId,
      seasonId: this.opts.seasonId,
      teams,
      rounds: this.opts.rounds,
      myTeamId,
      draftOrder: this.opts.draftOrder,
      unownedTeamIds: unowned,
      privateLeague: this.opts.privateLeague,
      leagueName: this.opts.leagueName,
    });
    this.players = generatePlayerPool(seed);
    this.playersById = new Map(this.players.map((p) => [p.id, p]));
    this.slots = snakeSlots(this.league.draftOrder, this.opts.rounds);
    this.draftDateValue = scheduler.now() + this.opts.preDraftMs;

    for (const team of this.league.teams) {
      this.teamState.set(team.teamId, {
        team,
        // Before anyone connects: members are "in the room" except the ones churn says otherwise.
        online: team.memberSwid !== null && team.teamId !== myTeamId,
        autodraft: team.memberSwid === null,
        sockets: 0,
        queue: [],
        roster: this.league.rosterTemplate.map(() => null),
        counts: new Map(),
      });
    }
    this.planPresence();
    this.placeKeepers();
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
    return [...this.drafted.values()].sort((a, b) => a.overallPick - b.overallPick).map((p) => ({ ...p }));
  }

  /** Picks made so far (keepers included). */
  get pickCount(): number {
    return this.drafted.size;
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
    if (this.paused) return 'CLOCK\n';
    if (this.phaseValue === 'pre_draft') return `CLOCK 0 ${Math.max(0, this.draftDate - this.sched.now())}\n`;
    if (this.phaseValue === 'complete') return 'CLOCK 4\n';
    if (this.active) return `CLOCK 6 ${this.msRemaining()} ${this.active.teamId}\n`;
    const next = this.nextOpenIndex();
    const slot = next === null ? null : this.slots[next];
    return slot ? `CLOCK 6 ${this.opts.timePerSelectionMs} ${slot.teamId}\n` : 'CLOCK 4\n';
  }

  /** Who ESPN would autopick for this team now: top of its queue, else its best legal player. */
  autosuggest(teamId: number): number {
    const st = this.teamState.get(teamId);
    if (!st) return this.players.find((p) => !this.draftedPlayers.has(p.id))?.id ?? -1;
    const queued = st.queue.find((id) => {
      const p = this.playersById.get(id);
      return p !== undefined && !this.draftedPlayers.has(id) && this.spotFor(st, p) !== null;
    });
    if (queued !== undefined) return queued;
    return this.bestFor(st, 1)[0]?.id ?? this.players.find((p) => !this.draftedPlayers.has(p.id))?.id ?? -1;
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
    picks: Array<{ overallPick: number; playerId: number; spot: number; keeper: boolean }>;
    autodraftTeamIds: number[];
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
      picks: this.truth().map((p) => ({ overallPick: p.overallPick, playerId: p.playerId, spot: p.rosterSpot, keeper: p.keeper })),
      autodraftTeamIds: states.filter((s) => s.autodraft).map((s) => s.team.teamId),
      onlineTeamIds: states.filter((s) => s.online).map((s) => s.team.teamId),
    };
  }

  // ---------------------------------------------------------------- lifecycle

  start(): void {
    if (this.started) return;
    this.started = true;
    this.tickOrigin = this.sched.now();
    this.draftDateValue = this.tickOrigin + this.opts.preDraftMs;
    for (const e of this.lobbyEvents) this.later(e.at, e.fn);
    this.scheduleTick();
    this.later(this.opts.preDraftMs, () => this.beginDraft());
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) this.sched.clearTimeout(t.h);
    this.timers.clear();
    this.sched.clearTimeout(this.tickTimer);
    this.sched.clearTimeout(this.postDraftTimer);
  }

  /**
   * Commissioner pause: every pending engine timer freezes (pick clock included) and ticks send a
   * bare `CLOCK`. [UNKNOWN] whether ESPN also sends a STATE frame; the sim sends none.
   */
  pause(): void {
    if (this.paused || this.phaseValue !== 'live') return;
    this.paused = true;
    this.pausedClockMs = this.msRemaining();
    const now = this.sched.now();
    for (const t of this.timers.values()) {
      this.sched.clearTimeout(t.h);
      t.h = null;
      t.remaining = Math.max(0, t.dueAt - now);
    }
    this.emitFrame('CLOCK');
  }

  /** Ends a pause: timers resume with the time they had left; a `CLOCK 6` announces the clock. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.active) this.active.startedAt = this.sched.now() - (this.opts.timePerSelectionMs - this.pausedClockMs);
    for (const [id, t] of this.timers) this.arm(id, t.remaining);
    if (this.active) this.emitFrame(`CLOCK 6 ${this.msRemaining()} ${this.active.teamId}`);
  }

  // ---------------------------------------------------------------- socket presence (from the server)

  /**
   * A socket for `teamId` is joining. Returns false for an unknown or unowned team. The server
   * then sends the join sequence; `AUTODRAFT T false` and `JOINED` are broadcast by it.
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
    const [command = '', ...args] = text.split(' ');
    const st = this.teamState.get(teamId);
    if (!st) return [];
    switch (command) {
      case 'SELECT':
        return this.handleSelect(st, args[0]);
      case 'AUTODRAFT': {
        if (args[0] !== 'true' && args[0] !== 'false') return [];
        this.setAutodraft(st, args[0] === 'true');
        return [];
      }
      case 'DRAFT_LIST': {
        st.queue = args.filter((a) => a !== '').map(Number).filter((n) => Number.isInteger(n));
        return [
          { frame: `DRAFT_LIST${st.queue.length ? ' ' + st.queue.join(' ') : ''}\n`, delayMs: 0 },
          { frame: `AUTOSUGGEST ${this.autosuggest(teamId)}\n`, delayMs: 0 },
        ];
      }
      default:
        return [];
    }
  }

  private handleSelect(st: TeamState, arg: string | undefined): ClientReply[] {
    const teamId = st.team.teamId;
    const playerId = Number(arg);
    const err = (msg: string): ClientReply[] => [{ frame: `ERROR 1 ${encodeMessage(msg)}\n`, delayMs: 0 }];
    if (this.phaseValue !== 'live' || !this.active) {
      // [UNKNOWN] ESPN's text when nobody is on the clock.
      return err(`Invalid selection team (${teamId}); no team is currently on the clock.`);
    }
    if (this.active.teamId !== teamId) {
      return err(`Invalid selection team (${teamId}); team ${this.active.teamId} is currently on the clock.`);
    }
    if (this.paused) return err('The draft is paused.'); // [UNKNOWN] text
    if (this.active.pendingSelect) return err('A selection is already in progress.'); // [UNKNOWN] text
    const player = Number.isInteger(playerId) ? this.playersById.get(playerId) : undefined;
    if (!player || this.draftedPlayers.has(playerId)) return err(`Player ${arg ?? ''} is not available.`); // [UNKNOWN] text
    const spot = this.spotFor(st, player);
    if (spot === null) return err(`No roster spot is open for player ${playerId}.`); // [UNKNOWN] text
    const active = this.active;
    this.cancel(active.timer);
    active.pendingSelect = true;
    active.timer = this.later(this.opts.selectLatencyMs, () => {
      if (this.active !== active) return;
      this.makePick(player, 'human');
    });
    return [];
  }

  private setAutodraft(st: TeamState, on: boolean): void {
    if (st.autodraft === on) {
      this.emitFrame(`AUTODRAFT ${st.team.teamId} ${on}`);
      return;
    }
    st.autodraft = on;
    this.emitFrame(`AUTODRAFT ${st.team.teamId} ${on}`);
    // Turning autodraft on while on the clock makes ESPN pick soon.
    const active = this.active;
    if (on && active && active.teamId === st.team.teamId && !active.pendingSelect && !this.paused) {
      this.cancel(active.timer);
      active.timer = this.later(this.opts.autoPickDelayMs, () => this.autoPick(active, false));
    }
  }

  // ---------------------------------------------------------------- the draft

  private beginDraft(): void {
    if (this.stopped || this.phaseValue !== 'pre_draft') return;
    this.setPhase('live');
    this.emitFrame('STATE 1');
    this.later(this.opts.selectingGapMs, () => this.beginNextPick());
  }

  private nextOpenIndex(): number | null {
    for (let i = 0; i < this.slots.length; i++) if (!this.drafted.has(i + 1)) return i;
    return null;
  }

  private beginNextPick(): void {
    if (this.stopped) return;
    const index = this.nextOpenIndex();
    if (index === null) return this.finishDraft();
    const slot = this.slots[index]!;
    const st = this.teamState.get(slot.teamId)!;
    const active: ActivePick = { index, teamId: slot.teamId, startedAt: this.sched.now(), timer: null, pendingSelect: false };
    this.active = active;
    this.emitFrame(`SELECTING ${slot.teamId} ${this.opts.timePerSelectionMs}`);

    // Two draws per pick whatever happens, so the stream stays aligned.
    const rTimeout = this.pickRng.next();
    const rDelay = this.pickRng.next();
    const clock = this.opts.timePerSelectionMs;
    const isMe = slot.teamId === this.opts.myTeamId;

    if (st.autodraft || !st.team.memberSwid) {
      const delay = Math.min(clock - 1, Math.round(this.opts.autoPickDelayMs * (0.95 + 0.2 * rDelay)));
      active.timer = this.later(delay, () => this.autoPick(active, false));
    } else if (isMe && this.opts.myPicks === 'client') {
      active.timer = this.later(clock, () => this.autoPick(active, true));
    } else if ((!st.online && !isMe) || (!isMe && rTimeout < this.opts.timeoutRate)) {
      active.timer = this.later(clock, () => this.autoPick(active, true));
    } else {
      const delay = Math.max(1, Math.min(clock - 1, Math.round(this.opts.pickIntervalMs * (0.35 + 1.3 * rDelay))));
      active.timer = this.later(delay, () => {
        if (this.active !== active) return;
        const player = this.chooseHuman(st);
        this.makePick(player, 'human');
      });
    }
  }

  /** ESPN picks for the team: queue top, else best legal player. `expired`: the clock ran out. */
  private autoPick(active: ActivePick, expired: boolean): void {
    if (this.active !== active || this.stopped) return;
    const st = this.teamState.get(active.teamId)!;
    if (expired) {
      st.autodraft = true;
      this.emitFrame(`AUTODRAFT ${active.teamId} true`);
    }
    const player = this.playersById.get(this.autosuggest(active.teamId));
    if (!player) throw new Error('player pool exhausted');
    this.makePick(player, 'auto');
    if (expired && st.sockets === 0 && st.team.teamId !== this.opts.myTeamId) {
      // A member who was in the room (or returns now) switches autodraft off again, as in session A.
      const teamId = st.team.teamId;
      this.later(Math.max(1, Math.round(2_000 * Math.min(1, this.opts.pickIntervalMs / REAL_PICK_MS))), () => {
        if (this.phaseValue === 'complete' || st.sockets > 0 || !st.team.memberSwid) return;
        if (this.rejoinAfterOwnPick.delete(teamId) && !st.online) {
          st.online = true;
          this.emitFrame(`JOINED ${teamId} ${st.team.memberSwid}`);
        }
        if (!st.online) return; // stays on autodraft until it rejoins
        st.autodraft = false;
        this.emitFrame(`AUTODRAFT ${teamId} false`);
      });
    }
  }

  private makePick(player: SimPlayer, by: 'human' | 'auto'): void {
    const active = this.active;
    if (!active) return;
    const st = this.teamState.get(active.teamId)!;
    const spot = this.spotFor(st, player);
    if (spot === null || this.draftedPlayers.has(player.id)) throw new Error(`illegal pick ${player.id} for team ${active.teamId}`);
    this.active = null;
    const slot = this.slots[active.index]!;
    const pick = this.record(slot, st, player, spot, false, by === 'auto');
    const swid = by === 'human' ? ` ${st.team.memberSwid}` : '';
    this.emitFrame(`SELECTED ${slot.teamId} ${player.id} ${spot}${swid}`);
    this.emit({ type: 'pick', pick });

    if (this.nextOpenIndex() === null) return this.finishDraft();
    this.emit({ type: 'autosuggest' });
    this.runPresenceAfterPick(slot.overallPick);
    this.later(this.opts.selectingGapMs, () => this.beginNextPick());
  }

  private record(
    slot: { overallPick: number; round: number; roundPick: number; teamId: number },
    st: TeamState,
    player: SimPlayer,
    spot: number,
    keeper: boolean,
    autopick: boolean,
  ): TruthPick {
    st.roster[spot - 1] = player.id;
    st.counts.set(player.defaultPositionId, (st.counts.get(player.defaultPositionId) ?? 0) + 1);
    this.draftedPlayers.add(player.id);
    const pick: TruthPick = {
      overallPick: slot.overallPick,
      round: slot.round,
      roundPick: slot.roundPick,
      teamId: slot.teamId,
      playerId: player.id,
      playerName: player.fullName,
      position: player.position,
      proTeam: player.proTeam,
      rosterSpot: spot,
      keeper,
      autopick,
    };
    this.drafted.set(slot.overallPick, pick);
    return pick;
  }

  private finishDraft(): void {
    if (this.phaseValue === 'complete') return;
    this.active = null;
    this.emitFrame('STATE 2');
    this.setPhase('complete');
    this.sched.clearTimeout(this.tickTimer);
    this.tickTimer = null;
    const post = (): void => {
      if (this.stopped) return;
      this.emitFrame('CLOCK 4');
      this.postDraftTimer = this.sched.setTimeout(post, this.opts.postDraftClockMs);
    };
    this.postDraftTimer = this.sched.setTimeout(post, this.opts.postDraftClockMs);
    const waiters = this.completeWaiters;
    this.completeWaiters = [];
    for (const w of waiters) w();
  }

  // ---------------------------------------------------------------- clock ticks

  private scheduleTick(): void {
    this.tickCount++;
    const at = this.tickOrigin + this.tickCount * this.opts.clockTickMs;
    this.tickTimer = this.sched.setTimeout(() => this.tick(), Math.max(0, at - this.sched.now()));
  }

  private tick(): void {
    if (this.stopped || this.phaseValue === 'complete') return;
    if (this.paused) this.emitFrame('CLOCK');
    else if (this.phaseValue === 'pre_draft') {
      const ms = this.draftDate - this.sched.now();
      if (ms > 0) this.emitFrame(`CLOCK 0 ${ms}`);
    } else if (this.active && !this.active.pendingSelect) {
      this.emitFrame(`CLOCK 6 ${this.msRemaining()} ${this.active.teamId}`);
    }
    this.scheduleTick();
  }

  private msRemaining(): number {
    if (!this.active) return 0;
    if (this.paused) return this.pausedClockMs;
    return Math.max(0, this.opts.timePerSelectionMs - (this.sched.now() - this.active.startedAt));
  }

  // ---------------------------------------------------------------- choosing players

  /** Roster spot ESPN would use: the position's starter spot, then a flex it fits, then bench. */
  private spotFor(st: TeamState, player: SimPlayer): number | null {
    const limit = POSITION_LIMITS.find((l) => l.positionId === player.defaultPositionId)?.max ?? -1;
    if (limit >= 0 && (st.counts.get(player.defaultPositionId) ?? 0) >= limit) return null;
    const template = this.league.rosterTemplate;
    const empty = (s: TemplateSpot): boolean => st.roster[s.spot - 1] === null;
    const starter = template.find((s) => empty(s) && s.lineupSlotId === STARTER_SLOT[player.position]);
    if (starter) return starter.spot;
    const flex = template.find(
      (s) => empty(s) && s.lineupSlotId !== SLOT.BENCH && s.lineupSlotId !== SLOT.IR && player.eligibleSlots.includes(s.lineupSlotId),
    );
    if (flex) return flex.spot;
    const bench = template.find((s) => empty(s) && s.lineupSlotId === SLOT.BENCH);
    return bench ? bench.spot : null;
  }

  /** Best available players for a team, realistic first (no early K/D/ST, no 3rd QB), then any legal. */
  private bestFor(st: TeamState, n: number): SimPlayer[] {
    const picksLeft = st.roster.filter((x) => x === null).length;
    const roundsLeftFactor = picksLeft <= 3;
    const count = (pos: keyof typeof POSITION_ID): number => st.counts.get(POSITION_ID[pos]) ?? 0;
    const preferred: SimPlayer[] = [];
    const legal: SimPlayer[] = [];
    for (const p of this.players) {
      if (this.draftedPlayers.has(p.id)) continue;
      if (this.spotFor(st, p) === null) continue;
      if (legal.length < n) legal.push(p);
      let ok = true;
      if (p.position === 'K' || p.position === 'D/ST') ok = roundsLeftFactor && count(p.position) === 0;
      else if (p.position === 'QB' || p.position === 'TE') ok = count(p.position) < 2;
      else ok = count(p.position) < 6;
      // Leave room for the K and D/ST starters at the end.
      const kOpen = this.openStarter(st, SLOT.K) ? 1 : 0;
      const dOpen = this.openStarter(st, SLOT.DST) ? 1 : 0;
      if (ok && p.position !== 'K' && p.position !== 'D/ST' && picksLeft <= kOpen + dOpen) ok = false;
      if (ok) {
        preferred.push(p);
        if (preferred.length >= n) break;
      }
    }
    return preferred.length > 0 ? preferred : legal;
  }

  private openStarter(st: TeamState, lineupSlotId: number): boolean {
    return this.league.rosterTemplate.some((s) => s.lineupSlotId === lineupSlotId && st.roster[s.spot - 1] === null);
  }

  private chooseHuman(st: TeamState): SimPlayer {
    const options = this.bestFor(st, 4);
    const weights = [0.5, 0.25, 0.15, 0.1].slice(0, options.length);
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.choiceRng.next() * total;
    for (let i = 0; i < options.length; i++) {
      r -= weights[i]!;
      if (r < 0) return options[i]!;
    }
    const last = options[options.length - 1];
    if (!last) throw new Error('player pool exhausted');
    return last;
  }

  // ---------------------------------------------------------------- keepers & presence

  private placeKeepers(): void {
    for (const k of this.opts.keepers ?? []) {
      const slot = this.slots.find((s) => s.teamId === k.teamId && s.round === k.round);
      if (!slot) throw new RangeError(`keeper: team ${k.teamId} has no pick in round ${k.round}`);
      if (this.drafted.has(slot.overallPick)) throw new RangeError(`keeper: pick ${slot.overallPick} is kept twice`);
      const st = this.teamState.get(k.teamId)!;
      const player = k.playerId !== undefined ? this.playersById.get(k.playerId) : this.bestFor(st, 1)[0];
      if (!player || this.draftedPlayers.has(player.id)) throw new RangeError(`keeper: player ${k.playerId} is unknown or taken`);
      const spot = this.spotFor(st, player);
      if (spot === null) throw new RangeError(`keeper: no roster spot for player ${player.id}`);
      this.record(slot, st, player, spot, true, false);
    }
  }

  /**
   * Members coming and going, as in session A: some start offline on autodraft and join during
   * the lobby (`AUTODRAFT T false` + `JOINED`), one stays away on autodraft, one leaves (`LEFT … 1`)
   * and misses its first pick (clock expiry), then returns.
   */
  private planPresence(): void {
    if (!this.opts.presenceChurn) return;
    const others = this.presenceRng.shuffle(
      this.league.teams.filter((t) => t.memberSwid !== null && t.teamId !== this.opts.myTeamId).map((t) => t.teamId),
    );
    const n = this.league.teams.length;
    const lateJoiners = others.splice(0, n >= 8 ? 2 : n >= 4 ? 1 : 0);
    const absent = others.splice(0, n >= 8 ? 1 : 0);
    const leaver = others.splice(0, n >= 5 ? 1 : 0);
    for (const t of [...lateJoiners, ...absent]) {
      const st = this.teamState.get(t)!;
      st.online = false;
      st.autodraft = true;
    }
    const pre = this.opts.preDraftMs;
    for (const t of lateJoiners) {
      const at = Math.round(pre * this.presenceRng.range(0.3, 0.8));
      const join = (): void => {
        const st = this.teamState.get(t)!;
        if (st.sockets > 0 || this.phaseValue !== 'pre_draft') return;
        st.online = true;
        st.autodraft = false;
        this.emitFrame(`AUTODRAFT ${t} false`);
        this.emitFrame(`JOINED ${t} ${st.team.memberSwid}`);
      };
      this.lobbyEvents.push({ at, fn: join });
    }
    for (const t of leaver) {
      const at = Math.round(pre * this.presenceRng.range(0.05, 0.25));
      const leave = (): void => {
        const st = this.teamState.get(t)!;
        if (st.sockets > 0 || this.phaseValue !== 'pre_draft') return;
        st.online = false;
        this.rejoinAfterOwnPick.add(t);
        this.emitFrame(`LEFT ${t} ${st.team.memberSwid} 1`);
      };
      this.lobbyEvents.push({ at, fn: leave });
    }
    // During the draft an online member occasionally drops out and comes back a few picks later.
    const total = this.slots.length;
    const dropouts = Math.floor(total / 60);
    const candidates = others.length > 0 ? others : [];
    for (let i = 0; i < dropouts && candidates.length > 0; i++) {
      const teamId = candidates[i % candidates.length]!;
      const leaveAt = this.presenceRng.int(Math.floor(total * 0.2), Math.floor(total * 0.8));
      const backAt = Math.min(total - 1, leaveAt + this.presenceRng.int(1, 3));
      this.addPresenceStep(leaveAt, { kind: 'leave', teamId });
      this.addPresenceStep(backAt, { kind: 'rejoin', teamId });
    }
  }

  private addPresenceStep(afterPick: number, step: PresenceStep): void {
    const list = this.presenceAfterPick.get(afterPick) ?? [];
    list.push(step);
    this.presenceAfterPick.set(afterPick, list);
  }

  private runPresenceAfterPick(overallPick: number): void {
    for (const step of this.presenceAfterPick.get(overallPick) ?? []) {
      const st = this.teamState.get(step.teamId)!;
      if (st.sockets > 0 || !st.team.memberSwid) continue; // a real socket owns this team's presence
      if (step.kind === 'leave' && st.online) {
        st.online = false;
        this.emitFrame(`LEFT ${step.teamId} ${st.team.memberSwid} 1`);
      } else if (step.kind === 'rejoin' && !st.online) {
        st.online = true;
        if (st.autodraft) {
          st.autodraft = false;
          this.emitFrame(`AUTODRAFT ${step.teamId} false`);
        }
        this.emitFrame(`JOINED ${step.teamId} ${st.team.memberSwid}`);
      }
    }
  }

  // ---------------------------------------------------------------- plumbing

  private setPhase(phase: DraftPhase): void {
    this.phaseValue = phase;
    this.emit({ type: 'phase', phase });
  }

  private emitFrame(text: string): void {
    this.emit({ type: 'frame', frame: `${text}\n` });
  }

  private emit(e: EngineEvent): void {
    for (const fn of this.listeners) fn(e);
  }

  /** An engine timer: cancelled by stop(), frozen by pause(). */
  private later(ms: number, fn: () => void): Timer {
    const id = this.nextTimerId++;
    this.timers.set(id, { dueAt: 0, fn, h: null, remaining: ms });
    if (!this.paused) this.arm(id, ms);
    return { id };
  }

  private arm(id: number, ms: number): void {
    const t = this.timers.get(id);
    if (!t) return;
    t.dueAt = this.sched.now() + ms;
    t.h = this.sched.setTimeout(() => {
      this.timers.delete(id);
      if (!this.stopped) t.fn();
    }, ms);
  }

  private cancel(timer: Timer | null | undefined): void {
    if (!timer) return;
    const t = this.timers.get(timer.id);
    if (t) this.sched.clearTimeout(t.h);
    this.timers.delete(timer.id);
  }
}

/** ESPN's ERROR text encoding: URL-encoded with '+' for spaces. */
export function encodeMessage(msg: string): string {
  return encodeURIComponent(msg).replace(/%20/g, '+').replace(/\(/g, '%28').replace(/\)/g, '%29');
}
