import { emptyDrift } from '../../../src/draft/drift';
import type { DraftState, LogEntry, Pick } from '../../../src/draft/types';
import type { DraftView } from '../../../src/contract/draft-view';
import type { DraftSummary, PlayerInfo } from '../../../src/contract/draft-view';
import { initialConnection } from '../../../src/connection/reducer';
import type { ConnectionState } from '../../../src/connection/types';
import type { Incident, IncidentCause } from '../../../src/connection/incident';

export const NOW = Date.UTC(2025, 7, 31, 2, 30, 0);
export const TEAMS = 4;
export const MY_TEAM = 2;

const PLAYERS: PlayerInfo[] = [
  { playerId: 4362628, name: "Ja'Marr Chase", position: 'WR', proTeam: 'CIN' },
  { playerId: 4430807, name: 'Bijan Robinson', position: 'RB', proTeam: 'ATL' },
  { playerId: 3918298, name: 'Josh Allen', position: 'QB', proTeam: 'BUF' },
  { playerId: -16014, name: 'Rams D/ST', position: 'D/ST', proTeam: 'LAR' },
  { playerId: 4241389, name: 'CeeDee Lamb', position: 'WR', proTeam: 'DAL' },
];

/** Snake order for 4 teams: 1 2 3 4 4 3 2 1 … */
function teamOfPick(overallPick: number): number {
  const round = Math.ceil(overallPick / TEAMS);
  const index = (overallPick - 1) % TEAMS;
  return round % 2 === 1 ? index + 1 : TEAMS - index;
}

export function pick(overallPick: number, playerId: number, overrides: Partial<Pick> = {}): Pick {
  const round = Math.ceil(overallPick / TEAMS);
  return {
    overallPick,
    round,
    roundPick: overallPick - (round - 1) * TEAMS,
    teamId: teamOfPick(overallPick),
    playerId,
    rosterSpot: round,
    lineupSlotId: round === 1 ? 4 : 20,
    keeper: false,
    autopick: false,
    source: 'socket',
    recordedAt: NOW - 60_000 + overallPick * 1000,
    ...overrides,
  };
}

export function draftState(overrides: Partial<DraftState> = {}): DraftState {
  const picks = [pick(1, 4362628), pick(2, 4430807, { source: 'init' }), pick(3, 3918298, { autopick: true }), pick(4, -16014), pick(5, 4241389)];
  return {
    key: { game: 'ffl', leagueId: '123456789', seasonId: 2025 },
    myTeamId: MY_TEAM,
    type: 'snake',
    status: 'live',
    hasSnapshot: true,
    rounds: 3,
    teams: [1, 2, 3, 4].map((teamId) => ({ teamId, name: teamId === MY_TEAM ? 'Gridiron Gurus' : `Team ${['One', 'Two', 'Three', 'Four'][teamId - 1]}`, draftPosition: teamId - 1, autodraft: false, online: true })),
    rosterTemplate: [],
    slots: Array.from({ length: TEAMS * 3 }, (_, i) => ({ overallPick: i + 1, teamId: teamOfPick(i + 1) })),
    picks,
    onTheClock: { teamId: teamOfPick(6), overallPick: 6, since: NOW - 20_000, msAllowed: 90_000 },
    timePerSelectionMs: 90_000,
    draftDate: null,
    updatedAt: NOW,
    ...overrides,
  };
}

/** A tab following the draft: socket open and synced, a frame 2 s ago, a 48 ms PING. */
export function liveConnection(overrides: Partial<ConnectionState> = {}): ConnectionState {
  const initial = initialConnection();
  return {
    ...initial,
    socket: { ...initial.socket, open: true, synced: true, openedAt: NOW - 600_000, lastFrameAt: NOW - 2_000, lastInboundAt: NOW - 2_000 },
    heartbeat: { ...initial.heartbeat, lastRttMs: 48.4 },
    ...overrides,
  };
}

/** An unresolved incident with the given cause. */
export function openIncident(cause: IncidentCause, overrides: Partial<Incident> = {}): Incident {
  return {
    seq: 1,
    cause,
    faultStartedAt: NOW - 6_000,
    detectedAt: NOW - 5_000,
    detectionLatencyMs: 1_000,
    recoveredAt: null,
    recoveryDurationMs: null,
    outageMs: null,
    reloadAttempts: 0,
    picksCaughtUp: null,
    gaveUp: false,
    outcome: 'open',
    ...overrides,
  };
}

export const EVENTS: LogEntry[] = [
  { at: NOW - 300_000, level: 'info', kind: 'init', message: 'Draft snapshot received: 4 teams, 3 rounds.' },
  { at: NOW - 120_000, level: 'warn', kind: 'drop', message: 'WebSocket closed (1006).' },
  { at: NOW - 110_000, level: 'info', kind: 'recovered', message: 'Reconnected after 4.1 s; 1 pick caught up.' },
];

export function draftView(
  overrides: { state?: Partial<DraftState>; connection?: ConnectionState | null; events?: LogEntry[]; tabId?: number | null; leagueName?: string | null } = {},
): DraftView {
  return {
    draftId: 'ffl:123456789:2025',
    leagueName: overrides.leagueName ?? null,
    state: draftState(overrides.state),
    events: overrides.events ?? EVENTS,
    players: Object.fromEntries(PLAYERS.map((player) => [String(player.playerId), player])),
    tabId: overrides.tabId === undefined ? 7 : overrides.tabId,
    connection: overrides.connection === undefined ? liveConnection() : overrides.connection,
    now: NOW,
    drift: emptyDrift(),
  };
}

/** One line of the draft chooser's list: a live football draft followed by tab 7, unless told otherwise. */
export const draftSummary = (over: Partial<DraftSummary>): DraftSummary => ({
  draftId: 'ffl:123456789:2025',
  game: 'ffl',
  leagueId: '123456789',
  leagueName: null,
  seasonId: 2025,
  status: 'live',
  picks: 5,
  archivedAt: null,
  lastActiveAt: NOW,
  tabId: 7,
  ...over,
});
