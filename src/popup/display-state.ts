import type { DraftView } from '../contract/draft-view';
import { displayStatus } from '../connection/status';

/**
 * The one place that turns a draft view into the state a drafter reads in two seconds: a word,
 * a sentence and a tone. The panel, the badge and the header all read it, so they never disagree.
 * It reads the connection's derived `displayStatus` (src/connection/status.ts) and nothing else of it.
 */
export type DisplayKind =
  | 'following'
  | 'connecting'
  | 'reconnecting'
  | 'stalled'
  | 'failed'
  | 'elsewhere'
  | 'complete'
  | 'not-attached';

/** Tones carry meaning twice: the colour, and the words beside it (never colour alone). */
export type DisplayTone = 'good' | 'working' | 'warning' | 'bad' | 'done' | 'idle';

export interface DisplayState {
  kind: DisplayKind;
  /** Two or three words: "Following live". */
  words: string;
  /** One sentence: what it means, and what to do if anything. */
  detail: string;
  tone: DisplayTone;
  /** The user must act: offer "Reload draft tab" prominently. */
  needsUser: boolean;
}

/** Colour of each tone, shared by the popup's CSS variables and the toolbar badge. */
export const TONE_COLOUR: Readonly<Record<DisplayTone, string>> = Object.freeze({
  good: '#15803d',
  working: '#b45309',
  warning: '#c2410c',
  bad: '#b91c1c',
  done: '#1d4ed8',
  idle: '#4b5563',
});

export interface DisplayContext {
  /** The popup's active tab when it is a draft room, else null. */
  activeDraftTabId: number | null;
}

const STATES: Readonly<Record<DisplayKind, Omit<DisplayState, 'kind'>>> = {
  following: { words: 'Following live', detail: 'Every pick is being recorded as it happens.', tone: 'good', needsUser: false },
  connecting: { words: 'Connecting', detail: 'The draft room is joining; waiting for ESPN’s first snapshot.', tone: 'working', needsUser: false },
  reconnecting: {
    words: 'Reconnecting',
    detail: 'The connection dropped; Draft Watch is getting it back and will catch up missed picks.',
    tone: 'working',
    needsUser: false,
  },
  stalled: { words: 'Stalled', detail: 'ESPN went quiet; recovery starts if it does not speak again soon.', tone: 'warning', needsUser: false },
  failed: {
    words: 'Recovery failed',
    detail: 'Automatic reloads did not bring the draft back. Reload the draft tab.',
    tone: 'bad',
    needsUser: true,
  },
  elsewhere: {
    words: 'Draft open elsewhere',
    detail: 'ESPN moved this draft to another tab or device. Reload here to follow it in this tab again.',
    tone: 'bad',
    needsUser: true,
  },
  complete: { words: 'Draft complete', detail: 'The draft is over; the pick log is ready to export.', tone: 'done', needsUser: false },
  'not-attached': {
    words: 'Not attached',
    detail: 'No draft connection seen in this tab (e.g. the extension was installed after it opened). Reload the draft tab.',
    tone: 'idle',
    needsUser: true,
  },
};

function displayOf(kind: DisplayKind): DisplayState {
  return { kind, ...STATES[kind] };
}

export function displayKindOf(view: DraftView | null, context: DisplayContext): DisplayKind {
  if (view === null) return 'not-attached';
  const { connection, state } = view;
  // A draft room in focus that the worker has no connection for: its socket opened before we could see it.
  if (context.activeDraftTabId !== null && view.tabId !== context.activeDraftTabId && state.status !== 'complete') return 'not-attached';
  if (state.status === 'complete') return 'complete';
  if (connection === null) return 'not-attached';
  switch (displayStatus(connection)) {
    case 'live':
      return 'following';
    case 'connecting':
      return 'connecting';
    case 'stalled':
      return 'stalled';
    case 'dropped':
    case 'recovering':
      return 'reconnecting';
    case 'failed':
      return 'failed';
    case 'kicked':
      return 'elsewhere';
    case 'finished':
      return 'complete';
    case 'unloaded':
      return 'not-attached';
  }
}

/** The view's state in words and tone. Pure: the same view and context always read the same. */
export function displayStateOf(view: DraftView | null, context: DisplayContext = { activeDraftTabId: null }): DisplayState {
  const kind = displayKindOf(view, context);
  if (kind === 'not-attached' && view?.connection && displayStatus(view.connection) === 'unloaded') {
    return { ...displayOf(kind), detail: 'The draft tab was closed or left the draft room. Open the draft room again to follow it.' };
  }
  return displayOf(kind);
}
