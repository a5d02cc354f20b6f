import { InitFormatError } from './init-format-error';
import { VERSION } from './init-layout';
import { InitReader } from './init-reader';
import type { InitDraft, InitSnapshot } from './init-types';
import { readPickTable } from './read-pick-table';
import { readPositionLimits, readRosterTemplate } from './read-roster-rules';
import { readSettings, readStatus } from './read-settings';
import { readTeams } from './read-teams';

export type DecodeInitResult =
  | { ok: true; snapshot: InitSnapshot; bytesThroughTeamList: number }
  | { ok: false; error: string };

/**
 * Decodes an INIT blob sequentially (init-format.md §3), checking every framing word as it
 * goes (§4). Never throws: any layout mismatch means ESPN changed the format, and the caller
 * should keep its previous state rather than trust a guess.
 */
export function decodeInit(bytes: Uint8Array): DecodeInitResult {
  try {
    const r = new InitReader(bytes);
    r.objectHeader(VERSION.root, 'root');
    r.leagueId = r.int32('root league id');
    const myTeamId = r.int32('root myTeamId');
    const draft = readDraft(r);
    const bytesThroughTeamList = r.offset;
    // [INFERRED] two empty lists ("private queues"); layout unknown, so kept as raw bytes.
    const tail = r.rest();
    return { ok: true, snapshot: { leagueId: r.leagueId, myTeamId, draft, tail }, bytesThroughTeamList };
  } catch (error) {
    if (error instanceof InitFormatError) return { ok: false, error: `INIT blob: ${error.message}` };
    return { ok: false, error: `INIT blob: unexpected decoder failure: ${String(error)}` };
  }
}

function readDraft(r: InitReader): InitDraft {
  r.beginObject(VERSION.draft, 'draft');
  return {
    draftType: r.int32('draft type'), // 1 = snake; auction value [UNKNOWN]
    unknownU1: r.int32('draft u1'), // [UNKNOWN]
    draftDate: r.optDate('draft date'),
    state: r.int32('draft state'), // mid-draft values [INFERRED] to follow STATE frames
    status: readStatus(r),
    settings: readSettings(r),
    positionLimits: readPositionLimits(r),
    rosterTemplate: readRosterTemplate(r),
    picks: readPickTable(r),
    teams: readTeams(r),
  };
}
