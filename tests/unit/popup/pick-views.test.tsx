import { describe, expect, it } from 'vitest';
import { PickViews } from '../../../src/popup/pick-views';
import { PickList } from '../../../src/popup/pick-list';
import { DraftGrid } from '../../../src/popup/draft-grid';
import { MyRoster } from '../../../src/popup/my-roster';
import { draftView, pick } from './view-fixture';
import { cellsOf, renderDom, textOf } from './render-dom';

describe('PickList', () => {
  it('lists picks newest first with name, position and pro team', () => {
    const rows = renderDom(<PickList view={draftView()} />).all('[data-testid="pick-row"]').map(cellsOf);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual(['5', '2.01', 'Team Four', 'CeeDee Lamb WR · DAL']);
    expect(rows[4]).toEqual(['1', '1.01', 'Team One', "Ja'Marr Chase WR · CIN"]);
  });

  it('marks recovered and auto picks and highlights the user’s team', () => {
    const page = renderDom(<PickList view={draftView()} />);
    const rows = page.all('[data-testid="pick-row"]');
    const second = rows.find((row) => cellsOf(row)[0] === '2')!;
    expect(second.getAttribute('class')).toBe('mine');
    expect(second.querySelector('[data-testid="recovered-mark"]')).not.toBeNull();
    expect(rows.filter((row) => row.getAttribute('class') === 'mine')).toHaveLength(1);
    expect(cellsOf(rows.find((row) => cellsOf(row)[0] === '3')!)[3]).toBe('Josh Allen QB · BUF auto');
  });

  it('shows the player id until names arrive', () => {
    const view = { ...draftView(), players: {} };
    expect(cellsOf(renderDom(<PickList view={view} />).all('[data-testid="pick-row"]')[0]!)[3]).toBe('Player #4241389');
  });

  it('says so when there are no picks', () => {
    expect(renderDom(<PickList view={draftView({ state: { picks: [] } })} />).text()).toBe('No picks yet.');
  });
});

describe('DraftGrid', () => {
  it('lays the board out by round and team in draft order, the user’s column highlighted', () => {
    const page = renderDom(<DraftGrid view={draftView()} />);
    const headers = page.all('thead th').map(textOf);
    expect(headers).toEqual(['Rd', 'Team One', 'Gridiron Gurus', 'Team Three', 'Team Four']);
    const rows = page.all('tbody tr');
    expect(rows).toHaveLength(3);
    const cells = (row: number) => cellsOf(rows[row]!).slice(1);
    expect(cells(0)).toEqual(['J. Chase WR CIN', 'B. Robinson RB ATL ↺', 'J. Allen QB BUF', 'Rams D/ST D/ST LAR']);
    // Round 2 snakes back: team 4 picked 5th; team 3 is on the clock.
    expect(cells(1)).toEqual(['', '', 'on the clock', 'C. Lamb WR DAL']);
    // The full name stays one hover away.
    expect(page.one('.grid-pick').getAttribute('title')).toBe("Ja'Marr Chase · WR · CIN · pick 1");
    const mine = page.all('td.mine');
    expect(mine).toHaveLength(3);
    expect(page.all('td.recovered')).toHaveLength(1);
  });

  it('keeps both picks of a team that traded into a round', () => {
    const view = draftView({ state: { picks: [pick(1, 4362628), pick(2, 4430807, { teamId: 1 })] } });
    const firstCell = renderDom(<DraftGrid view={view} />).all('tbody tr')[0]!.querySelector('td')!;
    expect(firstCell.querySelectorAll('.grid-pick')).toHaveLength(2);
  });
});

describe('MyRoster', () => {
  it('lists only the user’s picks with the roster slot each took', () => {
    const rows = renderDom(<MyRoster view={draftView()} />).all('[data-testid="roster-row"]').map(cellsOf);
    expect(rows).toEqual([['1.02', 'WR', 'Bijan Robinson RB · ATL recovered']]);
  });

  it('explains an unknown team', () => {
    expect(renderDom(<MyRoster view={draftView({ state: { myTeamId: null } })} />).text()).toContain('Your team is not known');
  });
});

describe('PickViews', () => {
  it('switches between list, board and roster by click', async () => {
    const page = renderDom(<PickViews view={draftView()} />);
    expect(page.all('[data-testid="pick-list"]')).toHaveLength(1);
    const tabs = page.all('[role="tab"]');
    expect(tabs.map(textOf)).toEqual(['Pick list', 'Board', 'My team']);
    await page.click(tabs[1]!);
    expect(page.all('[data-testid="draft-grid"]')).toHaveLength(1);
    expect(page.all('[data-testid="pick-list"]')).toHaveLength(0);
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    await page.click(tabs[2]!);
    expect(page.all('[data-testid="my-roster"]')).toHaveLength(1);
  });

  it('moves between tabs with the arrow keys, one tab stop at a time', async () => {
    const page = renderDom(<PickViews view={draftView()} />);
    const tablist = page.one('[role="tablist"]');
    expect(page.all('[role="tab"]').map((tab) => tab.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    await page.key(tablist, 'ArrowLeft');
    expect(page.all('[data-testid="my-roster"]')).toHaveLength(1);
    await page.key(tablist, 'ArrowRight');
    expect(page.all('[data-testid="pick-list"]')).toHaveLength(1);
    await page.key(tablist, 'End');
    expect(page.all('[role="tab"]').map((tab) => tab.getAttribute('tabindex'))).toEqual(['-1', '-1', '0']);
    const panel = page.one('[role="tabpanel"]');
    expect(panel.getAttribute('aria-labelledby')).toBe('tab-roster');
  });
});
