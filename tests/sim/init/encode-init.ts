import { VERSION } from '../../../src/protocol/init/init-layout';
import type {
  InitDraft,
  InitOwner,
  InitPickSlot,
  InitRosterEntry,
  InitRosterSpot,
  InitSettings,
  InitSnapshot,
  InitStatus,
  InitTeam,
} from '../../../src/protocol/init/init-types';
import { InitWriter } from './init-writer';

/**
 * The exact inverse of decodeInit: encodeInit(decodeInit(blob).snapshot) reproduces the blob.
 * Used to synthesize INIT frames (mid-draft, with filled picks) for the simulator and tests.
 * Throws RangeError when a value cannot be represented (e.g. an id outside int32).
 */
export function encodeInit(snapshot: InitSnapshot): Uint8Array {
  const w = new InitWriter(snapshot.leagueId);
  w.int32(1, 'root present');
  w.int32(VERSION.root, 'root version');
  w.int32(snapshot.leagueId, 'root league id');
  w.int32(snapshot.myTeamId, 'root myTeamId');
  writeDraft(w, snapshot.draft);
  w.bytes(snapshot.tail);
  return w.toBytes();
}

function writeDraft(w: InitWriter, d: InitDraft): void {
  w.beginObject(VERSION.draft, 'draft');
  w.int32(d.draftType, 'draft type');
  w.int32(d.unknownU1, 'draft u1');
  w.optDate(d.draftDate, 'draft date');
  w.int32(d.state, 'draft state');
  writeStatus(w, d.status);
  writeSettings(w, d.settings);
  w.list(d.positionLimits, 'positionLimits', (p) => {
    w.beginObject(VERSION.positionLimit, 'position limit');
    w.int32(p.positionId, 'position limit positionId');
    w.int32(p.max, 'position limit max');
  });
  w.list(d.rosterTemplate, 'rosterTemplate', (s) => writeRosterSpot(w, s));
  w.list(d.picks, 'picks', (p) => writePick(w, p));
  w.list(d.teams, 'teams', (t) => writeTeam(w, t));
}

function writeStatus(w: InitWriter, s: InitStatus): void {
  w.beginObject(VERSION.status, 'status');
  w.int32(s.state, 'status state');
  w.optDate(s.date, 'status date');
  w.int32s(s.ints, 5, 'status ints');
}

function writeSettings(w: InitWriter, s: InitSettings): void {
  w.beginObject(VERSION.settings, 'settings');
  w.int32s(s.timingsMs, 3, 'settings timingsMs');
  w.int32(s.timePerSelectionMs, 'settings timePerSelectionMs');
  writePair(w, s.unknownObjA, 'settings objA');
  writePair(w, s.unknownObjB, 'settings objB');
  w.int32s(s.unknownInts, 4, 'settings ints');
  if (s.unknownFloats.length !== 4) throw new RangeError(`settings floats: expected 4 values, got ${s.unknownFloats.length}`);
  s.unknownFloats.forEach((f) => w.float64(f));
  w.int32(s.unknownInt5, 'settings int5');
  w.bool(s.unknownFlag1);
  w.int32s(s.slotIds, 3, 'settings slotIds');
  w.bool(s.unknownFlag2);
  w.bool(s.unknownFlag3);
  w.beginObject(VERSION.scoring, 'scoring');
  w.int32(s.scoringFlag, 'scoring flag');
  w.list(s.scoringItems, 'scoring items', (item) => {
    w.beginObject(VERSION.scoringItem, 'scoring item');
    w.int32(item.statId, 'scoring item statId');
    w.float64(item.points);
    w.bool(item.unknownFlag);
  });
  w.bool(s.unknownFlag4);
}

function writePair(w: InitWriter, pair: [number, number], what: string): void {
  w.beginObject(VERSION.settingsPair, what);
  w.int32(pair[0], `${what} a`);
  w.int32(pair[1], `${what} b`);
}

function writeRosterSpot(w: InitWriter, s: InitRosterSpot): void {
  w.beginObject(VERSION.rosterSpot, 'roster spot');
  w.int32(s.spot, 'roster spot number');
  w.int32(s.lineupSlotId, 'roster spot lineupSlotId');
  w.list(s.extras, 'roster spot extras', ([a, b]) => {
    w.beginObject(VERSION.rosterSpotExtra, 'roster spot extra');
    w.int32(a, 'roster spot extra a');
    w.int32(b, 'roster spot extra b');
  });
}

function writePick(w: InitWriter, p: InitPickSlot): void {
  w.beginObject(VERSION.pick, 'pick');
  w.int32(p.teamId, 'pick teamId');
  w.int32(p.overallPick, 'pick overallPick');
  w.int32(p.playerId, 'pick playerId');
  w.int32(p.spot, 'pick spot');
  w.int32(p.bidAmount, 'pick bidAmount');
  w.int32(p.nominatingTeamId, 'pick nominatingTeamId');
  w.bool(p.keeper);
  w.int32(p.unknownU1, 'pick u1');
  w.int32(p.unknownU2, 'pick u2');
}

function writeTeam(w: InitWriter, t: InitTeam): void {
  w.beginObject(VERSION.team, 'team');
  w.int32(t.teamId, 'team teamId');
  w.int32(t.draftPosition, 'team draftPosition');
  w.int32(t.autoDraftTypeId, 'team autoDraftTypeId');
  w.int32(t.unknownU, 'team u');
  w.list(t.owners, 'team owners', (o) => writeOwner(w, o));
  w.list(t.roster, 'team roster', (e) => writeRosterEntry(w, e));
}

function writeOwner(w: InitWriter, o: InitOwner): void {
  w.beginObject(VERSION.owner, 'owner');
  w.int32(o.teamId, 'owner teamId');
  w.int32(o.memberRef, 'owner memberRef');
  w.bool(o.unknownFlagA);
  w.bool(o.online);
  w.bool(o.unknownFlagB);
}

function writeRosterEntry(w: InitWriter, e: InitRosterEntry): void {
  w.beginObject(VERSION.rosterEntry, 'roster entry');
  w.int32(e.teamId, 'roster entry teamId');
  w.int32(e.spot, 'roster entry spot');
  w.int32(e.playerId, 'roster entry playerId');
  w.bool(e.unknownFlag);
}
