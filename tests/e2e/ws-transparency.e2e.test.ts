import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionId, launchChromiumWithExtension } from '../support/chromium';
import { BUILT_EXTENSION_DIR } from './support/draft-room';
import { readExtensionDatabase } from './support/extension-db';
import { startSemanticsServer, type SemanticsServer } from './support/ws-semantics-server';

/** Runs the semantics page in a fresh Chromium, with or without the extension; returns what the page saw. */
async function runSemantics(server: SemanticsServer, withExtension: boolean): Promise<{ results: Record<string, unknown>; stored: string | null }> {
  const profile = await mkdtemp(join(tmpdir(), 'draft-watch-semantics-'));
  const context = await launchChromiumWithExtension({
    extensionDir: withExtension ? BUILT_EXTENSION_DIR : null,
    userDataDir: profile,
    headless: true,
    hostResolverRules: server.hostResolverRules,
  });
  try {
    const extId = withExtension ? await extensionId(context) : null;
    const page = await context.newPage();
    await page.goto(server.pageUrl);
    await page.waitForFunction(() => document.body?.dataset.results !== undefined, undefined, { timeout: 30_000 });
    const results = JSON.parse((await page.evaluate(() => document.body.dataset.results)) ?? '{}') as Record<string, unknown>;
    let stored: string | null = null;
    if (extId !== null) {
      // The hook did watch the draft-host sockets: the worker heard of them.
      await expect.poll(async () => JSON.stringify(await readExtensionDatabase(context, extId)), { timeout: 15_000 }).toContain('ffl:24680:2026');
      stored = JSON.stringify(await readExtensionDatabase(context, extId));
    }
    return { results, stored };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

describe('WebSocket semantics are the same with and without the extension (Chromium)', () => {
  let server: SemanticsServer;

  beforeAll(async () => {
    server = await startSemanticsServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('constants, instanceof, handler order, binaryType, close codes, bufferedAmount, subclassing; other hosts untouched', async () => {
    const plain = await runSemantics(server, false);
    const hooked = await runSemantics(server, true);
    expect(plain.results.error).toBeUndefined();
    // The page really exercised both hosts (a sanity check on the page itself).
    expect(plain.results).toMatchObject({
      draftHost: { instanceOf: true, close: { code: 4001, reason: 'server says bye', wasClean: true }, subclass: { echo: 'from subclass' } },
      otherHost: { instanceOf: true, binaryIsArrayBuffer: true },
    });
    expect(hooked.results).toEqual(plain.results);
    // Sockets to other hosts never reach the extension.
    expect(hooked.stored).not.toContain('bamgrid');
  });
});
