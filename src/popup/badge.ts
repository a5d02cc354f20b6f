import type { DraftView } from '../contract/draft-view';
import { displayStateOf, TONE_COLOUR, type DisplayContext } from './display-state';

export interface BadgeState {
  /** The pick count, at most four characters (the badge's room). */
  text: string;
  /** The same colour the popup's health panel uses for this state. */
  colour: string;
  /** The state in words, for the toolbar button's tooltip (never colour alone). */
  title: string;
}

/** The toolbar badge for a draft tab, consistent with the popup: same state, same colour. */
export function badgeOf(view: DraftView | null, context: DisplayContext): BadgeState {
  if (view === null) return { text: '', colour: TONE_COLOUR.idle, title: 'Draft Watch: no draft seen' };
  const display = displayStateOf(view, context);
  const picks = view.state.picks.length;
  const text = picks > 9999 ? '9999' : String(picks);
  return { text, colour: TONE_COLOUR[display.tone], title: `Draft Watch: ${display.words} · ${picks} picks` };
}
