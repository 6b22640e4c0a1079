// The main flow, clicked through in a headless browser so that `npm start` shows something without a display.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { clickByRole, waitForRole } from './closed-shadow.mjs';

/**
 * Thanks the first post on the demo intranet, then opens the popup, taking a screenshot at each step.
 * @param {import('./launch-extension.mjs').LaunchedExtension} extension
 * @param {string} demoUrl
 * @param {string} outDir
 * @returns {Promise<string[]>} the screenshot paths, in order.
 */
export async function headlessTour(extension, demoUrl, outDir) {
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  /** @type {string[]} */
  const shots = [];
  /** @param {import('playwright-core').Page} page @param {string} name */
  const shoot = async (page, name) => {
    const path = join(dir, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path });
    shots.push(path);
  };

  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(demoUrl);
  const thank = /^Thank (.+) for this post$/;
  const [first] = await waitForRole(page, 'button', thank);
  await shoot(page, 'feed-with-thank-buttons');

  await clickByRole(page, 'button', first?.name ?? thank);
  await waitForRole(page, 'dialog', 'Say thank you');
  await page.keyboard.type('Thank you for walking me through the release checklist!');
  await shoot(page, 'composer');

  await clickByRole(page, 'button', 'Save thank-you');
  await waitForRole(page, 'button', /^You thanked .+ for this post/);
  await shoot(page, 'post-thanked');

  const popup = await extension.context.newPage();
  await popup.setViewportSize({ width: 360, height: 420 });
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  await popup.locator('[data-figure="thanksGiven"]').waitFor();
  await shoot(popup, 'popup');
  return shots;
}
