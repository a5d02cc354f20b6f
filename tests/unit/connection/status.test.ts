import { describe, expect, it } from 'vitest';
import { DEFAULT } from '../../../src/connection/options';
import { initialConnection, reduceConnectionAll } from '../../../src/connection/reducer';
import { displayStatus, type DisplayStatus } from '../../../src/connection/status';
import type { ConnectionInput } from '../../../src/connection/types';

const T = 1_756_600_000_000;
const live: ConnectionInput[] = [
  { type: 'socketOpened', at: T },
  { type: 'frameReceived', at: T + 200, isInit: true },
];
const closed: ConnectionInput = { type: 'socketClosed', at: T + 5_000, code: 1006, reason: '', wasClean: false };

/** Runs the inputs with ctx.now at `now` and returns the derived status. */
function statusAfter(inputs: ConnectionInput[], now = T + 5_000, options = DEFAULT): DisplayStatus {
  return displayStatus(reduceConnectionAll(initialConnection(), inputs, { now, random: () => 0.5, options }).state);
}

describe('displayStatus: derived from the one state, never stored', () => {
  it.each<[string, ConnectionInput[], DisplayStatus]>([
    ['nothing yet', [], 'connecting'],
    ['a socket without its INIT', [live[0]!], 'connecting'],
    ['INIT arrived', live, 'live'],
    ['an error not yet followed by its close', [...live, { type: 'socketError', at: T + 5_000 }], 'dropped'],
    ['a close: recovery under way', [...live, closed], 'recovering'],
    ['a stall: recovery under way', [...live, { type: 'stallDetected', at: T + 5_000, cause: 'silence', silentForMs: 11_500 }], 'recovering'],
    ['a kick', [...live, { type: 'kicked', at: T + 5_000 }], 'kicked'],
    ['the page unloaded by itself', [...live, { type: 'pageUnloaded', at: T + 5_000 }], 'unloaded'],
    ['the page back, before its INIT', [...live, { type: 'pageUnloaded', at: T + 5_000 }, { type: 'socketOpened', at: T + 9_000 }], 'recovering'],
    ['the tab left the draft room', [...live, { type: 'tabNavigatedAway' }], 'unloaded'],
    ['the draft complete, socket open', [...live, { type: 'draftCompleted', at: T + 5_000 }], 'live'],
    ['the draft complete, socket gone', [...live, { type: 'draftCompleted', at: T + 5_000 }, closed], 'finished'],
    [
      'a complete draft’s page reloaded, before its INIT',
      [...live, { type: 'draftCompleted', at: T + 5_000 }, { type: 'pageUnloaded', at: T + 6_000 }, { type: 'socketOpened', at: T + 7_000 }],
      'connecting',
    ],
  ])('%s → %s', (_name, inputs, expected) => {
    expect(statusAfter(inputs)).toBe(expected);
  });

  it('shows failed once recovery gave up, until an INIT brings the draft back', () => {
    const ctx = (now: number) => ({ now, random: () => 0.5, options: { ...DEFAULT, maxAttempts: 1 } });
    let state = reduceConnectionAll(initialConnection(), [...live, closed], ctx(T + 5_000)).state;
    state = reduceConnectionAll(state, [{ type: 'timerFired' }], ctx(T + 13_000)).state; // reload 1
    state = reduceConnectionAll(state, [{ type: 'timerFired' }], ctx(T + 33_000)).state; // gives up
    expect(displayStatus(state)).toBe('failed');
    state = reduceConnectionAll(state, [{ type: 'socketOpened', at: T + 40_000 }], ctx(T + 40_000)).state;
    expect(displayStatus(state)).toBe('failed');
    state = reduceConnectionAll(state, [{ type: 'frameReceived', at: T + 40_200, isInit: true }], ctx(T + 40_200)).state;
    expect(displayStatus(state)).toBe('live');
  });
});
