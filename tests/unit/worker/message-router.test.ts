import { describe, expect, it, vi } from 'vitest';
import type { MessageSender } from '../../../src/contract/messages';
import { routeWorkerMessage, type WorkerHandlers } from '../../../src/worker/message-router';

const PAGE = { sport: 'football', leagueId: '123456789', seasonId: 2025, teamId: 3 };
const ITEMS = [{ k: 'open', sid: 'a1', at: 1_756_607_400_000, url: 'wss://example.invalid/socket' }];
const SILENCE = { activeBudgetMs: 11_000, pausedBudgetMs: 45_000, completeBudgetMs: 45_000, pongTimeoutMs: 6_000 };

const EXTENSION_PAGE: MessageSender = { fromExtensionPage: true, tabId: undefined };
const CONTENT_SCRIPT: MessageSender = { fromExtensionPage: false, tabId: 42 };

function spyHandlers() {
  const handlers = {
    'hook-batch': vi.fn(() => Promise.resolve(true as const)),
    'get-view': vi.fn(() => Promise.resolve(null)),
    'reload-now': vi.fn(() => Promise.resolve(true as const)),
    'set-settings': vi.fn(() => Promise.resolve(true as const)),
    'get-page-config': vi.fn(() => Promise.resolve({ silence: SILENCE })),
    'list-drafts': vi.fn(() => Promise.resolve([])),
    'export-capture': vi.fn(() => Promise.resolve({ text: '', frames: 0 })),
    'get-settings': vi.fn(() => Promise.resolve({ recovery: {}, silence: {} })),
    'clear-drafts': vi.fn(() => Promise.resolve(0)),
  } satisfies WorkerHandlers;
  return handlers;
}

describe('routeWorkerMessage: who may send what', () => {
  it.each([
    ['get-view', { type: 'get-view', tabId: 5 }],
    ['reload-now', { type: 'reload-now', tabId: 5 }],
    ['set-settings', { type: 'set-settings', settings: {} }],
    ['list-drafts', { type: 'list-drafts' }],
    ['export-capture', { type: 'export-capture', draftId: 'ffl:1:2025' }],
    ['get-settings', { type: 'get-settings' }],
    ['clear-drafts', { type: 'clear-drafts', confirmed: true }],
  ] as const)('refuses %s from a content script, without calling its handler', (type, message) => {
    const handlers = spyHandlers();
    expect(routeWorkerMessage(message, CONTENT_SCRIPT, handlers)).toBeUndefined();
    expect(handlers[type]).not.toHaveBeenCalled();
  });

  it.each([
    ['get-view', { type: 'get-view', tabId: 5 }, { tabId: 5 }],
    ['get-view', { type: 'get-view', tabId: null, draftId: 'ffl:1:2025:reset-9' }, { tabId: null, draftId: 'ffl:1:2025:reset-9' }],
    ['list-drafts', { type: 'list-drafts' }, {}],
    ['export-capture', { type: 'export-capture', draftId: 'ffl:1:2025' }, { draftId: 'ffl:1:2025' }],
    ['reload-now', { type: 'reload-now', tabId: 5 }, { tabId: 5 }],
    ['set-settings', { type: 'set-settings', settings: { recovery: { graceMs: 3000 } } }, { settings: { recovery: { graceMs: 3000 }, silence: {} } }],
  ] as const)('hands %s from an extension page to its handler, validated and without its type', async (type, message, request) => {
    const handlers = spyHandlers();
    await routeWorkerMessage(message, EXTENSION_PAGE, handlers);
    expect(handlers[type]).toHaveBeenCalledWith(request, EXTENSION_PAGE);
  });

  it('takes hook batches and page-config requests from content scripts, with the sender as the browser reported it', async () => {
    const handlers = spyHandlers();
    await expect(routeWorkerMessage({ type: 'hook-batch', page: PAGE, items: ITEMS }, CONTENT_SCRIPT, handlers)).resolves.toBe(true);
    expect(handlers['hook-batch']).toHaveBeenCalledWith({ page: PAGE, items: ITEMS }, CONTENT_SCRIPT);
    await expect(routeWorkerMessage({ type: 'get-page-config' }, CONTENT_SCRIPT, handlers)).resolves.toEqual({ silence: SILENCE });
  });

  it('never takes a tab id from the message body: a page-supplied tabId on a hook batch is dropped', async () => {
    const handlers = spyHandlers();
    await routeWorkerMessage({ type: 'hook-batch', page: PAGE, items: ITEMS, tabId: 99 }, CONTENT_SCRIPT, handlers);
    expect(handlers['hook-batch']).toHaveBeenCalledWith({ page: PAGE, items: ITEMS }, CONTENT_SCRIPT);
  });
});

describe('routeWorkerMessage: what is ignored', () => {
  it.each<[string, unknown]>([
    ['not an object', 'get-view'],
    ['no type', { tabId: 5 }],
    ['an unknown type', { type: 'drop-database' }],
    ['an inherited property name as type', { type: 'toString' }],
    ['a page-fetch request (meant for the content script)', { type: 'page-fetch', url: 'https://lm-api-reads.fantasy.espn.com/', timeoutMs: 1000 }],
    ['a hook batch with a bad page context', { type: 'hook-batch', page: { ...PAGE, leagueId: 'abc' }, items: ITEMS }],
    ['a hook batch from an unknown sport', { type: 'hook-batch', page: { ...PAGE, sport: 'curling' }, items: ITEMS }],
    ['a hook batch with a bad item', { type: 'hook-batch', page: PAGE, items: [{ k: 'open', sid: '', at: 1, url: 'x' }] }],
    ['a reload without a tab', { type: 'reload-now' }],
    ['settings below their floors', { type: 'set-settings', settings: { recovery: { graceMs: 0 } } }],
  ])('%s', (_name, message) => {
    const handlers = spyHandlers();
    expect(routeWorkerMessage(message, EXTENSION_PAGE, handlers)).toBeUndefined();
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });
});
