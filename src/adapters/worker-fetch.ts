import type { FetchAnswer, LeagueRequest } from '../lookups/league-client';

/** A GET from the extension's own origin (needs host access to the API host; public reads need no cookies). */
export async function fetchFromWorker(request: LeagueRequest): Promise<FetchAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const response = await fetch(request.url, { headers: request.headers, signal: controller.signal });
    return { ok: true, status: response.status, body: await response.text() };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, error: 'timeout', message: `no answer within ${request.timeoutMs} ms` };
    return { ok: false, error: 'network', message: String(error) };
  } finally {
    clearTimeout(timer);
  }
}
