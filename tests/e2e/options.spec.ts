import type { Page } from '@playwright/test';
import { clickByRole, findByRole, waitForRole } from '../../scripts/lib/closed-shadow.mjs';
import { type ExtensionFixture, expect, test } from './support/fixtures';
import { gedanktButton } from './support/labels';

async function openOptions(extension: ExtensionFixture): Promise<Page> {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  return options;
}

async function firstAuthor(page: Page) {
  return (await page.locator('article.post > header > a.post-author').first().textContent())?.trim() ?? '';
}

test('the values the user configures are the ones the composer offers', async ({ extension, demo }) => {
  const options = await openOptions(extension);
  await options.getByRole('button', { name: 'Remove value Teamwork' }).click();
  await options.getByRole('textbox', { name: 'New value' }).fill('Customer focus');
  await options.getByRole('button', { name: 'Add value' }).click();
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  const page = await extension.context.newPage();
  await page.goto(demo.url);
  await clickByRole(page, 'button', `Thank ${await firstAuthor(page)} for this post`);
  await waitForRole(page, 'dialog', 'Say thank you');
  const offered = (await findByRole(page, 'option')).map((option) => option.name);
  expect(offered).toContain('Customer focus');
  expect(offered).not.toContain('Teamwork');
});

test('switching an intranet off in the options removes its buttons from open tabs', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await page.goto(demo.url);
  await waitForRole(page, 'button', /^Thank .+ for this post$/);
  const options = await openOptions(extension);
  await options.getByRole('checkbox', { name: 'On for http://127.0.0.1' }).uncheck();
  await waitForRole(page, 'button', /^Thank .+ for this post$/, { count: 0 });
  await options.reload();
  await expect(options.getByRole('checkbox', { name: 'On for http://127.0.0.1' })).not.toBeChecked();
});

test.describe('in German', () => {
  test.use({ locale: 'de' });

  test('"du" instead of "Sie" changes how Rückenwind addresses the user', async ({ extension, demo }) => {
    const page = await extension.context.newPage();
    await page.goto(demo.url);
    const author = await firstAuthor(page);
    await clickByRole(page, 'button', `${author} für diesen Beitrag danken`);
    await waitForRole(page, 'dialog', 'Danke sagen');
    // Formal by default.
    await page.keyboard.type('Danke!');
    await clickByRole(page, 'button', 'Dank speichern');
    await waitForRole(page, 'button', gedanktButton(author));

    const options = await openOptions(extension);
    await options.getByRole('radio', { name: 'Vertraut: du' }).check();
    await options.getByRole('button', { name: 'Speichern' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();
    await expect(
      options.getByText('Deutsche Texte sprechen dich förmlich (Sie) oder vertraut (du) an.'),
    ).toBeVisible();

    // The same thanked post, now addressed informally.
    await page.reload();
    await waitForRole(page, 'button', gedanktButton(author, 'du'));
  });
});
