import { describe, expect, it } from 'vitest';
import { OptionsForm } from '../../../src/popup/options/options-form';
import { formatBytes, settingsFrom, valuesOf, type OptionsValues } from '../../../src/popup/options/options-values';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '../../../src/connection/notifications';
import { settingsSchema } from '../../../src/contract/settings';
import { renderDom } from './render-dom';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('options values', () => {
  it('shows the documented defaults when nothing is stored', () => {
    expect(valuesOf({})).toEqual({ autoReload: true, graceSeconds: 8, reloadAttempts: 6, stallSeconds: 11, notifications: DEFAULT_NOTIFICATION_PREFERENCES });
  });

  it('stores clamped values the worker schema accepts, keeping other stored fields', () => {
    const previous = { recovery: { reloadTimeoutMs: 30_000 }, silence: { pongTimeoutMs: 7_000 } };
    const settings = settingsFrom({ ...valuesOf(previous), autoReload: false, graceSeconds: 0.1, reloadAttempts: 99, stallSeconds: 15 }, previous);
    expect(settings).toEqual({
      recovery: { reloadTimeoutMs: 30_000, autoReload: false, graceMs: 500, maxAttempts: 20 },
      silence: { pongTimeoutMs: 7_000, activeBudgetMs: 15_000 },
    });
    expect(settingsSchema.safeParse(settings).success).toBe(true);
    expect(formatBytes(1536)).toBe('1.5 kB');
  });
});

describe('OptionsForm', () => {
  it('renders every control labelled and saves what the user changed', async () => {
    const saved: OptionsValues[] = [];
    const dom = renderDom(
      <OptionsForm initial={valuesOf({})} storageUsedBytes={2 * 1024 * 1024} onSave={(values) => Promise.resolve(void saved.push(values))} onClearDrafts={() => Promise.resolve(3)} />,
    );
    expect(dom.all('label input')).toHaveLength(8);
    expect(dom.one('[data-testid="storage-used"]').textContent).toBe('Storage used: 2.0 MB');
    const grace = dom.one('input[name="graceSeconds"]') as HTMLInputElement;
    grace.value = '4';
    grace.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    const clock = dom.one('input[name="onTheClock"]') as HTMLInputElement;
    clock.checked = false;
    clock.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
    await settle();
    dom.one('form').dispatchEvent(new dom.window.Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(saved).toEqual([{ ...valuesOf({}), graceSeconds: 4, notifications: { ...DEFAULT_NOTIFICATION_PREFERENCES, onTheClock: false } }]);
    expect(dom.one('[data-testid="options-status"]').textContent).toBe('Saved.');
  });

  it('clears stored drafts only when the user confirmed', async () => {
    let answer: number | null = null;
    const dom = renderDom(<OptionsForm initial={valuesOf({})} storageUsedBytes={null} onSave={() => Promise.resolve()} onClearDrafts={() => Promise.resolve(answer)} />);
    const button = dom.all('button').find((element) => element.textContent?.includes('Clear stored drafts'))!;
    await dom.click(button);
    expect(dom.one('[data-testid="options-status"]').textContent).toBe('');
    answer = 2;
    await dom.click(button);
    expect(dom.one('[data-testid="options-status"]').textContent).toBe('Removed 2 stored drafts.');
    expect(dom.text()).toContain('Storage used: unknown');
  });
});
