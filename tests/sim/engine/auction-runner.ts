/**
 * The auction's lot cycle, run for the DraftEngine on its timers (protocol.md §5, [SOURCE]):
 *
 *   NOMINATION T ms, CLOCK 1 → the nominator opens with a BID → other teams raise (BID, and
 *   BID_ACK to the bidder's sockets) → the bid clock runs out → SOLD, SELECTED → CLOCK 3 → next lot.
 *
 * Every team bids as a bot (my team too: client NOMINATE / BID commands are not modelled). The
 * rules are pure functions in ../rules/auction-*.ts; this file only sequences them in time.
 *
 * Assumptions, where protocol.md says [UNKNOWN]:
 * - After SOLD the room also gets `SELECTED <winner> <player> <spot>` with no SWID: whether ESPN
 *   sends it is unknown, and it is the one form in which the extension learns the roster spot
 *   of a lot it saw live (it accepts both orders and records the player once).
 * - The lot number is the overall pick number: the n-th lot sold fills slot n of INIT's table,
 *   whose team is the nomination order, while the pick's team is the winner.
 * - No AUTOSUGGEST after a sale (auction drafts have no autopick suggestion in §5).
 */
import type { TemplateSpot } from '../espn-ids';
import type { SimPlayer } from '../players';
import type { Rng } from '../rng';
import { planLot, playerValue, type Bidder, type LotPlan } from '../rules/auction-bidding';
import { auctionClockFrame, type AuctionFloor } from '../rules/auction-clock';
import { nominatorFor } from '../rules/auction-order';
import { AUCTION_FRAME } from '../rules/auction-frames';
import { FRAME } from '../rules/frames';
import { chooseHuman, type PoolView } from '../rules/player-choice';
import { spotFor } from '../rules/roster-spot';
import type { DraftSlot } from '../rules/snake-order';
import type { ResolvedEngineOptions } from './defaults';
import type { TruthPick } from './events';
import type { PickLedger } from './pick-ledger';
import type { TeamState } from './team-state';
import type { PausableTimers } from './timers';

export interface AuctionRunnerDeps {
  opts: ResolvedEngineOptions;
  slots: readonly DraftSlot[];
  nominationOrder: readonly number[];
  teams: ReadonlyMap<number, TeamState>;
  template: readonly TemplateSpot[];
  pool: PoolView;
  ledger: PickLedger;
  timers: PausableTimers;
  rng: Rng;
  now: () => number;
  emitFrame: (frame: string) => void;
  emitTeamFrame: (teamId: number, frame: string) => void;
  /** A lot was sold and booked. */
  onSold: (pick: TruthPick) => void;
  /** No lot left. */
  onFinished: () => void;
  stopped: () => boolean;
}

export class AuctionRunner {
  private floorValue: AuctionFloor | null = null;
  private readonly budgets = new Map<number, number>();
  private readonly playersBought = new Map<number, number>();
  /** Each team's taste, drawn once: how much more or less than the market it values players. */
  private readonly taste = new Map<number, number>();

  constructor(private readonly d: AuctionRunnerDeps) {
    for (const teamId of d.teams.keys()) {
      this.budgets.set(teamId, d.opts.auctionBudget);
      this.playersBought.set(teamId, 0);
      this.taste.set(teamId, d.rng.range(0.8, 1.25));
    }
  }

  /** The lot now, for CLOCK ticks and the join sequence; null before the first lot and after the last. */
  get floor(): AuctionFloor | null {
    return this.floorValue;
  }

  /** The auction CLOCK frame now; null when no lot is under way. */
  clockFrame(): string | null {
    return this.floorValue === null ? null : auctionClockFrame(this.floorValue, this.d.now());
  }

  /** After a commissioner pause of `pausedMs`: the lot's clock kept the time it had left. */
  resumeAfter(pausedMs: number): void {
    if (this.floorValue !== null) this.floorValue = { ...this.floorValue, endsAt: this.floorValue.endsAt + pausedMs };
  }

    budgetOf(teamId: number): number {
    return this.budgets.get(teamId) ?? 0;
  }

  private countBought(teamId: number): void {
    this.playersBought.set(teamId, (this.playersBought.get(teamId) ?? 0) + 1);
  }

  /** Opens the next lot, or finishes the draft when every slot is filled. */
  nextLot(): void {
    if (this.d.stopped()) return;
    const index = this.d.ledger.nextOpenIndex();
    if (index === null) {
      this.floorValue = null;
      return this.d.onFinished();
    }
    const slot = this.d.slots[index]!;
    const nominator = nominatorFor(slot, this.d.nominationOrder, (teamId) => this.spotsLeft(teamId) > 0);
    if (nominator === null) throw new Error(`auction: lot ${slot.overallPick} is open but every roster is full`);
    const { nominationClockMs } = this.d.opts;
    this.floorValue = { phase: 'nominating', nominatorTeamId: nominator, endsAt: this.d.now() + nominationClockMs };
    this.d.emitFrame(AUCTION_FRAME.nomination(nominator, nominationClockMs));
    this.d.emitFrame(AUCTION_FRAME.clockNominating(nominationClockMs, nominator));
    this.d.timers.later(this.d.opts.nominateDelayMs, () => this.nominate(slot, nominator));
  }

  private nominate(slot: DraftSlot, nominatorTeamId: number): void {
    if (this.d.stopped()) return;
    const team = this.d.teams.get(nominatorTeamId)!;
    const player = chooseHuman(this.d.template, this.d.pool, team, this.d.rng.next());
    const others = [...this.d.teams.keys()].filter((id) => id !== nominatorTeamId).flatMap((id) => this.bidderFor(id, player));
    const nominator = this.bidderFor(nominatorTeamId, player)[0];
    if (nominator === undefined) throw new Error(`auction: team ${nominatorTeamId} nominated player ${player.id} it cannot buy`);
    const plan = planLot(nominator, others, this.d.rng);
    this.placeBid(plan, 0, slot, player, nominatorTeamId);
  }

  /** Bids `plan.bids[i]`, then the next one after bidGapMs, then the hammer after the bid clock. */
  private placeBid(plan: LotPlan, i: number, slot: DraftSlot, player: SimPlayer, nominatorTeamId: number): void {
    if (this.d.stopped()) return;
    const bid = plan.bids[i]!;
    const { bidClockMs, bidGapMs } = this.d.opts;
    const previous = this.floorValue;
    const remainingAtBid = previous?.phase === 'bidding' ? Math.max(0, previous.endsAt - this.d.now()) : bidClockMs;
    this.floorValue = {
      phase: 'bidding',
      nominatorTeamId,
      playerId: player.id,
      highBidTeamId: bid.teamId,
      highBid: bid.amount,
      endsAt: this.d.now() + bidClockMs,
    };
    this.d.emitFrame(AUCTION_FRAME.bid(bid.teamId, player.id, bid.amount, bidClockMs, remainingAtBid));
    this.d.emitTeamFrame(bid.teamId, AUCTION_FRAME.bidAck(bid.teamId, player.id, bid.amount));
    if (i + 1 < plan.bids.length) this.d.timers.later(bidGapMs, () => this.placeBid(plan, i + 1, slot, player, nominatorTeamId));
    else this.d.timers.later(bidClockMs, () => this.sell(plan, slot, player, nominatorTeamId));
  }

  private sell(plan: LotPlan, slot: DraftSlot, player: SimPlayer, nominatorTeamId: number): void {
    if (this.d.stopped()) return;
    const winner = this.d.teams.get(plan.winnerTeamId)!;
    const spot = spotFor(this.d.template, winner, player);
    if (spot === null || this.d.pool.drafted.has(player.id)) throw new Error(`auction: illegal sale of ${player.id} to team ${plan.winnerTeamId}`);
    const pick = this.d.ledger.record({ ...slot, teamId: plan.winnerTeamId }, winner, player, spot, false, false, {
      price: plan.price,
      nominatingTeamId: nominatorTeamId,
    });
    this.budgets.set(plan.winnerTeamId, this.budgetOf(plan.winnerTeamId) - plan.price);
    this.countBought(plan.winnerTeamId);
    this.d.emitFrame(AUCTION_FRAME.sold(plan.winnerTeamId, player.id, plan.price));
    this.d.emitFrame(FRAME.selected(plan.winnerTeamId, player.id, spot, null));
    this.d.onSold(pick);
    if (this.d.ledger.nextOpenIndex() === null) {
      this.floorValue = null;
      return this.d.onFinished();
    }
    const { lotGapMs } = this.d.opts;
    this.floorValue = { phase: 'between', endsAt: this.d.now() + lotGapMs };
    this.d.emitFrame(AUCTION_FRAME.clockBetweenLots(lotGapMs));
    this.d.timers.later(lotGapMs, () => this.nextLot());
  }

  private spotsLeft(teamId: number): number {
    return this.d.opts.rounds - (this.playersBought.get(teamId) ?? 0);
  }

  /** The team as a bidder on `player`, or nothing when it has no room or no legal spot for him. */
  private bidderFor(teamId: number, player: SimPlayer): Bidder[] {
    const team = this.d.teams.get(teamId)!;
    const spotsLeft = this.spotsLeft(teamId);
    if (spotsLeft <= 0 || spotFor(this.d.template, team, player) === null) return [];
    const budget = this.budgetOf(teamId);
    return [{ teamId, purse: { budget, spotsLeft }, value: playerValue(player.rank, this.d.opts.auctionBudget, this.taste.get(teamId) ?? 1) }];
  }
}
