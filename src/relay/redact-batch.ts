import { redactSocketUrl, redactTokenFrame } from '../contract/redact';

/**
 * Takes the member's secrets out of a hook batch, in place, before it leaves the tab: the SWID and
 * join token in a socket URL (`open` items) and in `TOKEN` frames, either direction. The hook
 * sends them raw over the private port, which no page script can read (see SECURITY.md); doing
 * it here, in the isolated world whose built-ins the page cannot touch, keeps the page script
 * small. The worker redacts again on arrival.
 *
 * The batch is not validated yet (the worker does that), so every field is checked before use.
 */
export function redactBatchInPlace(batch: readonly unknown[]): void {
  for (const item of batch) {
    if (typeof item !== 'object' || item === null) continue;
    const fields = item as { k?: unknown; url?: unknown; data?: unknown };
    if (fields.k === 'open' && typeof fields.url === 'string') fields.url = redactSocketUrl(fields.url);
    else if (fields.k === 'frame' && typeof fields.data === 'string' && fields.data.startsWith('TOKEN')) fields.data = redactTokenFrame(fields.data);
  }
}
