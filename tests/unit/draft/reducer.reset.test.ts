import { describe, expect, it } from 'vitest';
import { archivedDraftId } from '../../../src/draft/draft-id';
import { checkInvariants } from '../../../src/draft/invariants';
import { reduceDraft } from '../../../src/draft/reducer';
import { pickLogFileName } from '../../../src/export/file-name';
import { buildPickLog } from '../../../src/export/pick-log';
import { pickLogSchema } from '../../../src/export/pick-log-schema';
import { parseFrame } from '../../../src/protocol/parse-frame';
import { init, KEY, kinds, liveDraft, pickInOrder, run, stateCode } from './draft-fixture';

const RESET = parseFrame('RESET\n', 'in');

describe('reduceDraft: commissioner reset', () => {
  it('archives the picks made before the reset as their own draft, and restarts the live one', () => {
    const before = pickInOrder(liveDraft(), 4);
    const step = reduceDraft(before.state, RESET, before.now + 1);
    expect(step.state.picks).toEqual([]);
    expect(step.archived).toBeDefined();
    const archived = step.archived!;
    expect(archived.picks).toEqual(before.state.picks);
    expect(archived.archive).toEqual({ reason: 'reset', archivedAt: before.now + 1, id: archivedDraftId(KEY, before.now + 1) });
    expect(archived.onTheClock).toBeNull();
    expect(archived.key).toEqual(KEY);
    expect(checkInvariants(archived)).toEqual([]);
    expect(kinds(step.log)).toEqual(['reset']);
    expect(step.log[0]?.message).toContain('4 picks');
  });

  it('makes the archive exportable under its own file name', () => {
    const before = pickInOrder(liveDraft(), 2);
    const archived = reduceDraft(before.state, RESET, Date.UTC(2025, 7, 31, 2, 40, 5, 123)).archived!;
    const log = buildPickLog({ state: archived, players: new Map(), events: [], exportedAt: Date.UTC(2025, 7, 31, 3) });
    expect(pickLogSchema.parse(log)).toEqual(log);
    expect(log.draft.archive).toEqual({ reason: 'reset', archivedAt: '2025-08-31T02:40:05.123Z' });
    expect(log.picks).toHaveLength(2);
    const exportedAt = Date.UTC(2025, 7, 31, 3, 0, 0);
    expect(pickLogFileName(archived.key, 'csv', { exportedAt, archivedAt: archived.archive?.archivedAt })).toBe(
      'draft-pick-log_football_league-123456789_season-2025_2025-08-31_reset-20250831T024005Z.csv',
    );
    expect(pickLogFileName(archived.key, 'csv', { exportedAt })).toBe('draft-pick-log_football_league-123456789_season-2025_2025-08-31.csv');
    expect(buildPickLog({ state: before.state, players: new Map(), events: [], exportedAt: 0 }).draft.archive).toBeNull();
  });

  it('archives nothing when no pick was made, or when RESET repeats', () => {
    const empty = reduceDraft(liveDraft().state, RESET, 1);
    expect(empty.archived).toBeUndefined();
    const before = pickInOrder(liveDraft(), 3);
    const first = reduceDraft(before.state, RESET, before.now + 1);
    const second = reduceDraft(first.state, RESET, before.now + 2);
    expect(first.archived?.picks).toHaveLength(3);
    expect(second.archived).toBeUndefined();
  });

  it('follows the restarted draft from the next INIT without calling the reset lost picks', () => {
    const before = pickInOrder(liveDraft(), 5);
    const reset = reduceDraft(before.state, RESET, before.now + 1);
    const restarted = run([init({ state: 1 }), stateCode(1)], { state: reset.state, log: [], now: before.now + 1 });
    expect(restarted.state.picks).toEqual([]);
    expect(kinds(restarted.log)).not.toContain('pick_removed');
    expect(kinds(restarted.log)).not.toContain('reset');
    const again = pickInOrder(restarted, 2);
    expect(again.state.picks.map((pick) => pick.overallPick)).toEqual([1, 2]);
  });

  it('treats an INIT that lacks every live pick as a reset it did not see (the page reloaded on RESET)', () => {
    const before = pickInOrder(liveDraft(), 6);
    const step = reduceDraft(before.state, init({ state: 1 }), before.now + 1);
    expect(step.state.picks).toEqual([]);
    expect(step.archived?.picks).toEqual(before.state.picks);
    expect(step.archived?.archive?.reason).toBe('reset');
    expect(kinds(step.log)).toEqual(['reset', 'snapshot']);
  });

  it('does not archive when INIT keeps some of the picks (an ordinary undo)', () => {
    const before = pickInOrder(liveDraft(), 6);
    const filled = [1, 2, 3].map((n) => ({ overallPick: n, playerId: 1000 + n, spot: 10 }));
    const step = reduceDraft(before.state, init({ state: 1, filled }), before.now + 1);
    expect(step.archived).toBeUndefined();
    expect(step.state.picks).toHaveLength(3);
    expect(kinds(step.log)).toContain('pick_removed');
  });
});

describe('reduceDraft: keepers', () => {
  it('marks picks filled in INIT before the draft starts as keepers, by the keeper byte or by the draft not having started', () => {
    const { state } = run([
      init({ state: 0, filled: [{ overallPick: 1, playerId: 501, spot: 1 }, { overallPick: 14, playerId: 502, keeper: true, spot: 2 }] }),
    ]);
    expect(state.picks.map((pick) => [pick.overallPick, pick.keeper])).toEqual([[1, true], [14, true]]);
    expect(checkInvariants(state)).toEqual([]);
  });

  it('does not mark live picks from a mid-draft INIT as keepers', () => {
    const { state } = run([init({ state: 1, filled: [{ overallPick: 1, playerId: 501, spot: 1 }] })]);
    expect(state.picks[0]?.keeper).toBe(false);
  });

  it('keeps keepers through the start of the draft without re-correcting them', () => {
    const pre = run([init({ state: 0, filled: [{ overallPick: 14, playerId: 502, keeper: true }] })]);
    const started = run([init({ state: 1, filled: [{ overallPick: 14, playerId: 502, keeper: true }] }), stateCode(1)], pre);
    expect(kinds(started.log.slice(pre.log.length))).not.toContain('pick_corrected');
    expect(started.state.picks[0]).toMatchObject({ overallPick: 14, keeper: true });
  });
});

describe('reduceDraft: keepers when a later INIT lacks the keeper byte', () => {
  it('keeps a keeper inferred before the draft (no byte) when a mid-draft INIT lists the same player', () => {
    const pre = run([init({ state: 0, filled: [{ overallPick: 1, playerId: 501 }] })]);
    expect(pre.state.picks[0]).toMatchObject({ overallPick: 1, keeper: true });
    const mid = run([init({ state: 1, filled: [{ overallPick: 1, playerId: 501 }, { overallPick: 2, playerId: 1002 }] })], pre);
    expect(kinds(mid.log.slice(pre.log.length))).not.toContain('pick_corrected');
    expect(mid.state.picks.map((pick) => [pick.overallPick, pick.keeper])).toEqual([[1, true], [2, false]]);
  });

  it('accepts a known keeper beyond an open slot though the new INIT lacks its byte', () => {
    const pre = run([init({ state: 0, filled: [{ overallPick: 14, playerId: 502, keeper: true }] })]);
    const mid = run([init({ state: 1, filled: [{ overallPick: 1, playerId: 1001 }, { overallPick: 14, playerId: 502 }] })], pre);
    expect(kinds(mid.log.slice(pre.log.length))).not.toContain('snapshot_rejected');
    expect(kinds(mid.log.slice(pre.log.length))).not.toContain('pick_corrected');
    expect(mid.state.picks.map((pick) => [pick.overallPick, pick.keeper])).toEqual([[1, false], [14, true]]);
    expect(checkInvariants(mid.state)).toEqual([]);
  });

  it('still rejects an unknown player beyond an open slot without the byte', () => {
    const pre = run([init({ state: 0, filled: [{ overallPick: 14, playerId: 502, keeper: true }] })]);
    const mid = run([init({ state: 1, filled: [{ overallPick: 1, playerId: 1001 }, { overallPick: 15, playerId: 503 }] })], pre);
    expect(kinds(mid.log.slice(pre.log.length))).toEqual(['snapshot_rejected']);
  });
});
