import { readFileSync } from 'node:fs';
import type { Direction } from '../../../src/protocol/events';

// The fixtures live outside the repo, in the shared ground-truth folder; they are never copied in.
export const FIXTURES_DIR = new URL('../../../../shared/espn/fixtures/', import.meta.url);

export interface CapturedFrame {
  t: number;
  dir: Direction;
  data: string;
}

export interface SessionMeta {
  url: string;
  myTeamId: number;
}

export interface ExpectedPick {
  overallPick: number;
  round: number;
  teamId: number;
  playerId: number;
  spot: number;
  lineupSlotId: number;
  member: string | null;
  t: number;
}

export interface SessionAExpected {
  frames: number;
  framesIn: number;
  framesOut: number;
  frameCounts: Record<string, number>;
  myTeamId: number;
  leagueId: number;
  init: {
    byteLength: number;
    bytesThroughTeamList: number;
    base64Length: number;
    draftType: number;
    state: number;
    draftDate: number;
    draftDateIso: string;
    timePerSelectionMs: number;
    pickSlots: number;
    filledSlots: number;
    nextOverallPick: number;
    nextTeamId: number;
    teams: number;
    rosterSpots: number;
    scoringItems: number;
    receptionPoints: number;
    teamOrderInBlob: number[];
    teamsWithAutodraftOnAtInit: number[];
    teamsOfflineAtInit: number[];
  };
  draftStarted: { stateFrameT: number; firstSelectingT: number; firstSelectingTeamId: number };
  picks: ExpectedPick[];
}

export function loadSessionA(): { meta: SessionMeta; frames: CapturedFrame[] } {
  const lines = readFileSync(new URL('session-a.jsonl', FIXTURES_DIR), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const [metaLine, ...frameLines] = lines;
  const meta = (JSON.parse(metaLine!) as { meta: SessionMeta }).meta;
  return { meta, frames: frameLines.map((line) => JSON.parse(line) as CapturedFrame) };
}

export function loadSessionAExpected(): SessionAExpected {
  return JSON.parse(readFileSync(new URL('session-a.expected.json', FIXTURES_DIR), 'utf8')) as SessionAExpected;
}

export function sessionAInitFrame(): string {
  const frame = loadSessionA().frames.find((f) => f.data.startsWith('INIT '));
  if (!frame) throw new Error('session A has no INIT frame');
  return frame.data;
}
