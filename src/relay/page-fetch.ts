import type { PageFetchRequest, PageFetchResult } from '../contract/page-fetch';

/**
 * Runs a worker-requested GET from the page's origin with the user's cookies,
 * which private leagues require. Only ESPN's read API is allowed as a target.
 */
export async function fetchFromPage(request: PageFetchRequest, fetchImpl: typeof fetch): Promise<PageFetchResult> {
  if (!request.url.startsWith('https://lm-api-reads.fantasy.espn.com/')) {
    return { ok: false, error: 'network', message: 'refused: not an ESPN read API URL' };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const response = await fetchImpl(request.url, {
      credentials: 'include',
      headers: request.headers,
      signal: controller.signal,
    });
    return { ok: true, status: response.status, body: await response.text() };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, error: 'timeout', message: `no answer within ${request.timeoutMs} ms` };
    return { ok: false, error: 'network', message: String(error) };
  } finally {
    clearTimeout(timer);
  }
}
