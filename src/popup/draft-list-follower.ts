import type { DraftSummary } from '../contract/draft-view';
import type { DraftListPush, PushedDraftSummary } from '../contract/view-port';
import { byActivity, keepIfSame, mergeSummary } from './draft-list';

/**
 * The popup's list of drafts, kept live without a timer: asked once on `start`, then changed only
 * by what the worker pushes over the view port. A pushed line is merged by draftId; a
 * `drafts-changed` push asks the whole list once more.
 *
 * Pushes and the asked list travel separately, so the list may answer from before or after a
 * pushed line. Lines pushed while the list is asked are merged again over its answer: ports
 * deliver in order, so the last line pushed for a draft is never older than one pushed earlier,
 * and a line newer than the answer is still to come. A change to the list while it is asked
 * asks once more after the answer, never twice at once.
 */
export class DraftListFollower {
  private drafts: readonly DraftSummary[] = [];
  private started = false;
  private stopped = false;
  private asking = false;
  private askAgain = false;
  private pushedWhileAsking: PushedDraftSummary[] = [];

  constructor(
    private readonly ask: () => Promise<DraftSummary[]>,
    private readonly show: (drafts: readonly DraftSummary[]) => void,
  ) {}

  /** The first ask; later pushes are only merged once it was made. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.askList();
  }

  stop(): void {
    this.stopped = true;
  }

  onPush(push: DraftListPush): void {
    // Before the first ask nothing is held, and the first answer is newer than any push before it.
    if (!this.started || this.stopped) return;
    if (push.type === 'drafts-changed') {
      if (this.asking) this.askAgain = true;
      else void this.askList();
      return;
    }
    if (this.asking) this.pushedWhileAsking.push(push.summary);
    this.hold(mergeSummary(this.drafts, push.summary));
  }

  private async askList(): Promise<void> {
    this.asking = true;
    this.pushedWhileAsking = [];
    let answer: DraftSummary[] | null = null;
    try {
      answer = await this.ask();
    } catch {
      // The chooser is a convenience: the view itself reports when the worker is unreachable.
    }
    if (this.stopped) return;
    this.asking = false;
    if (answer !== null) this.hold(keepIfSame(this.drafts, this.pushedWhileAsking.reduce(mergeSummary, byActivity(answer))));
    this.pushedWhileAsking = [];
    if (this.askAgain) {
      this.askAgain = false;
      void this.askList();
    }
  }

  private hold(drafts: readonly DraftSummary[]): void {
    if (drafts === this.drafts) return;
    this.drafts = drafts;
    this.show(drafts);
  }
}
