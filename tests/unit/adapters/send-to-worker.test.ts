import { beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn<(message: unknown) => Promise<unknown>>();
vi.mock('wxt/browser', () => ({ browser: { runtime: { sendMessage: (message: unknown) => sendMessage(message) } } }));

const { sendToWorker } = await import('../../../src/adapters/send-to-worker');

const SILENCE = { activeBudgetMs: 11_000, pausedBudgetMs: 45_000, completeBudgetMs: 45_000, pongTimeoutMs: 6_000 };

describe('sendToWorker', () => {
  beforeEach(() => sendMessage.mockReset());

  it('puts the type beside the request on the wire, as the worker reads it', async () => {
    sendMessage.mockResolvedValue(true);
    await sendToWorker('reload-now', { tabId: 5 });
    expect(sendMessage).toHaveBeenCalledWith({ type: 'reload-now', tabId: 5 });
  });

  it('returns a reply that fits the contract', async () => {
    sendMessage.mockResolvedValue({ silence: SILENCE });
    await expect(sendToWorker('get-page-config', {})).resolves.toEqual({ silence: SILENCE });
  });

  it.each<[string, unknown]>([
    ['no answer (a listener that refused)', undefined],
    ['a reply of the wrong shape', { silence: { activeBudgetMs: 'soon' } }],
  ])('rejects %s instead of handing it on', async (_name, reply) => {
    sendMessage.mockResolvedValue(reply);
    await expect(sendToWorker('get-page-config', {})).rejects.toThrow();
  });

  it('rejects a hook-batch acknowledgement that is not `true`, so the relay retries', async () => {
    sendMessage.mockResolvedValue(undefined);
    await expect(sendToWorker('hook-batch', { page: { sport: 'football', leagueId: '1', seasonId: 2025, teamId: null }, items: [] })).rejects.toThrow();
  });
});
