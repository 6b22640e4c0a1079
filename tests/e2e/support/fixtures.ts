// Playwright fixtures for e2e tests: the built extension in a fresh Chromium per test, and the demo intranet.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type Page, type TestInfo } from '@playwright/test';
import { startDemoIntranet } from '../../../demo-intranet/server.mjs';
import { type LaunchedExtension, launchWithExtension } from '../../../scripts/lib/launch-extension.mjs';

export { expect } from '@playwright/test';

const EXTENSION_DIR = join(
  process.env.RUECKENWIND_OUT_DIR ?? fileURLToPath(new URL('../../../.output', import.meta.url)),
  'chrome-mv3',
);
/** The extension's Dexie database (lib/db). */
const DB_NAME = 'rueckenwind';

export type ExtensionFixture = LaunchedExtension;

interface Fixtures {
  /**
   * Extra Chromium flags for this test's browser. A spec whose flags depend on a server it starts
   * overrides it with a fixture, e.g. to reach an HTTPS contract server under a SaaS host name:
   * `launchArgs: async ({ server }, use) => use([`--host-resolver-rules=MAP x.atlassian.net 127.0.0.1:${server.port}`,
   * '--ignore-certificate-errors'])`.
   */
  launchArgs: string[];
  extension: ExtensionFixture;
  demo: { url: string };
}

export const test = base.extend<Fixtures>({
  // `locale` is Playwright's own option (default 'en-US'): `test.use({ locale: 'de' })` switches the
  // extension's language along with the pages'.
  launchArgs: [[], { option: true }],
  extension: async ({ locale, launchArgs }, use, testInfo) => {
    if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
      throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
    }
    const extension = await launchWithExtension({
      extensionDir: EXTENSION_DIR,
      locale: locale ?? 'en',
      args: launchArgs,
    });
    try {
      await use(extension);
      if (testInfo.status !== testInfo.expectedStatus) await attachScreenshots(extension, testInfo);
    } finally {
      await extension.context.close();
    }
  },

  // Playwright's default `page` would launch its own downloaded browser, which this machine lacks.
  page: async ({ extension }, use) => {
    await use(await extension.context.newPage());
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructured first argument.
  demo: async ({}, use) => {
    const demo = await startDemoIntranet({ port: 0 });
    try {
      await use({ url: demo.url });
    } finally {
      await demo.close();
    }
  },
});

/**
 * Our browser is not Playwright's, so its `screenshot: 'only-on-failure'` cannot see these pages. Saved as
 * files in test-results: the list reporter prints their paths, in-memory image attachments it would skip.
 */
async function attachScreenshots(extension: ExtensionFixture, testInfo: TestInfo) {
  const pages = extension.context.pages().filter((page) => page.url() !== 'about:blank');
  for (const [index, page] of pages.entries()) {
    const path = testInfo.outputPath(`page-${index + 1}.png`);
    // A page that is closing or crashed must not hide the test's own error.
    const taken = await page.screenshot({ path, fullPage: true, timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (taken) await testInfo.attach(`page-${index + 1}: ${page.url()}`, { path, contentType: 'image/png' });
  }
}

/**
 * All records of one object store of the extension's IndexedDB, read with raw IndexedDB in the service
 * worker (the extension's origin); [] while the database does not exist yet.
 */
export async function readExtensionDb(extension: ExtensionFixture, storeName: string): Promise<unknown[]> {
  return extension.serviceWorker.evaluate(
    async ({ dbName, storeName }) => {
      const names = (await indexedDB.databases()).map((info) => info.name);
      // Opening a missing database would create an empty one under the app's feet.
      if (!names.includes(dbName)) return [];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        if (!db.objectStoreNames.contains(storeName)) {
          throw new Error(
            `No object store "${storeName}" in ${dbName}; it has: ${[...db.objectStoreNames].join(', ')}`,
          );
        }
        const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
        return await new Promise<unknown[]>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      } finally {
        db.close();
      }
    },
    { dbName: DB_NAME, storeName },
  );
}

/** Names of the IndexedDB databases of the page's own origin (to prove ours is not among them). */
export async function pageDatabaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases()).flatMap((info) => (info.name === undefined ? [] : [info.name])),
  );
}
