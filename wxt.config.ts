import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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
    host_permissions: ['https://fantasy.espn.com/*', 'https://lm-api-reads.fantasy.espn.com/*'],
    // MAIN-world content scripts need Firefox 128; Chrome warns about the key, so only Firefox gets it.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'draft-watch@draft-watch.dev', strict_min_version: '128.0' } } }
      : {}),
  }),
});
