import type { Alias } from 'vite';
import { defineConfig } from 'wxt';
import { DEMO_INTRANET_MATCHES } from './lib/hosts/demo/matches';
import { CONFLUENCE_CLOUD_MATCHES, SLACK_MATCHES, VIVA_ENGAGE_MATCHES } from './lib/hosts/static-matches';

/**
 * Everything but the background goes without webextension-polyfill. Scripts in intranet pages pay its
 * 2.7 KB gzip on every page, the popup its parsing on every opening (popupFirstRenderMs); they use only
 * what Chromium and Firefox offer natively with promises (`runtime`, `tabs`, `i18n`, `scripting`,
 * `permissions`) and answer the background through `sendResponse`. The background keeps it: its
 * message listeners answer by returning promises.
 */
const WITHOUT_POLYFILL = new Set(['content-script', 'popup', 'options', 'unlisted-page']);
const IN_PAGE_SCRIPTS = new Set(['composers']);
const inPage = (entrypoint: { type: string; name: string }) =>
  WITHOUT_POLYFILL.has(entrypoint.type) || IN_PAGE_SCRIPTS.has(entrypoint.name);

function withoutAlias(alias: unknown, find: string): unknown {
  if (Array.isArray(alias)) return (alias as Alias[]).filter((entry) => entry.find !== find);
  if (alias && typeof alias === 'object') {
    const { [find]: _dropped, ...rest } = alias as Record<string, string>;
    return rest;
  }
  return alias;
}

export default defineConfig({
  imports: false,
  // Lets parallel builds (several engineers, or a benchmark beside the tests) keep apart.
  outDir: process.env.RUECKENWIND_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every(inPage) || !config.resolve) return;
      config.resolve.alias = withoutAlias(config.resolve.alias, 'wxt/browser') as typeof config.resolve.alias;
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // identity + storage: OAuth for the token hosts (lib/auth); tokens live in storage.session.
    // notifications: circle meeting reminders; contextMenus: "Add the author to my relationship list".
    permissions: ['scripting', 'activeTab', 'alarms', 'notifications', 'identity', 'storage', 'contextMenus'],
    // The SaaS hosts' static matches too: a content script's matches let it run, but only a host
    // permission lets the background inject the composers into that page on first use.
    host_permissions: [
      ...DEMO_INTRANET_MATCHES,
      ...CONFLUENCE_CLOUD_MATCHES,
      ...SLACK_MATCHES,
      ...VIVA_ENGAGE_MATCHES,
    ],
    // Customer-hosted intranets are asked for one origin at a time, when the user enables them.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    action: {
      default_title: '__MSG_extName__',
      default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' },
    },
    // Administrators set the token hosts' app registrations by policy (Chromium's managed storage).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
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
