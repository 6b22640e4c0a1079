// A real MediaWiki for the specs that use one: installed and seeded once per worker, signed into through
// Special:UserLogin as a user would.
import type { Page } from '@playwright/test';
import {
  installMediaWikiPackages,
  type RunningMediaWiki,
  startMediaWiki,
} from '../../hosts/mediawiki/start.mjs';
import { expect } from './fixtures';

type WorkerFixture<T> = [
  (args: object, use: (value: T) => Promise<void>) => Promise<void>,
  { scope: 'worker'; timeout: number },
];

/**
 * The worker fixture: `base.extend<object, { mediawiki: RunningMediaWiki }>({ mediawiki: mediawikiWorker() })`.
 * A new function for every spec file: Playwright hands one worker's wiki on to the next spec file when
 * both use the same function, and each spec expects a wiki no other spec has written to.
 */
export const mediawikiWorker = (): WorkerFixture<RunningMediaWiki> => [
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructured first argument.
  async ({}, use: (wiki: RunningMediaWiki) => Promise<void>) => {
    // A fresh CI machine has no MediaWiki yet: apt takes ~30 s, later runs skip it.
    installMediaWikiPackages();
    const wiki = await startMediaWiki();
    try {
      await use(wiki);
    } finally {
      await wiki.close();
    }
  },
  { scope: 'worker', timeout: 300_000 },
];

/** Signs `user` in through Special:UserLogin and waits until the wiki shows them signed in. */
export async function logInToMediaWiki(
  page: Page,
  wiki: RunningMediaWiki,
  user: keyof RunningMediaWiki['credentials'],
): Promise<void> {
  const { username, password } = wiki.credentials[user];
  await page.goto(`${wiki.url}/index.php?title=Special:UserLogin`);
  await page.locator('#wpName1').fill(username);
  await page.locator('#wpPassword1').fill(password);
  await page.locator('#wpLoginAttempt').click();
  await expect(page.locator('#pt-userpage')).toHaveText(username);
}
