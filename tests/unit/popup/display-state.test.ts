import { describe, expect, it } from 'vitest';
import { displayStateOf, TONE_COLOUR, type DisplayKind } from '../../../src/popup/display-state';
import type { ConnectionState } from '../../../src/connection/types';
import { displayStatus } from '../../../src/connection/status';
import { draftView, liveConnection, openIncident } from './view-fixture';

const CLOSE = { kind: 'close', code: 1006, reason: '', wasClean: false } as const;
const SILENCE = { kind: 'silence', silentForMs: 12_000 } as const;
const closedSocket = { ...liveConnection().socket, open: false, synced: false };

/** One connection state per display status the connection reducer derives. */
const CONNECTIONS: Array<[string, ConnectionState, DisplayKind, string]> = [
  ['live', liveConnection(), 'following', 'Following live'],
  ['connecting', liveConnection({ socket: { ...liveConnection().socket, synced: false } }), 'connecting', 'Connecting'],
  ['dropped', liveConnection({ incident: openIncident(CLOSE), socket: closedSocket }), 'reconnecting', 'Reconnecting'],
  ['recovering', liveConnection({ phase: 'grace', incident: openIncident(CLOSE), socket: closedSocket }), 'reconnecting', 'Reconnecting'],
  ['stalled', liveConnection({ incident: openIncident(SILENCE) }), 'stalled', 'Stalled'],
  ['failed', liveConnection({ phase: 'failed', incident: openIncident(CLOSE, { gaveUp: true }), socket: closedSocket }), 'failed', 'Recovery failed'],
  ['kicked', liveConnection({ phase: 'kicked', incident: openIncident({ kind: 'kicked' }), socket: closedSocket }), 'elsewhere', 'Draft open elsewhere'],
  ['unloaded', liveConnection({ phase: 'navigatedAway', socket: closedSocket }), 'not-attached', 'Not attached'],
  ['finished', liveConnection({ phase: 'complete', socket: closedSocket }), 'complete', 'Draft complete'],
];

describe('displayStateOf', () => {
  it.each(CONNECTIONS)('connection status %s reads as %s', (status, connection, kind, words) => {
    expect(displayStatus(connection)).toBe(status);
    const display = displayStateOf(draftView({ connection }));
    expect(display.kind).toBe(kind);
    expect(display.words).toBe(words);
    expect(display.detail.length).toBeGreaterThan(10);
  });

  it('calls a complete draft complete whatever the socket did after', () => {
    expect(displayStateOf(draftView({ state: { status: 'complete' }, connection: CONNECTIONS[2]![1] })).kind).toBe('complete');
  });

  it('says "not attached" for a draft room in focus that the worker never saw, and asks for a reload', () => {
    const display = displayStateOf(draftView({ tabId: 7 }), { activeDraftTabId: 9 });
    expect(display.kind).toBe('not-attached');
    expect(display.needsUser).toBe(true);
    expect(display.detail).toMatch(/Reload the draft tab/);
    expect(displayStateOf(draftView({ tabId: 7 }), { activeDraftTabId: 7 }).kind).toBe('following');
    expect(displayStateOf(null, { activeDraftTabId: 9 }).kind).toBe('not-attached');
    expect(displayStateOf(draftView({ connection: null })).kind).toBe('not-attached');
  });

  it('tells a closed draft tab apart from one never attached', () => {
    expect(displayStateOf(draftView({ connection: CONNECTIONS[7]![1] })).detail).toMatch(/closed or left the draft room/);
  });

  it('asks the user to act only when automation cannot', () => {
    const needing = CONNECTIONS.filter(([, connection]) => displayStateOf(draftView({ connection })).needsUser).map(([status]) => status);
    expect(needing).toEqual(['failed', 'kicked', 'unloaded']);
  });

  it('gives every tone a distinct colour', () => {
    expect(new Set(Object.values(TONE_COLOUR)).size).toBe(Object.keys(TONE_COLOUR).length);
  });
});
