import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions, type TruthPick } from '../../sim/index';
import type { PickLogJson } from '../../../src/export/pick-log-schema';
import type { DraftView } from '../../../src/contract/draft-view';
import type { Settings } from '../../../src/contract/settings';
import { allIncidents, type Incident } from '../../../src/connection/incident';
import { displayStatus } from '../../../src/connection/status';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumExtensionBrowser } from './chromium-browser';
import type { ExtensionBrowser, LaunchExtensionBrowser } from './extension-browser';
import { exportJsonWithNamesVia } from './popup';
import { asTruthPick } from './truth';

/**
 * Fast but realistic recovery timings for the suite. They go through the extension's own
 * settings message, so the production build runs unmodified.
 */
export const FAST_RECOVERY: Settings = {
  recovery: { graceMs: 3000, espnSocketInitTimeoutMs: 4000, reloadTimeoutMs: 8000, backoffBaseMs: 1000, backoffMinMs: 500, backoffCapMs: 4000, maxAttempts: 8 },
};

export interface DraftRoomOptions {
  sim: SimulatorOptions;
  /** Draft-page query for the simulated ESPN client, e.g. { simReconnect: 'never' }. */
  pageQuery?: Record<string, string | number | boolean>;
  settings?: Settings;
  /** Which browser runs the extension (default: Chromium). */
  launcher?: LaunchExtensionBrowser;
  /** Start the draft first and open the draft room only once this many picks are made (a late join). */
  joinAfterPicks?: number;
  /** Called just before the draft page opens, e.g. to start watching the extension's views. */
  beforeDraftPage?: (room: DraftRoom) => void;
}

/** A simulated draft room with the built extension watching it in a real browser. */
export class DraftRoom {
  /** The browser with the extension, its control tab on the popup page. */
  browser!: ExtensionBrowser;

  private constructor(
    readonly sim: Simulator,
    readonly profile: string,
    readonly downloadsDir: string,
    private readonly options: DraftRoomOptions,
  ) {}

  static async open(options: DraftRoomOptions): Promise<DraftRoom> {
    const sim = await startSimulator({ autoStart: false, ...options.sim });
    const profile = await mkdtemp(join(tmpdir(), 'draft-watch-e2e-'));
    const downloadsDir = await mkdtemp(join(tmpdir(), 'draft-watch-downloads-'));
    const room = new DraftRoom(sim, profile, downloadsDir, options);
    try {
      await room.launch();
      await room.send({ type: 'set-settings', settings: options.settings ?? FAST_RECOVERY });
      if (options.joinAfterPicks !== undefined) {
        sim.start();
        await sim.whenPicks(options.joinAfterPicks);
      }
      options.beforeDraftPage?.(room);
      await room.openDraftPage();
      await expect.poll(() => sim.connections, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    } catch (error) {
      await room.close();
      throw error;
    }
    if (options.joinAfterPicks === undefined) sim.start();
    return room;
  }

  /** (Re)launches the browser on this room's profile; the extension and its IndexedDB persist across launches. */
  async launch(): Promise<void> {
    const launch = this.options.launcher ?? launchChromium;
    this.browser = await launch({ sim: this.sim, profileDir: this.profile, downloadsDir: this.downloadsDir });
  }

  async openDraftPage(): Promise<void> {
    await this.browser.openDraftPage(this.sim.draftPageUrlFor({ query: { simPingMs: 3000, ...this.options.pageQuery } }));
  }

  async closeBrowser(): Promise<void> {
    await this.browser.close();
  }

  /** Chromium only: the control tab (the popup page) as a Playwright page. */
  get control(): Page {
    if (!('control' in this.browser)) throw new Error(`the control tab is only exposed as a page in Chromium, not ${this.browser.name}`);
    return (this.browser as ChromiumExtensionBrowser).control;
  }

  /** Sends a runtime message from an extension page, as the popup does. */
  send(message: unknown): Promise<unknown> {
    return this.browser.sendMessage(message);
  }

  async view(): Promise<DraftView | null> {
    return (await this.send({ type: 'get-view', tabId: null })) as DraftView | null;
  }

  async incidents(): Promise<Incident[]> {
    const view = await this.view();
    return view?.connection ? allIncidents(view.connection) : [];
  }

  /** Picks the extension holds that agree with the simulator's truth so far. */
  async agreesWithTruth(): Promise<boolean> {
    const view = await this.view();
    const truth = this.sim.truth();
    if (!view || view.state.picks.length !== truth.length) return false;
    return view.state.picks.every((pick, i) => pick.overallPick === truth[i]!.overallPick && pick.playerId === truth[i]!.playerId && pick.teamId === truth[i]!.teamId);
  }

  /** Waits until the extension holds every pick made so far; returns how long that took. */
  async waitForCatchUp(timeoutMs = 60_000): Promise<number> {
    const started = Date.now();
    await expect.poll(() => this.agreesWithTruth(), { timeout: timeoutMs, interval: 100 }).toBe(true);
    return Date.now() - started;
  }

  /** Stops the background (Chromium's service worker, Firefox's event page) as the browser does on idle. */
  async terminateWorker(): Promise<boolean> {
    return this.browser.terminateBackground();
  }

  /**
   * After the draft: the exported pick log must equal the simulator's board. `teamNames: false`
   * when ESPN cannot name the teams (a mock league's reads answer 404), so the export waits only
   * for player names.
   */
  async expectExportEqualsTruth({ teamNames = true }: { teamNames?: boolean } = {}): Promise<void> {
    await this.sim.whenComplete();
    await expect.poll(async () => (await this.view())?.state.status, { timeout: 60_000, interval: 250 }).toBe('complete');
    await this.waitForCatchUp();
    await this.browser.reloadControl();
    const { log } = await exportJsonWithNamesVia(this.browser, 40, { teamNames });
    expectPickLogEqualsTruth(log, this.sim.truth());
    expect(log.draft.status).toBe('complete');
  }

  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.sim.close();
    await rm(this.profile, { recursive: true, force: true });
    await rm(this.downloadsDir, { recursive: true, force: true });
  }
}

/** An exported pick log equals the simulator's picks; INIT cannot say who autopicked, so that flag is compared for picks seen live only. */
export function expectPickLogEqualsTruth(log: PickLogJson, truthPicks: readonly TruthPick[]): void {
  const exported = log.picks.map((pick) => ({ ...asTruthPick(pick), autopick: false }));
  const truth = truthPicks.map((pick) => ({ ...pick, autopick: false }));
  const backfilled = new Set(log.picks.filter((pick) => pick.source !== 'socket').map((pick) => pick.overallPick));
  const liveAutopicks = log.picks.filter((pick) => !backfilled.has(pick.overallPick)).map((pick) => [pick.overallPick, pick.autopick]);
  const truthAutopicks = truthPicks.filter((pick) => !backfilled.has(pick.overallPick)).map((pick) => [pick.overallPick, pick.autopick]);
  expect(exported.length, 'picks exported').toBe(truth.length);
  expect(exported).toEqual(truth);
  expect(liveAutopicks).toEqual(truthAutopicks);
}

/** One line per fault for the suite's report (also collected into a summary table). */
export interface FaultFigure {
  scenario: string;
  fault: string;
  detectionMs: number | null;
  catchUpMs: number;
  reloads: number;
  picksCaughtUp: number | null;
}

export const faultFigures: FaultFigure[] = [];

export function recordFigure(figure: FaultFigure): void {
  faultFigures.push(figure);
  const detection = figure.detectionMs === null ? 'n/a' : `${(figure.detectionMs / 1000).toFixed(2)} s`;
  console.log(
    `[fault] ${figure.scenario} | ${figure.fault} | detected after ${detection} | all missed picks back after ${(figure.catchUpMs / 1000).toFixed(2)} s | reloads ${figure.reloads} | picks caught up ${figure.picksCaughtUp ?? 0}`,
  );
}

/** Injects a fault and measures detection (from the extension's incident) and catch-up (until it holds the sim's board). */
export async function measureFault(room: DraftRoom, scenario: string, fault: string, inject: () => unknown): Promise<FaultFigure> {
  const before = (await room.incidents()).length;
  const injectedAt = Date.now();
  await inject();
  // Let the sim move on so there is something to miss.
  await expect.poll(async () => (await room.incidents()).length, { timeout: 60_000, interval: 100 }).toBeGreaterThan(before);
  await expect.poll(async () => statusOf(await room.view()), { timeout: 90_000, interval: 100 }).toMatch(/^(live|finished)$/);
  await room.waitForCatchUp(90_000);
  const catchUpMs = Date.now() - injectedAt;
  const incident = (await room.incidents())[before]!;
  const figure: FaultFigure = {
    scenario,
    fault,
    detectionMs: incident.detectionLatencyMs,
    catchUpMs,
    reloads: incident.reloadAttempts,
    picksCaughtUp: incident.picksCaughtUp,
  };
  recordFigure(figure);
  return figure;
}

/** The popup's status line for the view's tab, derived like the popup does. */
export function statusOf(view: DraftView | null): string | undefined {
  return view?.connection ? displayStatus(view.connection) : undefined;
}
