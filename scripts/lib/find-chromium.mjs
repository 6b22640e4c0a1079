// Locates a Chromium for Playwright. `npx playwright install` cannot download browsers on this closed
// network, so Debian's package is preferred and Playwright's own download is only the last resort.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SYSTEM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

/**
 * Returns the path of a Chromium executable: `$CHROMIUM_PATH`, Debian's chromium, then Playwright's
 * downloaded browser.
 * @param {{ env?: Record<string, string | undefined>, systemPaths?: string[], bundled?: () => string | undefined }} [where]
 *   what to look at; the defaults are this machine's.
 * @returns {string}
 */
export function findChromium({
  env = process.env,
  systemPaths = SYSTEM_PATHS,
  bundled = playwrightChromium,
} = {}) {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    // An explicit choice that does not exist is a mistake worth reporting, not something to skip.
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file exists there.`);
    return fromEnv;
  }
  const system = systemPaths.find((path) => existsSync(path));
  if (system) return system;
  const downloaded = bundled();
  if (downloaded) return downloaded;
  throw new Error(
    [
      'No Chromium found. Get one of:',
      '  - Debian/Ubuntu: sudo apt-get install chromium chromium-l10n',
      '  - Playwright: npx playwright install chromium',
      '  - or set CHROMIUM_PATH to a Chromium/Chrome executable.',
      `Looked in: ${[...systemPaths, 'Playwright browser cache'].join(', ')}.`,
    ].join('\n'),
  );
}

/** @returns {string | undefined} */
function playwrightChromium() {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    // Older Playwright versions throw when the browser was never downloaded.
    return undefined;
  }
}
