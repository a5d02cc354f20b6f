import { describe, expect, it } from 'vitest';
import { SILENCE_CONFIG_EVENT } from '../../../src/contract/page-events';
import { forwardPageConfig } from '../../../src/relay/forward-page-config';

const SILENCE = { activeBudgetMs: 15_000, pausedBudgetMs: 45_000, completeBudgetMs: 45_000, pongTimeoutMs: 6_000 };

function listen(target: EventTarget): unknown[] {
  const details: unknown[] = [];
  target.addEventListener(SILENCE_CONFIG_EVENT, (event) => details.push('detail' in event ? event.detail : undefined));
  return details;
}

describe('forwardPageConfig', () => {
  it("passes the worker's silence thresholds to the hook as a JSON string", async () => {
    const target = new EventTarget();
    const details = listen(target);
    await forwardPageConfig(target, () => Promise.resolve({ silence: SILENCE }));
    expect(details).toEqual([JSON.stringify(SILENCE)]);
  });

  it('leaves the hook on its defaults when the worker does not answer', async () => {
    const target = new EventTarget();
    const details = listen(target);
    await expect(forwardPageConfig(target, () => Promise.reject(new Error('no receiver')))).resolves.toBeUndefined();
    expect(details).toEqual([]);
  });
});
