// A real WordPress for the specs that use one: Debian's packages, installed once per machine, and the
// sign-in through wp-login.php a user goes through.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { WordPress } from '../../hosts/wordpress/start.mjs';

const INSTALL_PACKAGES = fileURLToPath(new URL('../../hosts/wordpress/install-packages.sh', import.meta.url));

/** Inherits the terminal, so that a developer who is not root sees apt's progress and sudo's prompt. */
export function installWordPressPackages(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [INSTALL_PACKAGES], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${INSTALL_PACKAGES} failed (exit ${code}); run it by hand to see why.`)),
    );
  });
}

/** Signs the seed's signed-in user in through wp-login.php, landing on `postUrl`. */
export async function signInToWordPress(page: Page, wordpress: WordPress, postUrl: string): Promise<void> {
  const { login, password } = wordpress.signedInUser;
  await page.goto(`${wordpress.url}/wp-login.php?redirect_to=${encodeURIComponent(postUrl)}`);
  await page.locator('#user_login').fill(login);
  await page.locator('#user_pass').fill(password);
  await page.locator('#wp-submit').click();
  await page.waitForURL(postUrl);
}
