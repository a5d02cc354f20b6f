import type { HookItem } from '../contract/page-events';
import { RecentFrameRing, type RecentFrame } from '../protocol/recent-frames';
import type { TabSession } from '../store/records';
import { draftIdOf, keyOfDraftId } from '../draft/draft-id';

interface DraftFrames {
  frames: RecentFrame[];
  /** The last draft socket's URL as relayed (the page hook already redacted it). */
  socketUrl: string | null;
}

interface RememberedDraft {
  frames: RecentFrameRing;
  socketUrl: string | null;
}

/**
 * The recent draft-socket frames of each draft, for a bug-report capture (anonymizedCapture).
 * Kept in the worker's memory only and never written anywhere: frames hold member ids (SWIDs).
 * Each draft's frames are bounded by count and by bytes (RecentFrameRing). A worker restart
 * forgets them, which only shortens the next capture; so does clearing stored drafts.
 */
export class RecentFrameMemory {
  private readonly byDraft = new Map<string, RememberedDraft>();

  constructor(
    private readonly frameLimit?: number,
    private readonly byteLimit?: number,
  ) {}

  /**
   * Remembers one batch's frames under the draft each frame's socket belongs to. `before` is the
   * tab session before ingest: frames it had already applied (a redelivered batch) are skipped.
   */
  remember(items: readonly HookItem[], before: TabSession, after: TabSession): void {
    for (const item of items) {
      if (item.k !== 'open' && item.k !== 'frame') continue;
      if (item.k === 'frame' && item.seq <= (before.sockets[item.sid]?.lastSeq ?? 0)) continue;
      // Only sockets the frame rules admitted: a refused socket's frames belong to no draft.
      const socket = after.sockets[item.sid];
      if (socket === undefined || socket.refused !== undefined) continue;
      const draftId = socket.draftId;
      let entry = this.byDraft.get(draftId);
      if (!entry) {
        entry = { frames: new RecentFrameRing(this.frameLimit, this.byteLimit), socketUrl: null };
        this.byDraft.set(draftId, entry);
      }
      if (item.k === 'open') entry.socketUrl = item.url;
      else entry.frames.push({ at: item.at, direction: item.dir, text: item.data });
    }
  }

  /** What is remembered for a draft (a snapshot); an archived draft's id shares its live draft's frames. */
  framesOf(draftId: string): DraftFrames {
    const entry = this.byDraft.get(draftIdOf(keyOfDraftId(draftId)));
    return entry ? { frames: entry.frames.toArray(), socketUrl: entry.socketUrl } : { frames: [], socketUrl: null };
  }

  /** Forgets every draft's frames and socket URL (the user cleared stored drafts). */
  clear(): void {
    this.byDraft.clear();
  }
}
