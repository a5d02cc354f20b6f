import { afterEach, describe, expect, it } from 'vitest';
import { DraftRoom } from '../support/fault-room';
import { firefoxLauncher } from '../support/firefox-browser';
import { SMALL_DRAFT } from '../support/scenarios';

/**
 * Firefox lets the user withhold an MV3 extension's host access. `grantByDefault: false` installs the
 * extension without it, as Firefox before 127 did and as a user who declines does. The browser's
 * permission doorhanger is not reachable over WebDriver BiDi, so `webextOptionalPermissionPrompts: false`
 * lets Firefox answer the popup's request as a user clicking "Allow" would.
 */
const WITHHELD_AT_INSTALL = {
  'extensions.originControls.grantByDefault': false,
  'extensions.webextOptionalPermissionPrompts': false,
};

describe('host access withheld in Firefox', () => {
  let room: DraftRoom | undefined;

  afterEach(async () => {
    await room?.close();
    room = undefined;
  });

  it('the popup says what is missing and why, and one click lets the extension follow the draft', async () => {
    room = await DraftRoom.open({
      sim: { ...SMALL_DRAFT, rounds: 6, seed: 'host-access' },
      pageQuery: { simReconnect: 'auto' },
      // Loaded as during development (about:debugging), which also gets host access withheld.
      launcher: firefoxLauncher({ install: 'temporary', prefs: WITHHELD_AT_INSTALL }),
    });
    await room.sim.whenPicks(3);
    // Without access neither content script runs: the extension has seen nothing.
    expect(await room.view()).toBeNull();

    await room.browser.reloadControl();
    await expect.poll(() => room!.browser.controlText(), { timeout: 10_000 }).toContain('Draft Watch cannot follow your draft yet.');
    const notice = await room.browser.controlText();
    expect(notice).toContain('Draft Watch cannot follow your draft yet.');
    expect(notice).toContain('fantasy.espn.com, needed to follow your draft room');
    expect(notice).toContain('lm-api-reads.fantasy.espn.com, needed to look up player names');
    expect(notice).toContain('Allow access to ESPN');

    await room.browser.clickControlButton('Allow access to ESPN');
    // The background reloads the open draft tab once access is given; the picks made before come from INIT.
    await room.waitForCatchUp(60_000);
    await expect.poll(() => room!.browser.controlText(), { timeout: 10_000 }).not.toContain('cannot follow your draft');
    await room.expectExportEqualsTruth();
  });
});
