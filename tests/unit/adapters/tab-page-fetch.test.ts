import { describe, expect, it, vi } from 'vitest';
import type { browser } from 'wxt/browser';
import { createTabPageFetch } from '../../../src/adapters/tab-page-fetch';

function fakeBrowser(answer: unknown) {
  const sendMessage = vi.fn<(tabId: number, message: unknown) => Promise<unknown>>(() => Promise.resolve(answer));
  return { sendMessage, browser: { tabs: { sendMessage } } as unknown as typeof browser };
}

const URL = 'https://lm-api-reads.fantasy.espn.com/apis/v3/games/ffl/seasons/2025/segments/0/leagues/1?view=mTeam';

describe('createTabPageFetch', () => {
  it('asks the draft tab with a page-fetch request and returns its checked answer', async () => {
    const fake = fakeBrowser({ ok: true, status: 200, body: '{}' });
    await expect(createTabPageFetch(fake.browser)(7, URL, { Accept: 'application/json' }, 5000)).resolves.toEqual({ ok: true, status: 200, body: '{}' });
    expect(fake.sendMessage).toHaveBeenCalledWith(7, { type: 'page-fetch', url: URL, headers: { Accept: 'application/json' }, timeoutMs: 5000 });
  });

  it.each<[string, unknown]>([
    ['no answer', undefined],
    ['an answer of the wrong shape', { ok: true, status: '200', body: '{}' }],
    ['an unknown error kind', { ok: false, error: 'boom', message: 'x' }],
  ])('turns %s into a network failure', async (_name, answer) => {
    await expect(createTabPageFetch(fakeBrowser(answer).browser)(7, URL, {}, 5000)).resolves.toEqual({
      ok: false,
      error: 'network',
      message: 'the draft tab gave no usable answer',
    });
  });
});
