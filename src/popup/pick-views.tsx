import { useRef, useState } from 'preact/hooks';
import type { DraftView } from '../contract/draft-view';
import { PickList } from './pick-list';
import { DraftGrid } from './draft-grid';
import { MyRoster } from './my-roster';

export type PickViewName = 'list' | 'grid' | 'roster';

const TABS: ReadonlyArray<{ name: PickViewName; label: string }> = [
  { name: 'list', label: 'Pick list' },
  { name: 'grid', label: 'Board' },
  { name: 'roster', label: 'My team' },
];

/**
 * The picks three ways, as a WAI-ARIA tab list: Tab reaches the selected tab, the arrow keys
 * (and Home/End) move between them.
 */
export function PickViews({ view, initial = 'list' }: { view: DraftView; initial?: PickViewName }) {
  const [selected, setSelected] = useState<PickViewName>(initial);
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const select = (index: number) => {
    const wrapped = (index + TABS.length) % TABS.length;
    setSelected(TABS[wrapped]!.name);
    tabRefs.current[wrapped]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const current = TABS.findIndex((tab) => tab.name === selected);
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: TABS.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(next);
  };
  return (
    <section class="pick-views" aria-label="Picks">
      <div role="tablist" aria-label="Show picks as" class="tabs" onKeyDown={onKeyDown}>
        {TABS.map((tab, index) => (
          <button
            type="button"
            role="tab"
            key={tab.name}
            id={`tab-${tab.name}`}
            ref={(element) => {
              tabRefs.current[index] = element;
            }}
            aria-selected={tab.name === selected}
            aria-controls={`panel-${tab.name}`}
            tabindex={tab.name === selected ? 0 : -1}
            onClick={() => setSelected(tab.name)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${selected}`} aria-labelledby={`tab-${selected}`} class="pick-area" tabindex={0}>
        {selected === 'list' ? <PickList view={view} /> : selected === 'grid' ? <DraftGrid view={view} /> : <MyRoster view={view} />}
      </div>
    </section>
  );
}
