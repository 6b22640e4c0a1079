import { defineConfig } from 'wxt';
import { DEMO_INTRANET_MATCHES } from './lib/hosts/demo/matches';

export default defineConfig({
  imports: false,
  // Lets parallel builds (several engineers, or a benchmark beside the tests) keep apart.
  outDir: process.env.RUECKENWIND_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['scripting', 'activeTab', 'alarms'],
    host_permissions: DEMO_INTRANET_MATCHES,
    // Customer-hosted intranets are asked for one origin at a time, when the user enables them.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    action: {
      default_title: '__MSG_extName__',
      default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'rueckenwind@rueckenwind.invalid',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
