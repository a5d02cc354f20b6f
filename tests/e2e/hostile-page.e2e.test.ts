import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDraftRoom, type DraftRoom } from './support/draft-room';
import { exportFile, exportJsonWithNames, waitForDraft } from './support/popup';
import { readExtensionDatabase } from './support/extension-db';
import { asTruthPick } from './support/truth';
import { DraftRoom as FaultRoom } from './support/fault-room';

const TEAMS = 8;
const ROUNDS = 8;

interface HostileReport {
  seen: Array<{ type: string }>;
  portsObtained: number;
  forgedOfferTaken: number;
  tamperedCalls: Record<string, number>;
  syntheticDispatched: number;
  sockets: number;
  foreignSockets: number;
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

/**
 * Frames the page world cannot forge but the worker still refuses to believe (issue 7, items 2 and
 * 3): the simulator plays the forger on the tab's own socket (sim.faults.inject), while the hostile
 * script opens sockets of its own. The log must stay equal to the truth throughout.
 */
describe('forged frames on the draft socket, and sockets for another league (Chromium, production build)', () => {
  let room: FaultRoom | undefined;

  afterAll(async () => {
    await room?.close();
  });

  it('a lone STATE 2 does not end the watch, a confirmed log cannot be undone or replaced, another league feeds nothing', async () => {
    room = await FaultRoom.open({
      sim: { seed: 'hostile-forged', teams: 6, rounds: 4, pickIntervalMs: 500, clockTickMs: 1000, preDraftMs: 1000, pongDelayMs: 20 },
      // Only the extension's own reload can bring this page back after a drop. The page keeps its
      // socket on the forged RESET below (ESPN's page may reload itself on one; here the frame must be
      // seen by the extension and refused, not end with the page going away).
      pageQuery: { simInject: 'hostile', simReconnect: 'never', simHostileSockets: 1, simPingMs: 2000, simOnReset: 'stay' },
    });
    const sim = room.sim;
    const events = async () => (await room!.view())?.events ?? [];
    const inits: string[] = [];
    sim.on((event) => {
      if (event.type === 'server-frame' && event.frame.startsWith('INIT ')) inits.push(event.frame);
    });

    // 1. A forged STATE 2 mid-draft reaches the worker (the draft reads complete), then the socket
    // really drops. The commissioner's pause keeps the next pick from making the draft live again first.
    await sim.whenPicks(5);
    sim.pause();
    expect(sim.faults.inject(['STATE 2'])).toBe(1);
    await expect.poll(async () => (await room!.view())?.state.status, { timeout: 10_000, interval: 100 }).toBe('complete');
    const picksAtDrop = sim.truth().length;
    sim.faults.drop(1006);
    // The watch went on: the extension reloaded the tab, whose new socket's INIT says the draft runs.
    await expect.poll(() => sim.connectionHistory.length, { timeout: 30_000, interval: 100 }).toBe(2);
    await expect.poll(async () => (await room!.view())?.state.status, { timeout: 30_000, interval: 100 }).not.toBe('complete');
    expect(sim.truth().length, 'recovered while the draft was paused').toBe(picksAtDrop);
    sim.resume();

    // 2. The draft ends and ESPN's final board confirms (seals) the log.
    await room.expectExportEqualsTruth();
    await expect
      .poll(async () => (await events()).map((e) => e.message), { timeout: 30_000, interval: 250 })
      .toContainEqual(expect.stringMatching(/^Confirmed 24 picks against ESPN's API/));

    // 3. Forged frames after the seal: an undo of everything, the replayed INIT of the reload, a reset, a pick.
    const replayed = inits.at(-1)!;
    expect(replayed).toBeDefined();
    for (const frame of ['UNDONE 0\n', replayed, 'RESET\n', 'SELECTED 1 99999999 1\n']) expect(sim.faults.inject([frame])).toBe(1);
    await expect.poll(async () => (await events()).filter((e) => e.kind === 'frame_refused' && /UNDONE|RESET|SELECTED|INIT/.test(e.message)).length, { timeout: 10_000, interval: 100 }).toBe(4);
    await room.expectExportEqualsTruth();
    expect((await room.view())!.state.completion).toMatchObject({ confirmedBy: 'final_board' });
    expect((await room.send({ type: 'list-drafts' })) as unknown[]).toHaveLength(1);
    // Neither the forged frames nor the foreign sockets caused another reload or a second draft.
    expect(sim.connectionHistory).toHaveLength(2);

    // 4. The page's sockets for another league: refused, never followed.
    const hostile = (await room.control.context().pages().find((page) => page.url().includes('/football/draft'))!.evaluate(() => (window as unknown as { __hostile: HostileReport }).__hostile));
    expect(hostile.foreignSockets).toBeGreaterThanOrEqual(2);
    const refusals = (await events()).filter((e) => e.kind === 'frame_refused').map((e) => e.message);
    expect(refusals).toContainEqual(expect.stringMatching(/^Ignored a socket the draft page opened: its URL is not a draft socket/));
    expect((await room.view())!.draftId).toBe(`ffl:${sim.league.leagueId}:${sim.league.seasonId}`);
  });
});
