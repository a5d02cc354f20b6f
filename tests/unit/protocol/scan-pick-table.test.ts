import { describe, expect, it } from 'vitest';
import { buildInitSnapshot } from '../../sim/init/build-snapshot';
import { decodeInit } from '../../../src/protocol/init/decode-init';
import { encodeInit } from '../../sim/init/encode-init';
import { scanPickTable } from '../../../src/protocol/init/scan-pick-table';
import { SESSION_A_OFFSETS as OFF, setInt32At, sessionABlob, sessionASnapshot } from './init-blob';

function insertAt(bytes: Uint8Array, at: number, extra: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + extra.length);
  out.set(bytes.subarray(0, at));
  out.set(extra, at);
  out.set(bytes.subarray(at), at + extra.length);
  return out;
}

describe('scanPickTable', () => {
  it('finds session A’s table at byte 2150 with the same slots and teams as the sequential decode', () => {
    const result = scanPickTable(sessionABlob());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const snapshot = sessionASnapshot();
    expect(result.offset).toBe(OFF.picks);
    expect(result.rosterSize).toBe(16);
    expect(result.picks).toEqual(snapshot.draft.picks);
    expect(result.teams).toEqual(snapshot.draft.teams);
  });

  it('still recovers picks and teams when the settings block changed shape', () => {
    // A settings version bump plus 12 unknown new bytes: the sequential decode must refuse it…
    const changed = insertAt(sessionABlob(), OFF.positionLimits, new Uint8Array(12).fill(7));
    setInt32At(changed, OFF.settings + 4, 3);
    expect(decodeInit(changed).ok).toBe(false);
    // …and the scan must find the table, shifted by 12 bytes.
    const result = scanPickTable(changed);
    expect(result.ok && result.offset).toBe(OFF.picks + 12);
    expect(result.ok && result.picks.length).toBe(160);
    expect(result.ok && result.teams.map((t) => t.teamId)).toEqual([9, 3, 7, 8, 1, 10, 5, 2, 4, 6]);
  });

  it('recovers filled picks from a simulated mid-draft blob', () => {
    const snapshot = buildInitSnapshot({
      leagueId: 42,
      myTeamId: 1,
      teamIds: [1, 2, 3, 4],
      rounds: 3,
      rosterTemplate: [0, 2, 4],
      picks: [
        { overallPick: 1, playerId: 4362628, spot: 3 },
        { overallPick: 2, playerId: -16014, spot: 1 },
      ],
    });
    const result = scanPickTable(encodeInit(snapshot));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rosterSize).toBe(3);
    expect(result.picks.slice(0, 3).map((p) => [p.teamId, p.playerId, p.spot])).toEqual([
      [1, 4362628, 3],
      [2, -16014, 1],
      [3, -1, 0],
    ]);
  });

  it('rejects a table whose records are out of order', () => {
    const blob = sessionABlob();
    setInt32At(blob, OFF.picks + 4 + 45 * 5 + 16, 99); // record 5's overallPick
    const result = scanPickTable(blob);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/pick record 5 has overallPick 99, expected 6/);
  });

  it('rejects a table not followed by a valid team list', () => {
    const blob = sessionABlob();
    setInt32At(blob, OFF.teams + 8, 3); // team version
    expect(scanPickTable(blob)).toMatchObject({ ok: false, error: expect.stringMatching(/team: version 3, expected 2/) });
  });

  it('rejects a slot count that is not a multiple of the team count', () => {
    const blob = sessionABlob();
    setInt32At(blob, OFF.teams, 9); // 9 teams: the 10th team's bytes are ignored, 160 % 9 ≠ 0
    expect(scanPickTable(blob)).toMatchObject({ ok: false, error: expect.stringMatching(/160 pick slots is not a multiple of 9 teams/) });
  });

  it('reports when there is no signature at all', () => {
    expect(scanPickTable(new Uint8Array(0))).toEqual({ ok: false, error: 'INIT blob too short to hold a league id' });
    expect(scanPickTable(new Uint8Array(4000))).toEqual({ ok: false, error: 'no pick table signature found' });
  });

  it('never throws on truncations of the real blob', () => {
    const blob = sessionABlob();
    let found = 0;
    for (let length = 0; length < OFF.tail; length += 37) {
      const result = scanPickTable(blob.slice(0, length));
      if (result.ok) found++;
    }
    // Any cut before the tail breaks the team list, so no candidate may be accepted.
    expect(found).toBe(0);
    expect(scanPickTable(blob.slice(0, OFF.tail)).ok).toBe(true);
  });
});
