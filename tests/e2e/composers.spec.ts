import type { Page } from '@playwright/test';
import {
  clickByRole,
  findByRole,
  focusByRole,
  textOf,
  waitForRole,
} from '../../scripts/lib/closed-shadow.mjs';
import { type ExtensionFixture, expect, readExtensionDb, test } from './support/fixtures';

async function firstAuthor(page: Page) {
  return (await page.locator('article.post > header > a.post-author').first().textContent())?.trim() ?? '';
}

async function previewText(page: Page) {
  const [region] = await findByRole(page, 'region', 'Preview: exactly what will be posted');
  if (!region) throw new Error('no preview');
  return (await textOf(page, region.backendNodeId)).replace(/^Preview: exactly what will be posted\s*/, '');
}

async function badgeText(extension: ExtensionFixture): Promise<string> {
  type Action = { getBadgeText: (details: object) => Promise<string> };
  return extension.serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { action: Action } }).chrome.action.getBadgeText({}),
  );
}

test('a thank-you to several people shows exactly what will be posted, and stores that text', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await page.goto(demo.url);
  const author = await firstAuthor(page);
  await clickByRole(page, 'button', `Thank ${author} for this post`);
  await waitForRole(page, 'dialog', 'Say thank you');
  await page.keyboard.type('Danke für das Onboarding!');

  await focusByRole(page, 'textbox', 'Add another person');
  await page.keyboard.type('Jonas Weber');
  await page.keyboard.press('Enter');
  await waitForRole(page, 'button', 'Remove Jonas Weber');
  await focusByRole(page, 'combobox', 'Value');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');

  const expected = `Thank you, ${author} and Jonas Weber!\nDanke für das Onboarding!\n#Helpfulness #thanks`;
  await expect.poll(() => previewText(page).then((text) => text.replace(/\n+/g, '\n'))).toBe(expected);
  await clickByRole(page, 'button', 'Save thank-you');
  await waitForRole(page, 'dialog', 'Say thank you', { count: 0 });

  const [record] = (await readExtensionDb(extension, 'recognitions')) as Array<Record<string, unknown>>;
  expect(record).toMatchObject({ to: [{ name: author }, { name: 'Jonas Weber' }], value: 'Helpfulness' });
  expect(String(record?.postedText).replace(/\n+/g, '\n')).toBe(expected);
});

test('working out loud about a post saves a post that links it, with the WOL hashtag', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await page.goto(demo.url);
  const author = await firstAuthor(page);
  const permalink = await page
    .locator('article.post > header > a.post-permalink')
    .first()
    .getAttribute('href');
  await clickByRole(page, 'button', `Work out loud about this post by ${author}`);
  await waitForRole(page, 'dialog', 'Work out loud');
  await page.keyboard.type('a checklist for new starters, built on this post');
  await expect
    .poll(() => previewText(page))
    .toContain('What I am working on: a checklist for new starters, built on this post');
  expect(await previewText(page)).toContain(`${new URL(demo.url).origin}${permalink}`);
  expect(await previewText(page)).toContain('#WOL');
  await clickByRole(page, 'button', 'Save post');
  await waitForRole(page, 'dialog', 'Work out loud', { count: 0 });
  // Focus returns to the button that opened the composer.
  const [wol] = await findByRole(page, 'button', `Work out loud about this post by ${author}`);
  expect(wol?.focused).toBe(true);

  const [post] = (await readExtensionDb(extension, 'wolPosts')) as Array<Record<string, unknown>>;
  expect(post).toMatchObject({ template: 'working-on', linkedPost: { author: { name: author } } });
  expect(post?.text).toContain('#WOL');
  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  await expect(popup.locator('[data-figure="wolPosts"] .count')).toHaveText('1');
});

test('a thank-you the intranet refuses says why, and is sent once when the user tries again', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await page.goto(demo.url);
  // The intranet refuses replies for now, as a host does when comments are closed.
  await page.route('**/api/posts/*/replies', (route) =>
    route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({ error: 'Comments are closed' }),
    }),
  );
  const author = await firstAuthor(page);
  await clickByRole(page, 'button', `Thank ${author} for this post`);
  await waitForRole(page, 'dialog', 'Say thank you');
  await page.keyboard.type('Danke!');
  await clickByRole(page, 'button', 'Save thank-you');

  // A 403 is permanent: no retrying behind the user's back, the host's reason on the button.
  await waitForRole(page, 'button', `Your thanks to ${author} was not sent. Open to try again`);
  expect(await findByRole(page, 'StaticText', /Not sent: HTTP 403: Comments are closed/)).toHaveLength(1);
  const [failed] = (await readExtensionDb(extension, 'outbox')) as Array<Record<string, unknown>>;
  expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastError: 'HTTP 403: Comments are closed' });
  // Visible without opening the page again: the toolbar badge and the popup.
  await expect.poll(() => badgeText(extension)).toBe('1');
  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  await expect(popup.locator('[data-sync="failed"]')).toHaveText(
    'Not sent: 1 (open the post to see why and try again)',
  );
  await popup.close();

  await page.unroute('**/api/posts/*/replies');
  await clickByRole(page, 'button', 'Try again');
  await waitForRole(page, 'button', `You thanked ${author} for this post; it was sent. Thank again`);
  const [item] = (await readExtensionDb(extension, 'outbox')) as Array<Record<string, unknown>>;
  expect(item).toMatchObject({ state: 'done' });
  await expect.poll(() => badgeText(extension)).toBe('');
});
