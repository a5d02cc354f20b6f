/**
 * Size limits on the path from ESPN's page to the worker. Anything larger is dropped with a
 * logged warning; the worker then sees a gap in the socket's sequence numbers and recovers the
 * missing picks from ESPN's next INIT. Every figure is far above real traffic (session A's
 * largest frame, the INIT at pick 160, is about 20 kB; a busy second carries about 30 frames).
 */

/** One frame's text (UTF-16 code units). A larger frame is not recorded; its sequence number is skipped. */
export const MAX_FRAME_CHARS = 1 << 20;

/** Items in one batch from the hook (and in one message to the worker). */
export const MAX_BATCH_ITEMS = 50_000;

/** Total frame text in one batch to the worker: well under Chrome's 64 MiB message limit. */
export const MAX_BATCH_CHARS = 8 << 20;

/** Items the relay holds while the worker is unreachable; newer items beyond this are dropped. */
export const MAX_PENDING_ITEMS = 20_000;

/**
 * Delivery attempts per batch before the relay gives up on it (about 16 s in all). The
 * worker restarts in well under a second; a worker gone for longer is not coming back for this
 * page (extension updated or disabled), and the dropped frames show up as a gap it can recover.
 */
export const RELAY_RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000, 4000, 8000] as const;
