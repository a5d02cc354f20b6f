import { afterEach, describe, expect, it } from 'vitest';
import { attachChromium, reloadExtension } from './support/chromium-browser';
import { DraftRoom, statusOf } from './support/fault-room';

/** Short and accelerated, but slow enough that the reload lands mid-draft with picks still to come. */
const SHORT_DRAFT = { teams: 6, rounds: 8, pickIntervalMs: 600, clockTickMs: 1000, preDraftMs: 1000, pongDelayMs: 20 } as const;

/**
 * An extension update mid-draft, as Chrome does it: the old worker and every content script of the
 * old instance die, and Chrome injects no new ones into tabs already open. The new worker must
 * find the followed draft tab and re-attach it by itself.
 */
describe('extension update in the middle of a draft (Chromium, production build)', () => {
  let room: DraftRoom | undefined;

  afterEach(async () => {
    await room?.close();
    room = undefined;
  });

  it('re-attaches the draft tab with no user action; the log ends equal to the truth and the draft shows live', async () => {
    const started = Date.now();
    room = await DraftRoom.open({ sim: { ...SHORT_DRAFT, seed: 'extension-update' } });
    const total = room.sim.totalPicks;
    const context = room.control.context();
    const extId = new URL(room.control.url()).host;

    await room.sim.whenPicks(Math.round(total * 0.4));
    expect(room.sim.connectionHistory).toHaveLength(1);
    const workerBefore = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extId}/`));
    await reloadExtension(context, extId);
    const reloadedAt = room.sim.truth().length;
    expect(reloadedAt, 'the reload happened mid-draft').toBeLessThan(total);

    // A new worker runs; the old instance's pages are gone, so the popup is opened afresh.
    await expect
      .poll(() => context.serviceWorkers().some((w) => w !== workerBefore && w.url().startsWith(`chrome-extension://${extId}/`)), { timeout: 20_000 })
      .toBe(true);
    room.browser = await attachChromium(context, extId);

    // The new worker reloads the draft tab itself: the page opens a second socket, whose INIT backfills.
    await expect.poll(() => room!.sim.connectionHistory.length, { timeout: 30_000, interval: 100 }).toBe(2);
    // Followed live again before the draft is over.
    await expect.poll(async () => statusOf(await room!.view()), { timeout: 30_000, interval: 100 }).toBe('live');
    const liveAt = room.sim.truth().length;
    expect(liveAt, 'shown live before the last pick').toBeLessThan(total);
    await room.waitForCatchUp(30_000);
    expect((await room.view())?.state.status).toBe('live');
    await room.browser.reloadControl();
    await room.control.waitForSelector('[data-testid="draft-status"][data-status="live"]', { timeout: 10_000 });

    await room.expectExportEqualsTruth();
    // One reload of the tab, by the re-attach; no recovery reloads on top.
    expect(room.sim.connectionHistory).toHaveLength(2);
    console.log(
      `[extension-update] reloaded after pick ${reloadedAt} of ${total}; live again by pick ${liveAt}; test ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
