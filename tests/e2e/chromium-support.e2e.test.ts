/**
 * The browser helpers themselves, with a tiny throwaway MV3 extension (independent of the real
 * build): headless extension loading, extension id, popup page, service-worker termination, and
 * the host-resolver mapping seen from the extension.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_CANDIDATES, chromiumArgs, findChromium, serviceWorkerTarget } from '../support/chromium';
import { withDraftRoom } from './support/draft-room';

let extDir: string;

/** Runs chrome.runtime.sendMessage(msg) inside an extension page. */
const ask = (msg: string) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: string): Promise<unknown> } } }).chrome.runtime.sendMessage(msg);

beforeAll(() => {
  extDir = mkdtempSync(join(tmpdir(), 'draft-watch-test-ext-'));
  writeFileSync(
    join(extDir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'sim helper probe',
      version: '1.0',
      background: { service_worker: 'sw.js' },
      action: { default_popup: 'popup.html' },
      host_permissions: ['https://lm-api-reads.fantasy.espn.com/*'],
    }),
  );
  writeFileSync(
    join(extDir, 'sw.js'),
    `self.startedAt = Date.now();
chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
  if (msg === 'startedAt') reply(self.startedAt);
  if (msg === 'fetch') {
    fetch(msg.url ?? 'https://lm-api-reads.fantasy.espn.com/apis/v3/games/ffl/seasons/2026/players?view=players_wl')
      .then((r) => r.json()).then((j) => reply(j.length), (e) => reply(String(e)));
    return true;
  }
});`,
  );
  writeFileSync(join(extDir, 'popup.html'), '<!doctype html><p data-testid="probe">probe popup</p><script src="popup.js"></script>');
  writeFileSync(join(extDir, 'popup.js'), '');
});

afterAll(() => rmSync(extDir, { recursive: true, force: true }));

describe('browser support helpers', () => {
  it('finds Chromium and builds the flags', () => {
    expect(findChromium({ CHROME_PATH: '/nonexistent' })).toBe(findChromium({}));
    expect(CHROMIUM_CANDIDATES).toContain('/usr/bin/chromium');
    const args = chromiumArgs({ extensionDir: '/x/ext', hostResolverRules: 'MAP *.espn.com 127.0.0.1:9' });
    expect(args).toEqual(
      expect.arrayContaining([
        '--disable-gpu',
        '--disable-quic',
        '--ignore-certificate-errors',
        '--host-resolver-rules=MAP *.espn.com 127.0.0.1:9',
        '--disable-extensions-except=/x/ext',
        '--load-extension=/x/ext',
      ]),
    );
  });

  it('loads an extension headless, opens its popup, and terminates/restarts its worker', async () => {
    await withDraftRoom({ extension: extDir, headless: true, sim: { teams: 4, rounds: 2 } }, async (room) => {
      expect(room.extensionId).toMatch(/^[a-p]{32}$/);
      const popup = await room.openPopup();
      expect(await popup.getByTestId('probe').innerText()).toBe('probe popup');

      // The extension's own fetch reaches the simulator through the host mapping.
      const count = await popup.evaluate(ask, 'fetch');
      expect(count).toBe(room.sim.players.length);

      const before = await popup.evaluate(ask, 'startedAt');
      const target = await serviceWorkerTarget(room.context, room.extensionId!);
      expect(target?.url).toBe(`chrome-extension://${room.extensionId}/sw.js`);
      await target!.terminate();
      expect(await serviceWorkerTarget(room.context, room.extensionId!)).toBeNull();
      // Any extension event restarts it, with fresh globals.
      const after = await popup.evaluate(ask, 'startedAt');
      expect(after).toBeGreaterThan(before as number);
      expect(await room.terminateServiceWorker()).toBe(true);

      await room.sim.whenComplete();
      await room.waitForBoard(8);
    });
  });
});
