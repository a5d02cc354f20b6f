import type { DraftState, LogEntry } from '../../../src/draft/types';
import type { PlayerInfo } from '../../../src/export/pick-log';
import { liveDraft, pickClock, run, selected, selecting, stateCode, swid } from '../draft/draft-fixture';

export const EXPORTED_AT = Date.UTC(2025, 7, 31, 3, 0, 0);

/** Four picks, one an autopick and one a D/ST, with names that need CSV care. */
export function exportedDraft(): { state: DraftState; events: LogEntry[]; players: Map<number, PlayerInfo> } {
  const { state: live, log, now } = run([selecting(1), selected(1, 4362628, 4), selected(2, 4430807, 2, null), selected(3, -16014, 8)], liveDraft({ teams: 4, rounds: 2 }));
  const more = run([selected(4, 3918298, 1), pickClock(9), { type: 'malformed', command: 'SELECTED', raw: `SELECTED ${swid(3)}`, error: `bad ${swid(3)}` }, stateCode(1)], { state: live, log, now });
  const names = ['Formula, Inc.', '"The Quotes"', 'Multi\nLine', '=HYPERLINK("http://evil")'];
  const state: DraftState = { ...more.state, teams: more.state.teams.map((team, i) => ({ ...team, name: names[i] ?? null })) };
  const players = new Map<number, PlayerInfo>([
    [4362628, { name: "Ja'Marr Chase", position: 'WR', proTeam: 'CIN' }],
    [4430807, { name: '-Bijan, "B" Robinson', position: 'RB', proTeam: 'ATL' }],
    [-16014, { name: 'Rams D/ST', position: 'D/ST', proTeam: 'LAR' }],
  ]);
  return { state, events: more.log, players };
}
