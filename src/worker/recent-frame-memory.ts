import type { HookItem } from '../contract/page-events';
import { appendRecentFrame, type RecentFrame } from '../protocol/recent-frames';
import type { TabSession } from '../store/records';
import { draftIdOf, keyOfDraftId } from '../draft/draft-id';

interface DraftFrames {
  frames: RecentFrame[];
  /** The last draft socket's URL as relayed (the page hook already redacted it). */
  socketUrl: string | null;
}

/**
 * The recent draft-socket frames of each draft, for a bug-report capture (anonymizedCapture).
 * Kept in the worker's memory only and never written anywhere: frames hold member ids (SWIDs).
 * A worker restart forgets them, which only shortens the next capture.
 */
export class RecentFrameMemory {
  private readonly byDraft = new Map<string, DraftFrames>();

  /**
   * Remembers one batch's frames under the draft each frame's socket belongs to. `before` is the
   * tab session before ingest: frames it had already applied (a redelivered batch) are skipped.
   */
  remember(items: readonly HookItem[], before: TabSession, after: TabSession): void {
    for (const item of items) {
      if (item.k !== 'open' && item.k !== 'frame') continue;
      if (item.k === 'frame' && item.seq <= (before.sockets[item.sid]?.lastSeq ?? 0)) continue;
      const draftId = after.sockets[item.sid]?.draftId ?? after.draftId;
      if (draftId === null) continue;
      const entry = this.byDraft.get(draftId) ?? { frames: [], socketUrl: null };
      if (item.k === 'open') entry.socketUrl = item.url;
      else entry.frames = appendRecentFrame(entry.frames, { at: item.at, direction: item.dir, text: item.data });
      this.byDraft.set(draftId, entry);
    }
  }

  /** What is remembered for a draft; an archived draft's id shares its live draft's frames. */
  framesOf(draftId: string): DraftFrames {
    return this.byDraft.get(draftIdOf(keyOfDraftId(draftId))) ?? { frames: [], socketUrl: null };
  }
}
