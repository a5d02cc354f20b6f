import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { minify } from 'terser';
import type { Plugin } from 'vite';
import { REQUIRED_HOST_ORIGINS } from './src/contract/required-hosts';

/**
 * The MAIN-world hook is loaded into every ESPN draft page before the page's own scripts, so it is
 * kept under 3 KB gzip (issue #7). Terser's second compress pass takes about 5 % more off the page
 * script than the default minifier leaves; the other bundles keep the default.
 */
function minifyPageScript(): Plugin {
  return {
    name: 'draft-watch:minify-page-script',
    apply: 'build',
    generateBundle: {
      // After WXT has made the IIFE anonymous (globalName: false), so nothing lands on the page's window.
      order: 'post',
      async handler(_options, bundle) {
        for (const output of Object.values(bundle)) {
          if (output.type !== 'chunk' || output.fileName !== 'content-scripts/draft-hook.js') continue;
          const minified = (await minify(output.code, { ecma: 2020, compress: { passes: 2 }, mangle: true })).code ?? '';
          if (!/^[!(]function\(\)\{/.test(minified)) throw new Error('the minified page script is no longer one anonymous IIFE');
          output.code = minified;
        }
      },
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox must be MV3 as well; one codebase for both browsers.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact(), minifyPageScript()],
  }),
  manifest: ({ browser }) => ({
    name: 'Draft Watch',
    description: 'Follows every pick of an ESPN fantasy draft, recovers from dropped connections, and exports the pick log.',
    permissions: ['notifications', 'alarms', 'storage'],
    host_permissions: [...REQUIRED_HOST_ORIGINS],
    // Only Firefox gets these keys (Chrome warns about them). MAIN-world content scripts need Firefox 128,
    // but data_collection_permissions, which AMO requires, is read from Firefox 140 (Android 142) on.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'draft-watch@draft-watch.dev',
              strict_min_version: '140.0',
              // AMO asks every new extension to declare what it collects: nothing. The pick log stays in
              // the browser until the user exports it, and the only requests go to ESPN's own hosts.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // AMO reviews the code that built the package: `npm run zip:firefox` also writes the sources
  // archive, with only what `npm ci && npm run build:firefox` needs (README says how).
  zip: {
    excludeSources: ['tests/**', 'bench/**', 'docs/**', 'coverage/**'],
  },
});
