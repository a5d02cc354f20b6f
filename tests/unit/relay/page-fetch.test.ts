import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageFetchRequest } from '../../../src/contract/page-fetch';
import { fetchFromPage } from '../../../src/relay/page-fetch';

const API = 'https://lm-api-reads.fantasy.espn.com/apis/v3/games/ffl/seasons/2025/segments/0/leagues/123?view=mTeam';

const request = (overrides: Partial<PageFetchRequest> = {}): PageFetchRequest => ({
  type: 'page-fetch',
  url: API,
  timeoutMs: 15_000,
  ...overrides,
});

interface FakeFetch {
  impl: typeof fetch;
  calls: Array<{ url: string; init: RequestInit | undefined }>;
}

/** A fetch stand-in; `answer` decides what each call does. */
function fakeFetch(answer: (url: string, init: RequestInit | undefined) => Promise<Response>): FakeFetch {
  const calls: FakeFetch['calls'] = [];
  const impl = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    calls.push({ url, init });
    return answer(url, init);
  }) as typeof fetch;
  return { impl, calls };
}

/** Like the real fetch: never answers by itself, rejects with AbortError once the signal aborts. */
const hangingUntilAborted = (_url: string, init: RequestInit | undefined): Promise<Response> =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
  });

afterEach(() => {
  vi.useRealTimers();
});

describe('fetchFromPage: allowed targets', () => {
  const refused = [
    'http://lm-api-reads.fantasy.espn.com/apis/v3/games/ffl',
    'https://fantasy.espn.com/apis/v3/games/ffl',
    'https://lm-api-reads.fantasy.espn.com.evil.example/apis',
    'https://lm-api-reads.fantasy.espn.com:8443/apis',
    'https://evil.example/https://lm-api-reads.fantasy.espn.com/',
    'https://user@lm-api-reads.fantasy.espn.com/apis',
    'https://lm-api-reads.fantasy.espn.com',
    'https://LM-API-READS.fantasy.espn.com/apis',
    ' https://lm-api-reads.fantasy.espn.com/apis',
    'javascript:alert(1)//https://lm-api-reads.fantasy.espn.com/',
    '',
  ];

  it.each(refused)('refuses %j without fetching', async (url) => {
    const fetch = fakeFetch(async () => new Response('{}'));
    const result = await fetchFromPage(request({ url }), fetch.impl);
    expect(result).toEqual({ ok: false, error: 'network', message: 'refused: not an ESPN read API URL' });
    expect(fetch.calls).toEqual([]);
  });

  it('fetches an lm-api-reads URL exactly as given', async () => {
    const fetch = fakeFetch(async () => new Response('{}'));
    await fetchFromPage(request(), fetch.impl);
    expect(fetch.calls.map((c) => c.url)).toEqual([API]);
  });
});

describe('fetchFromPage: the request', () => {
  it("sends the user's cookies (credentials: 'include') and the given headers, with an abort signal", async () => {
    const fetch = fakeFetch(async () => new Response('[]'));
    const headers = { 'x-fantasy-filter': '{"filterActive":{"value":true}}', 'x-fantasy-source': 'kona' };
    await fetchFromPage(request({ headers }), fetch.impl);
    expect(fetch.calls).toHaveLength(1);
    const init = fetch.calls[0]!.init!;
    expect(init.credentials).toBe('include');
    expect(init.headers).toEqual(headers);
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(init.signal!.aborted).toBe(false);
  });

  it('sends no headers when none are given', async () => {
    const fetch = fakeFetch(async () => new Response('[]'));
    await fetchFromPage(request(), fetch.impl);
    expect(fetch.calls[0]!.init!.headers).toBeUndefined();
    expect(fetch.calls[0]!.init!.credentials).toBe('include');
  });
});

describe('fetchFromPage: answers', () => {
  it.each([200, 401, 403, 404, 500, 503])('returns status %i and the body text', async (status) => {
    const body = JSON.stringify({ status, note: 'ünïcode ✓' });
    const fetch = fakeFetch(async () => new Response(body, { status }));
    expect(await fetchFromPage(request(), fetch.impl)).toEqual({ ok: true, status, body });
  });

  it('returns an empty body as an empty string', async () => {
    const fetch = fakeFetch(async () => new Response(null, { status: 204 }));
    expect(await fetchFromPage(request(), fetch.impl)).toEqual({ ok: true, status: 204, body: '' });
  });

  it('reports a network failure with its message', async () => {
    const fetch = fakeFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    const result = await fetchFromPage(request(), fetch.impl);
    expect(result).toEqual({ ok: false, error: 'network', message: 'TypeError: Failed to fetch' });
  });

  it('reports a body that cannot be read as a network failure', async () => {
    const response = new Response('x');
    vi.spyOn(response, 'text').mockRejectedValue(new Error('stream broke'));
    const fetch = fakeFetch(async () => response);
    expect(await fetchFromPage(request(), fetch.impl)).toEqual({ ok: false, error: 'network', message: 'Error: stream broke' });
  });

  it('gives up with a timeout once timeoutMs passes without an answer', async () => {
    vi.useFakeTimers();
    const fetch = fakeFetch(hangingUntilAborted);
    let settled: unknown = undefined;
    const pending = fetchFromPage(request({ timeoutMs: 5_000 }), fetch.impl).then((r) => (settled = r));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(settled).toBeUndefined();
    expect(fetch.calls[0]!.init!.signal!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(settled).toEqual({ ok: false, error: 'timeout', message: 'no answer within 5000 ms' });
    expect(fetch.calls[0]!.init!.signal!.aborted).toBe(true);
  });

  it('answers in time and clears its timer (no late abort)', async () => {
    vi.useFakeTimers();
    const fetch = fakeFetch(async () => new Response('ok', { status: 200 }));
    const result = await fetchFromPage(request({ timeoutMs: 1_000 }), fetch.impl);
    expect(result).toEqual({ ok: true, status: 200, body: 'ok' });
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetch.calls[0]!.init!.signal!.aborted).toBe(false);
  });

  it('clears its timer after a network failure too', async () => {
    vi.useFakeTimers();
    const fetch = fakeFetch(async () => {
      throw new TypeError('offline');
    });
    await fetchFromPage(request({ timeoutMs: 1_000 }), fetch.impl);
    expect(vi.getTimerCount()).toBe(0);
  });
});
