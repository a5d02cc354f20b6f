import { describe, expect, it, vi } from 'vitest';
import type { browser } from 'wxt/browser';
import { oncePerBrowserSession } from '../../../src/adapters/browser-session';

/** storage.session as the browser keeps it: empty after a restart, kept across worker restarts. */
function fakeBrowser() {
  const session: Record<string, unknown> = {};
  const storage = {
    get: (key: string) => Promise.resolve(key in session ? { [key]: session[key] } : {}),
    set: (items: Record<string, unknown>) => Promise.resolve(void Object.assign(session, items)),
  };
  return { session, browser: { storage: { session: storage } } as unknown as typeof browser };
}

describe('oncePerBrowserSession', () => {
  it('runs the task on the first start of a browser session only', async () => {
    const fake = fakeBrowser();
    const task = vi.fn(() => Promise.resolve());
    await oncePerBrowserSession(fake.browser, () => 1000, task);
    await oncePerBrowserSession(fake.browser, () => 2000, task);
    expect(task).toHaveBeenCalledTimes(1);
    expect(Object.values(fake.session)).toEqual([1000]);
  });

  it('tries again on the next start when the task failed', async () => {
    const fake = fakeBrowser();
    await expect(oncePerBrowserSession(fake.browser, () => 1000, () => Promise.reject(new Error('store busy')))).rejects.toThrow('store busy');
    const task = vi.fn(() => Promise.resolve());
    await oncePerBrowserSession(fake.browser, () => 2000, task);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
