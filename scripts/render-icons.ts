/**
 * Renders assets/icon.svg to the PNG sizes the manifests use (public/icon/{16,32,48,96,128}.png),
 * with Chromium headless so the pixels match what the browser's own SVG renderer draws.
 * Run once after editing the SVG and commit the PNGs:  node --import tsx scripts/render-icons.ts
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_INSTALL_HINT } from '../tests/support/chromium';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SOURCE = join(REPO, 'assets', 'icon.svg');
const OUT_DIR = join(REPO, 'public', 'icon');
/** Toolbar (16, 32), extensions page (48), Firefox's add-ons manager at 2x (96), store listing (128). */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_INSTALL_HINT);
  const svg = readFileSync(SOURCE, 'utf8');
  const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath, headless: true });
  try {
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`);
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const path = join(OUT_DIR, `${size}.png`);
      await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`wrote ${path}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
