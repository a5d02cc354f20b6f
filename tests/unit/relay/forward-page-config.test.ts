import { describe, expect, it } from 'vitest';
import { forwardPageConfig } from '../../../src/relay/forward-page-config';

const SILENCE = { activeBudgetMs: 15_000, pausedBudgetMs: 45_000, completeBudgetMs: 45_000, pongTimeoutMs: 6_000 };

/** Stands in for the relay's end of the private port. */
function port(): { postMessage(message: unknown): void; posted: unknown[] } {
  const posted: unknown[] = [];
  return { posted, postMessage: (message) => posted.push(message) };
}

describe('forwardPageConfig', () => {
  it("passes the worker's silence thresholds to the hook over the private port", async () => {
    const relayEnd = port();
    await forwardPageConfig(relayEnd, () => Promise.resolve({ silence: SILENCE }));
    expect(relayEnd.posted).toEqual([{ silence: SILENCE }]);
  });

  it('leaves the hook on its defaults when the worker does not answer', async () => {
    const relayEnd = port();
    await expect(forwardPageConfig(relayEnd, () => Promise.reject(new Error('no receiver')))).resolves.toBeUndefined();
    expect(relayEnd.posted).toEqual([]);
  });
});
