// Teaching Rückenwind an intranet no adapter knows: pick a post and its author on the page, save, and
// every post gets its buttons; corrected or forgotten in the options page.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import {
  clickByRole,
  countInClosedShadowRoots,
  findByRole,
  textOf,
  waitForRole,
} from '../../scripts/lib/closed-shadow.mjs';
import { test as base, type ExtensionFixture, expect, readExtensionDb } from './support/fixtures';
import { openPopupFor } from './support/popup';

const PORTAL = readFileSync(
  new URL('../fixtures/hosts/generic/portal-feed-2026-11-22.html', import.meta.url),
);
const POSTS = 5;
const THANK = /^Thank (.+) for this post$/;
const PICKER = 'Teach Rückenwind this site';

/**
 * The unknown intranet: one static page for every path, on loopback (granted at install, so the
 * browser does not ask; the demo's static content script runs here too and leaves the page alone).
 */
const test = base.extend<{ portal: { url: string; origin: string } }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructured first argument.
  portal: async ({}, use) => {
    const server: Server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PORTAL);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await use({ url: `${origin}/news`, origin });
    } finally {
      // The browser keeps connections alive; they would hold `close` open.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  },
});

/** The picker panel's visible text (it lives in a closed shadow root). */
async function pickerText(page: Page): Promise<string> {
  const [dialog] = await waitForRole(page, 'dialog', PICKER);
  return dialog ? textOf(page, dialog.backendNodeId) : '';
}

async function expectPicker(page: Page, text: string) {
  await expect.poll(() => pickerText(page)).toContain(text);
}

/** "Teach Rückenwind this site" in the popup, as a user starts it. */
async function startTeaching(extension: ExtensionFixture, page: Page) {
  const popup = await openPopupFor(extension, page);
  const panel = popup.getByRole('region', { name: 'Check this page' });
  await expect(panel.getByText('Rückenwind does not recognise this page')).toBeVisible();
  await panel.getByRole('button', { name: 'Teach Rückenwind this site' }).click();
  await expect(panel.getByText('Now pick a post on the page.')).toBeVisible();
  // In the browser the popup closes as soon as the page is clicked: nothing may depend on it.
  await popup.close();
  await page.bringToFront();
  await waitForRole(page, 'dialog', PICKER);
}

test('a taught site: every post gets exactly one thank button, which thanks the right author', async ({
  extension,
  portal,
}) => {
  const page = await extension.context.newPage();
  await page.goto(portal.url);
  expect(await countInClosedShadowRoots(page, 'button.thank')).toBe(0);
  await startTeaching(extension, page);

  // Step 1: a click anywhere in a post (here its text); step 2: its author's name. Real page clicks:
  // the picker keeps them from the page (the name is a link, and the page stays where it is).
  await expectPicker(page, 'Step 1 of 3');
  await page.locator('.card-text p').nth(1).click();
  await expectPicker(page, 'Step 2 of 3');
  await page.locator('.card-author').nth(1).click();
  await expectPicker(page, 'Step 3 of 3');
  expect(page.url()).toBe(portal.url);
  // Step 3: the user's own name, in the header.
  await page.locator('.portal-me').click();

  await expectPicker(page, `These selectors match ${POSTS} posts on this page.`);
  await expectPicker(page, 'Your name on this page: Mara Keller');
  await expectPicker(page, 'The buttons go into each post’s action bar.');
  await clickByRole(page, 'button', 'Save');
  await expectPicker(
    page,
    `Saved. Rückenwind now adds its buttons to the posts on ${new URL(portal.origin).host}.`,
  );

  await waitForRole(page, 'button', THANK, { count: POSTS });
  expect(await countInClosedShadowRoots(page, 'button.thank')).toBe(POSTS);
  const names = (await findByRole(page, 'button', THANK)).map((button) => button.name);
  expect(names).toEqual([
    'Thank Anna Schmidt for this post',
    'Thank Jonas Weber for this post',
    'Thank Külli Tamm for this post',
    'Thank Ole Hansen for this post',
    'Thank Lea Wagner for this post',
  ]);
  await clickByRole(page, 'button', 'Close');
  await waitForRole(page, 'dialog', PICKER, { count: 0 });

  // The saved recognition names the post's author, the signed-in user, and the post's permalink.
  await clickByRole(page, 'button', 'Thank Jonas Weber for this post');
  await waitForRole(page, 'dialog', 'Say thank you');
  await page.keyboard.type('Danke fürs Ausrollen am Wochenende!');
  await clickByRole(page, 'button', 'Save thank-you');
  await waitForRole(page, 'button', 'You thanked Jonas Weber for this post. Thank again');
  const [record] = await readExtensionDb(extension, 'recognitions');
  expect(record).toMatchObject({
    direction: 'given',
    from: { name: 'Mara Keller', profileUrl: `${portal.origin}/people/mara` },
    to: [{ name: 'Jonas Weber' }],
    post: {
      host: 'generic',
      origin: portal.origin,
      postId: 'e105',
      permalink: `${portal.origin}/posts/105`,
      author: { name: 'Jonas Weber', profileUrl: `${portal.origin}/people/jonas` },
    },
  });
  const [site] = await readExtensionDb(extension, 'taughtSites');
  expect(site).toMatchObject({ origin: portal.origin, selectors: { postIdAttribute: 'data-entry-id' } });
  expect(await readExtensionDb(extension, 'teachSessions')).toEqual([]);

  // A reload keeps working: the registered content script asks for the selectors again.
  await page.reload();
  await waitForRole(page, 'button', 'You thanked Jonas Weber for this post. Thank again');
  await waitForRole(page, 'button', THANK, { count: POSTS - 1 });
  expect(await countInClosedShadowRoots(page, 'button.thank')).toBe(POSTS);

  // "Check this page" now reads the site with what it was taught.
  const popup = await openPopupFor(extension, page);
  const check = popup.getByRole('region', { name: 'Check this page' });
  await expect(check.getByText('Recognised as a site taught to Rückenwind')).toBeVisible();
  await expect(check.getByText(`Posts found: ${POSTS}`)).toBeVisible();
  await expect(check.getByRole('button', { name: 'Teach Rückenwind this site again' })).toBeVisible();
  await popup.close();

  // Forgetting the site in the options removes the buttons from the open tab at once.
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const taught = options.getByRole('region', { name: 'Sites you taught Rückenwind' });
  const form = taught.getByRole('group', { name: portal.origin });
  await expect(form.getByLabel('Post', { exact: true })).not.toHaveValue('');
  await taught.getByRole('button', { name: `Forget ${portal.origin}` }).click();
  await expect(taught.getByText('None yet.')).toBeVisible();
  await page.bringToFront();
  await waitForRole(page, 'button', /for this post/, { count: 0 });
  expect(await page.locator('rueckenwind-post-actions').count()).toBe(0);
  expect(await readExtensionDb(extension, 'taughtSites')).toEqual([]);
  expect(
    (await readExtensionDb(extension, 'intranets')).some(
      (entry) => (entry as { origin: string }).origin === portal.origin,
    ),
  ).toBe(false);
  await page.reload();
  await page.locator('.feed-card').first().waitFor();
  expect(await countInClosedShadowRoots(page, 'button.thank')).toBe(0);
});

test('the picker works with the keyboard alone, and Escape cancels without a trace', async ({
  extension,
  portal,
}) => {
  const page = await extension.context.newPage();
  await page.goto(portal.url);
  await startTeaching(extension, page);

  // Tab moves through the page's own links; the outline follows the focus, Enter picks.
  await page.locator('.card-author').nth(2).focus();
  await expectPicker(page, 'like it on this page');
  await page.keyboard.press('Enter');
  await expectPicker(page, 'Step 2 of 3');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expectPicker(page, 'Outlined: <a> “Külli Tamm”');
  await page.keyboard.press('Enter');
  await expectPicker(page, 'Step 3 of 3');
  await clickByRole(page, 'button', 'Skip this step');
  await expectPicker(page, `These selectors match ${POSTS} posts on this page.`);
  await expectPicker(page, 'Your name: not picked.');

  await page.keyboard.press('Escape');
  await waitForRole(page, 'dialog', PICKER, { count: 0 });
  await expect.poll(() => readExtensionDb(extension, 'teachSessions')).toEqual([]);
  expect(await readExtensionDb(extension, 'taughtSites')).toEqual([]);
  expect(await page.locator('rueckenwind-teach').count()).toBe(0);
  expect(await countInClosedShadowRoots(page, 'button.thank')).toBe(0);
});

test.describe('in German', () => {
  test.use({ locale: 'de' });

  test('the picker speaks German, formally by default', async ({ extension, portal }) => {
    const page = await extension.context.newPage();
    await page.goto(portal.url);
    const popup = await openPopupFor(extension, page);
    const panel = popup.getByRole('region', { name: 'Diese Seite prüfen' });
    await panel.getByRole('button', { name: 'Rückenwind diese Website beibringen' }).click();
    await expect(panel.getByText('Wählen Sie jetzt auf der Seite einen Beitrag aus.')).toBeVisible();
    await popup.close();
    await page.bringToFront();

    const [dialog] = await waitForRole(page, 'dialog', 'Rückenwind diese Website beibringen');
    const text = () => textOf(page, dialog?.backendNodeId ?? 0);
    await expect.poll(text).toContain('Schritt 1 von 3: Klicken Sie auf einen Beitrag, irgendwo darin.');
    await page.locator('.card-text p').first().click();
    await expect.poll(text).toContain('Schritt 2 von 3: Klicken Sie auf den Namen');
    await clickByRole(page, 'button', 'Abbrechen');
    await waitForRole(page, 'dialog', 'Rückenwind diese Website beibringen', { count: 0 });
  });
});
