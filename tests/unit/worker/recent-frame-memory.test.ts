import { describe, expect, it } from 'vitest';
import type { HookItem } from '../../../src/contract/page-events';
import { newTabSession, type TabSession } from '../../../src/store/records';
import { RecentFrameMemory } from '../../../src/worker/recent-frame-memory';

const DRAFT = 'ffl:123:2025';

/** A tab session whose socket `s1` belongs to DRAFT and has applied frames up to `lastSeq`. */
function sessionAt(lastSeq: number): TabSession {
  return { ...newTabSession(1, 0), draftId: DRAFT, sockets: { s1: { draftId: DRAFT, lastSeq, openedAt: 1, closedAt: null } } };
}

const frame = (seq: number, data = `CLOCK 6 ${seq} 1\n`): HookItem => ({ k: 'frame', sid: 's1', seq, dir: 'in', at: 1000 + seq, data });

describe('RecentFrameMemory', () => {
  it('keeps the newest frames per draft within the count limit, skips redelivered ones, and snapshots', () => {
    const memory = new RecentFrameMemory(3);
    memory.remember([{ k: 'open', sid: 's1', at: 1, url: 'wss://fantasydraft.espn.com/game-1/league-123/JOIN?redacted' }, frame(1), frame(2)], sessionAt(0), sessionAt(2));
    const snapshot = memory.framesOf(DRAFT);
    // Frames 1–2 again (a redelivered batch) plus 3–5: only 3–5 are new.
    memory.remember([frame(1), frame(2), frame(3), frame(4), frame(5)], sessionAt(2), sessionAt(5));
    expect(snapshot.frames.map((f) => f.at)).toEqual([1001, 1002]);
    const now = memory.framesOf(DRAFT);
    expect(now.frames.map((f) => f.at)).toEqual([1003, 1004, 1005]);
    expect(now.socketUrl).toContain('league-123');
  });

  it('bounds each draft by bytes too', () => {
    const memory = new RecentFrameMemory(400, 1000);
    const items = Array.from({ length: 10 }, (_, i) => frame(i + 1, 'z'.repeat(200)));
    memory.remember(items, sessionAt(0), sessionAt(10));
    expect(memory.framesOf(DRAFT).frames.map((f) => f.at)).toEqual([1009, 1010]);
  });

  it('forgets everything on clear', () => {
    const memory = new RecentFrameMemory();
    memory.remember([frame(1)], sessionAt(0), sessionAt(1));
    memory.clear();
    expect(memory.framesOf(DRAFT)).toEqual({ frames: [], socketUrl: null });
  });
});
