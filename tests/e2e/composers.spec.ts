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

/** Writes into the extension's own database as a delivery engine would: the test's stand-in for a host. */
async function markDeliveryFailed(extension: ExtensionFixture, error: string) {
  await extension.serviceWorker.evaluate(
    (reason) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('rueckenwind');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['recognitions', 'outbox'], 'readwrite');
          const recognitions = tx.objectStore('recognitions');
          recognitions.getAll().onsuccess = (event) => {
            for (const rec of (event.target as IDBRequest).result) {
              recognitions.put({ ...rec, sync: { state: 'failed', error: reason, updatedAt: Date.now() } });
            }
          };
          const outbox = tx.objectStore('outbox');
          outbox.getAll().onsuccess = (event) => {
            for (const item of (event.target as IDBRequest).result) {
              outbox.put({ ...item, state: 'failed', attempts: 6, lastError: reason });
            }
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    error,
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

test('a thank-you whose delivery failed says why and can be retried', async ({ extension, demo }) => {
  const page = await extension.context.newPage();
  await page.goto(demo.url);
  const author = await firstAuthor(page);
  await clickByRole(page, 'button', `Thank ${author} for this post`);
  await waitForRole(page, 'dialog', 'Say thank you');
  await page.keyboard.type('Danke!');
  await clickByRole(page, 'button', 'Save thank-you');
  await waitForRole(page, 'button', `You thanked ${author} for this post. Thank again`);

  await markDeliveryFailed(extension, 'HTTP 403: comments are closed');
  await page.reload();
  await waitForRole(page, 'button', `Your thanks to ${author} was not sent. Open to try again`);
  // The host's reason is there for everyone, not only in the accessible name.
  expect(await findByRole(page, 'StaticText', /Not sent: HTTP 403: comments are closed/)).toHaveLength(1);
  await clickByRole(page, 'button', 'Try again');
  await waitForRole(page, 'button', `You thanked ${author} for this post. Thank again`);
  const [item] = (await readExtensionDb(extension, 'outbox')) as Array<Record<string, unknown>>;
  expect(item).toMatchObject({ state: 'pending', attempts: 0 });
});
