import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_PREFERENCES, notificationsToRaise, type NotifierInput } from '../../../src/connection/notifications';
import { draftView, liveConnection, MY_TEAM, NOW } from '../popup/view-fixture';

const none = new Set<string>();

function input(overrides: Parameters<typeof draftView>[0] = {}, driftTotal: number | null = null): NotifierInput {
  return { view: draftView(overrides), driftTotal };
}

const onMyClock = { status: 'live' as const, myTeamId: MY_TEAM, onTheClock: { teamId: MY_TEAM, overallPick: 7, since: NOW, msAllowed: 30_000 } };

describe('notificationsToRaise', () => {
  it('raises nothing while the draft is followed and another team picks', () => {
    expect(notificationsToRaise(input({ state: { ...onMyClock, onTheClock: { ...onMyClock.onTheClock, teamId: MY_TEAM + 1 } } }), DEFAULT_NOTIFICATION_PREFERENCES, none)).toEqual([]);
  });

  it('raises draft open elsewhere keyed to its incident, and leaves recovery failure to the reducer action', () => {
    const failed = notificationsToRaise(input({ connection: { ...liveConnection(), phase: 'failed', nextSeq: 3 } }), DEFAULT_NOTIFICATION_PREFERENCES, none);
    expect(failed).toEqual([]);
    const kicked = notificationsToRaise(input({ connection: { ...liveConnection(), phase: 'kicked', nextSeq: 4 } }), DEFAULT_NOTIFICATION_PREFERENCES, none);
    expect(kicked.map((n) => [n.kind, n.key])).toEqual([['kicked', 'kicked:ffl:123456789:2025:7:4']]);
    expect(kicked[0]!.title).toMatch(/open elsewhere/);
  });

  it('never repeats an event whose key was raised, but raises the next one', () => {
    const first = notificationsToRaise(input({ state: onMyClock }), DEFAULT_NOTIFICATION_PREFERENCES, none);
    expect(first.map((n) => n.key)).toEqual(['clock:ffl:123456789:2025:7']);
    const raised = new Set(first.map((n) => n.key));
    expect(notificationsToRaise(input({ state: onMyClock }), DEFAULT_NOTIFICATION_PREFERENCES, raised)).toEqual([]);
    const nextTurn = { ...onMyClock, onTheClock: { ...onMyClock.onTheClock, overallPick: 10 } };
    expect(notificationsToRaise(input({ state: nextTurn }), DEFAULT_NOTIFICATION_PREFERENCES, raised).map((n) => n.key)).toEqual(['clock:ffl:123456789:2025:10']);
  });

  it('reports protocol drift once per draft, and skips it when the record has no counters', () => {
    expect(notificationsToRaise(input({}, null), DEFAULT_NOTIFICATION_PREFERENCES, none)).toEqual([]);
    expect(notificationsToRaise(input({}, 0), DEFAULT_NOTIFICATION_PREFERENCES, none)).toEqual([]);
    expect(notificationsToRaise(input({}, 2), DEFAULT_NOTIFICATION_PREFERENCES, none).map((n) => n.key)).toEqual(['drift:ffl:123456789:2025']);
  });

  it('honours each preference switched off', () => {
    const everything = input({ state: onMyClock, connection: { ...liveConnection(), phase: 'kicked' } }, 1);
    expect(notificationsToRaise(everything, DEFAULT_NOTIFICATION_PREFERENCES, none).map((n) => n.kind)).toEqual(['kicked', 'protocolDrift', 'onTheClock']);
    const quiet = { ...DEFAULT_NOTIFICATION_PREFERENCES, onTheClock: false, protocolDrift: false };
    expect(notificationsToRaise(everything, quiet, none).map((n) => n.kind)).toEqual(['kicked']);
  });

  it('stops the clock alert once the draft is complete', () => {
    expect(notificationsToRaise(input({ state: { ...onMyClock, status: 'complete' } }), DEFAULT_NOTIFICATION_PREFERENCES, none)).toEqual([]);
  });
});
