import { afterAll, afterEach, describe, it } from 'vitest';
import { faultFigures } from '../support/fault-room';
import { printFaultSummary } from '../support/fault-summary';
import { firefoxLauncher } from '../support/firefox-browser';
import { RoomKeeper, backgroundTerminated, browserRestart, cleanDraft, dropRecoveredByEspn, silentStall } from '../support/scenarios';

/**
 * The Chromium scenarios (tests/e2e/support/scenarios.ts), run in Firefox ESR with the Firefox build
 * installed as an unsigned XPI in the profile, as a user's add-on is, so it survives the restart.
 */
describe('a draft in Firefox ESR with the production Firefox build', () => {
  const rooms = new RoomKeeper(firefoxLauncher({ install: 'profile-xpi' }));

  afterEach(() => rooms.closeAll());
  afterAll(() => printFaultSummary(faultFigures, 'Firefox scenarios'));

  it('follows a clean draft and exports a pick log equal to the simulator ground truth', () => cleanDraft(rooms));

  it('recovers an abrupt drop (1006) through ESPN’s own reconnect, without reloading', () => dropRecoveredByEspn(rooms));

  it('detects a silent stall (socket open, nothing arrives, not even PONG) and reloads', () => silentStall(rooms));

  it('loses nothing when the background script is terminated mid-draft', () => backgroundTerminated(rooms));

  it('brings back the picks made while the browser was closed, from INIT on the next load', () => browserRestart(rooms));
});
