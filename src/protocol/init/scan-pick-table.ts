import { InitFormatError } from './init-format-error';
import { MAX_ITEMS, PICK_RECORD_BYTES, VERSION } from './init-layout';
import { InitReader } from './init-reader';
import type { InitPickSlot, InitTeam } from './init-types';
import { readPickTable } from './read-pick-table';
import { readTeams } from './read-teams';

export type PickTableScanResult =
  | { ok: true; offset: number; picks: InitPickSlot[]; teams: InitTeam[]; rosterSize: number }
  | { ok: false; error: string };

/** Root present + version + league id + myTeamId + draft present + version: L sits at 8..11. */
const HEADER_LEAGUE_ID_OFFSET = 8;
const SIGNATURE_BYTES = 24;

/**
 * Fallback for when sequential decoding fails (init-format.md §4): find the pick table by its
 * signature instead of walking the settings block, the part most likely to change between
 * sports and league types. Accepts a candidate only if the whole table and the team list after
 * it validate. Never throws.
 */
export function scanPickTable(bytes: Uint8Array): PickTableScanResult {
  if (bytes.byteLength < HEADER_LEAGUE_ID_OFFSET + 4) return { ok: false, error: 'INIT blob too short to hold a league id' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const leagueId = view.getInt32(HEADER_LEAGUE_ID_OFFSET);
  let lastRejection = '';
  for (let p = 0; p + SIGNATURE_BYTES <= bytes.byteLength; p++) {
    if (!hasTableSignature(view, p, leagueId)) continue;
    const attempt = validateTableAt(bytes, p, leagueId);
    if (attempt.ok) return attempt;
    lastRejection = `; last candidate at byte ${p} rejected: ${attempt.error}`;
  }
  return { ok: false, error: `no pick table signature found${lastRejection}` };
}

function hasTableSignature(view: DataView, p: number, leagueId: number): boolean {
  const count = view.getInt32(p);
  return (
    count >= 1 &&
    count <= MAX_ITEMS.picks &&
    view.getInt32(p + 4) === 1 &&
    view.getInt32(p + 8) === VERSION.pick &&
    view.getInt32(p + 12) === leagueId &&
    view.getInt32(p + 20) === 1 && // overallPick of the first record
    p + 4 + count * PICK_RECORD_BYTES <= view.byteLength
  );
}

function validateTableAt(bytes: Uint8Array, p: number, leagueId: number): PickTableScanResult {
  try {
    const r = new InitReader(bytes, p);
    r.leagueId = leagueId;
    const picks = readPickTable(r);
    picks.forEach((slot, i) => {
      if (slot.overallPick !== i + 1) r.fail(`pick record ${i} has overallPick ${slot.overallPick}, expected ${i + 1}`, p);
    });
    const teamsAt = r.offset;
    const teams = readTeams(r);
    if (teams.length === 0) r.fail('team list after the pick table is empty', teamsAt);
    if (picks.length % teams.length !== 0) {
      r.fail(`${picks.length} pick slots is not a multiple of ${teams.length} teams`, teamsAt);
    }
    return { ok: true, offset: p, picks, teams, rosterSize: picks.length / teams.length };
  } catch (error) {
    if (error instanceof InitFormatError) return { ok: false, error: error.message };
    return { ok: false, error: `unexpected scan failure: ${String(error)}` };
  }
}
