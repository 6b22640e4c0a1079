// Starts Chromium with an unpacked MV3 extension loaded; shared by the e2e fixtures and `npm start`.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';

/**
 * Without these, Chromium keeps dialing Google hosts that this closed network refuses (slow starts,
 * log noise); QUIC is blocked outright here.
 */
const CLOSED_NETWORK_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * @typedef {object} LaunchOptions
 * @property {string} extensionDir The unpacked extension (e.g. `.output/chrome-mv3`); relative to the cwd.
 * @property {boolean} [headless] Defaults to true.
 * @property {string} [locale] BCP 47 tag such as `en` or `de`; drives the extension's and the pages' language.
 * @property {string} [userDataDir] Empty (the default) means a fresh temporary profile.
 * @property {string[]} [args] Extra Chromium flags, e.g. `--host-resolver-rules=…` for a contract server.
 */

/**
 * @typedef {object} LaunchedExtension
 * @property {import('playwright-core').BrowserContext} context
 * @property {import('playwright-core').Worker} serviceWorker The extension's MV3 background service worker.
 * @property {string} extensionId
 */

/**
 * @param {LaunchOptions} options
 * @returns {Promise<LaunchedExtension>}
 */
export async function launchWithExtension({
  extensionDir,
  headless = true,
  locale = 'en',
  userDataDir = '',
  args: extraArgs = [],
}) {
  const dir = resolve(extensionDir);
  // Chromium silently skips a bad --load-extension; failing here beats a 15 s wait for a worker.
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No extension at ${dir} (manifest.json missing).`);
  }
  const args = [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    // --lang picks the extension's _locales bundle (chrome.i18n.getMessage).
    `--lang=${locale}`,
    ...CLOSED_NETWORK_FLAGS,
    ...extraArgs,
  ];
  // Chromium's sandbox refuses to start as root.
  if (process.getuid?.() === 0) args.push('--no-sandbox');

  const posixLocale = locale.replaceAll('-', '_');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless,
    args,
    // Pages: navigator.language and Accept-Language.
    locale,
    // On Linux the browser's UI locale (chrome.i18n.getUILanguage) comes from the environment, not from
    // --lang, and only if its locales/<locale>.pak exists (Debian: package chromium-l10n).
    env: { ...process.env, LANGUAGE: posixLocale, LANG: `${posixLocale}.UTF-8` },
  });
  try {
    const serviceWorker = await extensionServiceWorker(context, dir);
    return { context, serviceWorker, extensionId: new URL(serviceWorker.url()).host };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} extensionDir
 */
async function extensionServiceWorker(context, extensionDir) {
  /** @param {import('playwright-core').Worker} worker */
  const isExtension = (worker) => worker.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isExtension);
  if (running) return running;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isExtension, timeout: 15_000 });
  } catch (error) {
    throw new Error(
      `No extension service worker started from ${extensionDir}: is it a built MV3 extension with a background?`,
      { cause: error },
    );
  }
}
