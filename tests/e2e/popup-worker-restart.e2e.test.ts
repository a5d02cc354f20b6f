import { afterAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { DraftRoom } from './support/fault-room';
import { asTruthPick } from './support/truth';
import { pickLogSchema } from '../../src/export/pick-log-schema';
import { eventLogSchema } from '../../src/export/event-log';
import { PICK_LOG_CSV_HEADER } from '../../src/export/csv';

const TEAMS = 6;
const ROUNDS = 4;

async function pickCount(page: Page): Promise<number> {
  return Number((await page.locator('[data-testid="pick-count"]').textContent({ timeout: 1_000 }).catch(() => '')) || -1);
}

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF), enough for the pick log's CSV. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

describe('exports from an open popup right after the worker was terminated', () => {
  let room: DraftRoom | undefined;

  afterAll(async () => {
    await room?.close();
  });

  it('JSON, CSV and the event log, clicked at once, each equal the truth so far; the popup then keeps following', async () => {
    // Picks 2.5 s apart leave room to terminate and export between two picks.
    room = await DraftRoom.open({
      sim: { teams: TEAMS, rounds: ROUNDS, pickIntervalMs: 2_500, clockTickMs: 1000, preDraftMs: 1000, seed: 'popup-restart' },
      pageQuery: { simReconnect: 'auto' },
    });
    const popup = room.control;
    await room.sim.whenPicks(6);
    // Names load in the background: wait until the stored view names every pick and team.
    await expect
      .poll(
        async () => {
          const view = await room!.view();
          return !!view && view.state.picks.every((pick) => view.players[String(pick.playerId)]?.name) && view.state.teams.every((team) => team.name !== null);
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe(true);
    // Right after the next pick reaches the popup, the worker goes.
    const before = room.sim.truth().length;
    await room.sim.whenPicks(before + 1);
    await expect.poll(() => pickCount(popup), { timeout: 5_000, interval: 25 }).toBe(room.sim.truth().length);
    const truthAtTermination = room.sim.truth();
    const viewAtTermination = (await room.view())!;
    expect(await room.terminateWorker()).toBe(true);

    const downloads: Download[] = [];
    popup.on('download', (download) => downloads.push(download));
    await popup.getByRole('button', { name: 'Export JSON' }).click();
    await popup.getByRole('button', { name: 'Export CSV' }).click();
    await popup.getByRole('button', { name: 'Export event log' }).click();
    await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(3);
    const files = await Promise.all(downloads.map(async (download) => ({ name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') })));
    // A pick may land while the files are written (the restarted worker pushes it); each file must then
    // hold the board as it stood at some moment since the termination, never less, never a different pick.
    const truthNow = room.sim.truth().map((pick) => ({ ...pick, autopick: false }));
    const truthSoFar = (picks: number) => {
      expect(picks).toBeGreaterThanOrEqual(truthAtTermination.length);
      return truthNow.slice(0, picks);
    };

    const json = files.find((file) => file.name.startsWith('draft-pick-log_') && file.name.endsWith('.json'))!;
    const log = pickLogSchema.parse(JSON.parse(json.text));
    expect(log.picks.map((pick) => ({ ...asTruthPick(pick), autopick: false }))).toEqual(truthSoFar(log.picks.length));

    const csv = files.find((file) => file.name.endsWith('.csv'))!;
    const [header, ...rows] = csvRows(csv.text);
    expect(header).toEqual([...PICK_LOG_CSV_HEADER]);
    const column = (name: (typeof PICK_LOG_CSV_HEADER)[number]) => PICK_LOG_CSV_HEADER.indexOf(name);
    expect(
      rows.map((row) => ({
        overallPick: Number(row[column('overall_pick')]),
        teamId: Number(row[column('team_id')]),
        playerId: Number(row[column('player_id')]),
        playerName: row[column('player_name')],
      })),
    ).toEqual(truthSoFar(rows.length).map((pick) => ({ overallPick: pick.overallPick, teamId: pick.teamId, playerId: pick.playerId, playerName: pick.playerName })));

    const events = files.find((file) => file.name.startsWith('draft-event-log_'))!;
    const eventLog = eventLogSchema.parse(JSON.parse(events.text));
    expect(eventLog.draft.leagueId).toBe(String(room.sim.league.leagueId));
    // The log the worker had committed when it was terminated, entry for entry (and what the restarted worker added since).
    const committedEvents = viewAtTermination.events.map((event) => [event.kind, event.message]);
    expect(eventLog.events.map((event) => [event.kind, event.message]).slice(0, committedEvents.length)).toEqual(committedEvents);

    // The popup's port reconnects to the restarted worker: new picks keep arriving with no reload.
    await room.sim.whenPicks(truthNow.length + 2);
    await expect.poll(() => pickCount(popup), { timeout: 20_000, interval: 100 }).toBeGreaterThanOrEqual(truthNow.length + 2);
  });
});
