import type { DraftEngine } from '../engine/draft-engine';
import { joinToken, type LeagueInfo, type SimTeam } from '../league';
import { FRAME } from '../rules/frames';
import { buildInitSnapshot } from '../init/build-snapshot';
import { encodeInit } from '../init/encode-init';
import { formatInitFrame } from '../init/format-init-frame';

/**
 * The `INIT <base64> <2048 #>\n` frame a socket joining for `teamId` receives now: the whole
 * room with every pick made so far filled in (state 0 before, 1 during, 2 after the draft).
 */
export function initFrameFor(engine: DraftEngine, teamId: number): string {
  return formatInitFrame(encodeInit(buildInitSnapshot(engine.initOptions(teamId))));
}

export type JoinCheck = { ok: true; team: SimTeam } | { ok: false; message: string };

/**
 * Whether the upgraded socket's JOIN query names a member with the right SWID and join token;
 * else the (already URL-encoded) text of the `ERROR 1` ESPN sends before closing it.
 */
export function checkJoin(league: LeagueInfo, url: URL, rawUrl: string): JoinCheck {
  const teamId = Number(url.searchParams.get('3'));
  const swid = url.searchParams.get('4') ?? '';
  const token = url.searchParams.get('5') ?? '';
  const team = league.teams.find((t) => t.teamId === teamId);
  // A token whose ':' arrive percent-encoded is refused like an unknown team.
  const rawToken = /[?&]5=([^&]*)/.exec(rawUrl)?.[1] ?? '';
  if (!team?.memberSwid || /%3A/i.test(rawToken)) {
    return { ok: false, message: `No+team+with+ID+${encodeURIComponent(String(url.searchParams.get('3')))}+found.` };
  }
  if (swid !== team.memberSwid || token !== joinToken(league, teamId)) {
    return { ok: false, message: 'Invalid+security+code%3B+access+is+refused.' };
  }
  return { ok: true, team };
}

/** One frame of the join sequence: to every socket of the room, or to the joining socket only. */
export interface JoinFrame {
  to: 'room' | 'joiner';
  /** Built when it is sent, so each frame describes the room at that moment. */
  frame: () => string;
}

/**
 * What ESPN sends when a member's socket joins (protocol.md §3.5), in order. Call it after
 * `engine.socketJoined(teamId)`. A new frame in the join sequence goes here, in its place.
 */
export function joinSequence(engine: DraftEngine, team: SimTeam): JoinFrame[] {
  const { teamId } = team;
  return [
    { to: 'room', frame: () => FRAME.autodraft(teamId, false) },
    { to: 'joiner', frame: () => initFrameFor(engine, teamId) },
    { to: 'joiner', frame: () => FRAME.token(joinToken(engine.league, teamId)) },
    { to: 'joiner', frame: () => engine.clockFrame() },
    { to: 'joiner', frame: () => FRAME.autosuggest(engine.autosuggest(teamId)) },
    { to: 'room', frame: () => FRAME.joined(teamId, team.memberSwid) },
  ];
}

/**
 * What a socket that stays open is sent when the draft restarts (commissioner reset): the new
 * room's INIT, its CLOCK and the team's AUTOSUGGEST, as in the join. [UNKNOWN] whether ESPN sends
 * these on the old socket at all; see DraftEngine.reset().
 */
export function snapshotFrames(engine: DraftEngine, teamId: number): string[] {
  return [initFrameFor(engine, teamId), engine.clockFrame(), FRAME.autosuggest(engine.autosuggest(teamId))];
}
