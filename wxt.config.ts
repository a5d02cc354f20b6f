import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { REQUIRED_HOST_ORIGINS } from './src/contract/required-hosts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox must be MV3 as well; one codebase for both browsers.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
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
