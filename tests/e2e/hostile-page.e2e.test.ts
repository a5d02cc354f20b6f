import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDraftRoom, type DraftRoom } from './support/draft-room';
import { exportFile, exportJsonWithNames, waitForDraft } from './support/popup';
import { readExtensionDatabase } from './support/extension-db';
import { asTruthPick } from './support/truth';

const TEAMS = 8;
const ROUNDS = 8;

interface HostileReport {
  seen: Array<{ type: string }>;
  portsObtained: number;
  forgedOfferTaken: number;
  tamperedCalls: Record<string, number>;
  syntheticDispatched: number;
  sockets: number;
}

/**
 * Issue 7's red-team pass as a test: tests/sim/page/hostile.js runs in the draft page before
 * the draft client and attacks the extension the whole draft long (see that file).
 */
describe('a hostile script on the draft page (Chromium, production build)', () => {
  let room: DraftRoom & { close(): Promise<void> };

  beforeAll(async () => {
    room = await openDraftRoom({
      sim: { seed: 'hostile-page', teams: TEAMS, rounds: ROUNDS },
      page: { query: { simInject: 'hostile', simPingMs: 2000 } },
    });
  });

  afterAll(async () => {
    await room?.close();
  });

  it('cannot reach the channel, forge or tamper with a pick, or get a secret stored', async () => {
    await room.sim.whenComplete();
    const popup = await room.openPopup();
    await waitForDraft(popup, 'complete', TEAMS * ROUNDS);
    const { text, log } = await exportJsonWithNames(popup);
    const hostile = (await room.page.evaluate(() => (window as unknown as { __hostile: unknown }).__hostile)) as HostileReport;

    // The attacks ran, throughout the draft.
    expect(hostile.syntheticDispatched).toBeGreaterThan(30);
    expect(hostile.sockets).toBeGreaterThanOrEqual(1);
    // ...and got nowhere: no port, no message, no event of ours seen; the forged port refused.
    expect(hostile.portsObtained).toBe(0);
    expect(hostile.forgedOfferTaken).toBe(0);
    expect(hostile.seen).toEqual([]);
    // The hook never called a built-in the page replaced.
    for (const name of ['JSON.stringify(hook items)', 'Array.prototype.push(hook item)', 'startsWith(TOKEN)', 'replace(TOKEN frame)', 'MessagePort.postMessage', 'WeakMap.get(socket)', 'inherited Proxy construct trap']) {
      expect(hostile.tamperedCalls[name] ?? 0, name).toBe(0);
    }

    // The log is the truth, pick for pick, and nothing forged reached the worker.
    expect(log.picks.map(asTruthPick)).toEqual(room.sim.truth());
    expect(log.draft.status).toBe('complete');
    expect(log.events.filter((event) => event.level !== 'info')).toEqual([]);
    expect(text).not.toContain('99999999');
    // One page load, one socket: the attacks caused no reload or reconnect.
    expect(room.sim.connectionHistory).toHaveLength(1);

    const csv = await exportFile(popup, 'Export CSV');
    const stored = JSON.stringify(await readExtensionDatabase(room.context, room.extensionId!));
    for (const haystack of [text, csv.text, stored]) {
      expect(haystack).not.toContain(String(room.sim.securityCode));
      expect(haystack).not.toContain(room.sim.decoyAccessToken);
      expect(haystack).not.toContain('DEADBEEF');
      for (const team of room.sim.league.teams) if (team.memberSwid) expect(haystack).not.toContain(team.memberSwid);
    }
    expect(room.pageErrors).toEqual([]);
  });
});
