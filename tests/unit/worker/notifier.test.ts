import { describe, expect, it } from 'vitest';
import { createNotifier, driftTotalOf, preferencesOf } from '../../../src/worker/notifier';
import type { PlannedNotification } from '../../../src/connection/notifications';
import { draftView, liveConnection, MY_TEAM, NOW } from '../popup/view-fixture';

function harness(stored: { preferences?: unknown; keys?: unknown; record?: unknown } = {}) {
  const shown: PlannedNotification[] = [];
  let keys: unknown = stored.keys ?? null;
  const notify = createNotifier({
    readPreferences: async () => stored.preferences ?? null,
    readRaisedKeys: async () => keys,
    writeRaisedKeys: async (next) => {
      keys = next;
    },
    readRecord: async () => stored.record ?? {},
    show: async (notification) => {
      shown.push(notification);
    },
    keysKept: 3,
    report: () => undefined,
  });
  return { notify, shown, keys: () => keys };
}

const onMyClock = (overallPick: number) =>
  draftView({ state: { status: 'live', myTeamId: MY_TEAM, onTheClock: { teamId: MY_TEAM, overallPick, since: NOW, msAllowed: 30_000 } } });

describe('the notifier shell', () => {
  it('shows each event once, even across a restart that keeps only the stored keys', async () => {
    const first = harness();
    await first.notify(onMyClock(7));
    await first.notify(onMyClock(7));
    expect(first.shown.map((n) => n.key)).toEqual(['clock:ffl:123456789:2025:7']);
    const restarted = harness({ keys: first.keys() });
    await restarted.notify(onMyClock(7));
    expect(restarted.shown).toEqual([]);
  });

  it('keeps only the newest keys', async () => {
    const { notify, keys } = harness();
    for (const pick of [1, 2, 3, 4]) await notify(onMyClock(pick));
    expect(keys()).toEqual(['clock:ffl:123456789:2025:2', 'clock:ffl:123456789:2025:3', 'clock:ffl:123456789:2025:4']);
  });

  it('raises a kick, and drift only when the record carries counters', async () => {
    const counters = { unknownFrames: 2, invalidFrames: 0, undecodableInits: 0, rejectedInits: 0, unknownClocks: 1, auctionFramesInSnakeDraft: 0 };
    const { notify, shown } = harness({ record: { drift: { counters, samples: [] } } });
    await notify(draftView({ connection: { ...liveConnection(), phase: 'kicked' } }));
    expect(shown.map((n) => n.kind)).toEqual(['kicked', 'protocolDrift']);
    expect(driftTotalOf({ drift: { counters, samples: [] } })).toBe(3);
    expect(driftTotalOf({ state: {} })).toBeNull();
    expect(driftTotalOf({ drift: { counters: 'lots' } })).toBeNull();
  });

  it('reads stored preferences as untrusted input', async () => {
    expect(preferencesOf({ onTheClock: false, kicked: 'yes' })).toEqual({ recoveryFailed: true, kicked: true, protocolDrift: true, onTheClock: true });
    expect(preferencesOf({ onTheClock: false }).onTheClock).toBe(false);
    const { notify, shown } = harness({ preferences: { onTheClock: false } });
    await notify(onMyClock(7));
    expect(shown).toEqual([]);
  });
});
