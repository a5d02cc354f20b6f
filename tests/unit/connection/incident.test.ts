import { describe, expect, it } from 'vitest';
import { describeCause, describeIncident, type Incident } from '../../../src/connection/incident';
import { formatDuration, plural } from '../../../src/connection/format-duration';

const base: Incident = {
  seq: 1,
  cause: { kind: 'close', code: 1006, reason: '', wasClean: false },
  faultStartedAt: 1_000,
  detectedAt: 1_300,
  detectionLatencyMs: 300,
  recoveredAt: 5_400,
  recoveryDurationMs: 4_100,
  outageMs: 4_400,
  reloadAttempts: 1,
  picksCaughtUp: 2,
  gaveUp: false,
  outcome: 'recovered',
};

describe('describeIncident', () => {
  it('tells a recovered drop in plain words', () => {
    expect(describeIncident(base)).toBe(
      'WebSocket closed (1006: connection lost without a close frame). Noticed 0.3 s after the last frame. Back after 4.1 s (1 reload); 2 picks caught up.',
    );
  });

  it('credits ESPN when no reload was needed', () => {
    const incident: Incident = {
      ...base,
      cause: { kind: 'silence', silentForMs: 11_400 },
      detectionLatencyMs: 11_400,
      reloadAttempts: 0,
      picksCaughtUp: 1,
    };
    expect(describeIncident(incident)).toBe(
      'No data from ESPN for 11.4 s. Noticed 11.4 s after the last frame. Back after 4.1 s (ESPN reconnected by itself); 1 pick caught up.',
    );
  });

  it('says when recovery is still going or gave up', () => {
    const open: Incident = { ...base, outcome: 'open', recoveredAt: null, recoveryDurationMs: null, picksCaughtUp: null, reloadAttempts: 3 };
    expect(describeIncident(open)).toBe(
      'WebSocket closed (1006: connection lost without a close frame). Noticed 0.3 s after the last frame. Still recovering (3 reloads).',
    );
    expect(describeIncident({ ...open, reloadAttempts: 6, gaveUp: true })).toContain(
      'Automatic recovery gave up (6 reloads); the tab needs a manual reload.',
    );
  });

  it('does not talk of detection delay for a kick or a page unload', () => {
    const kicked: Incident = { ...base, cause: { kind: 'kicked' }, outcome: 'open', recoveredAt: null, recoveryDurationMs: null, reloadAttempts: 0 };
    expect(describeIncident(kicked)).toBe(
      'ESPN disconnected this tab because the draft was opened elsewhere (duplicate connection). Not watching until the draft room is open again.',
    );
    const away: Incident = { ...base, cause: { kind: 'page-unload' }, reloadAttempts: 0, recoveryDurationMs: 125_000, picksCaughtUp: 5 };
    expect(describeIncident(away)).toBe('Draft tab was closed or left the draft room. Back after 2 min 05 s; 5 picks caught up.');
  });

  it('says when watching stopped first', () => {
    expect(describeIncident({ ...base, outcome: 'abandoned', reloadAttempts: 0 })).toMatch(/Watching stopped before it recovered\.$/);
  });
});

describe('describeCause', () => {
  it('names close codes and reasons', () => {
    expect(describeCause({ kind: 'close', code: 1000, reason: 'bye', wasClean: true })).toBe('WebSocket closed (1000: normal close, "bye")');
    expect(describeCause({ kind: 'close', code: 4001, reason: '', wasClean: true })).toBe('WebSocket closed (4001)');
    expect(describeCause({ kind: 'error' })).toBe('WebSocket error');
    expect(describeCause({ kind: 'pong-timeout', silentForMs: 7_050 })).toBe('ESPN stopped answering heartbeats (silent for 7.1 s)');
  });
});

describe('formatDuration', () => {
  it('uses tenths of a second under a minute and minutes beyond', () => {
    expect(formatDuration(0)).toBe('0.0 s');
    expect(formatDuration(3_449)).toBe('3.4 s');
    expect(formatDuration(3_450)).toBe('3.5 s');
    expect(formatDuration(59_900)).toBe('59.9 s');
    expect(formatDuration(60_000)).toBe('1 min 00 s');
    expect(formatDuration(754_000)).toBe('12 min 34 s');
    expect(formatDuration(-1)).toBe('an unknown time');
    expect(formatDuration(Number.NaN)).toBe('an unknown time');
  });

  it('pluralizes counts', () => {
    expect(plural(1, 'reload')).toBe('1 reload');
    expect(plural(0, 'pick')).toBe('0 picks');
  });
});

describe('describeCause: frames lost on the way to the extension', () => {
  it('says so in plain words', async () => {
    const { describeCause } = await import('../../../src/connection/incident');
    expect(describeCause({ kind: 'frames-lost' })).toBe('Frames from the draft socket were lost on their way to the extension');
  });
});
