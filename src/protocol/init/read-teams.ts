import type { InitReader } from './init-reader';
import { MAX_ITEMS, MIN_ITEM_BYTES, VERSION } from './init-layout';
import type { InitOwner, InitRosterEntry, InitTeam } from './init-types';

/** init-format.md §3.8: teams arrive in an arbitrary order, not sorted by id. */
export function readTeams(r: InitReader): InitTeam[] {
  return r.list('teams', { max: MAX_ITEMS.teams, minItemBytes: MIN_ITEM_BYTES.team }, () => readTeam(r));
}

function readTeam(r: InitReader): InitTeam {
  r.beginObject(VERSION.team, 'team');
  const teamId = r.int32('team teamId');
  const draftPosition = r.int32('team draftPosition');
  const autoDraftTypeId = r.int32('team autoDraftTypeId'); // [INFERRED] non-zero = autodraft on
  const unknownU = r.int32('team u'); // [UNKNOWN]
  const owners = r.list('team owners', { max: MAX_ITEMS.owners, minItemBytes: MIN_ITEM_BYTES.owner }, () => readOwner(r));
  const roster = r.list('team roster', { max: MAX_ITEMS.rosterEntries, minItemBytes: MIN_ITEM_BYTES.rosterEntry }, () =>
    readRosterEntry(r),
  );
  return { teamId, draftPosition, autoDraftTypeId, unknownU, owners, roster };
}

function readOwner(r: InitReader): InitOwner {
  r.beginObject(VERSION.owner, 'owner');
  return {
    teamId: r.int32('owner teamId'),
    memberRef: r.int32('owner memberRef'), // [UNKNOWN] -1 everywhere; not the SWID
    unknownFlagA: r.bool('owner flagA'), // [UNKNOWN]
    online: r.bool('owner online'), // [INFERRED] connected at INIT time
    unknownFlagB: r.bool('owner flagB'), // [UNKNOWN]
  };
}

function readRosterEntry(r: InitReader): InitRosterEntry {
  r.beginObject(VERSION.rosterEntry, 'roster entry');
  return {
    teamId: r.int32('roster entry teamId'),
    spot: r.int32('roster entry spot'),
    playerId: r.int32('roster entry playerId'), // filled value [INFERRED]
    unknownFlag: r.bool('roster entry flag'), // [UNKNOWN]
  };
}
