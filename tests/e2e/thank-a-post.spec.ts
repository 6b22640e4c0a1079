import type { Page } from '@playwright/test';
import {
  clickByRole,
  countInClosedShadowRoots,
  findByRole,
  waitForRole,
} from '../../scripts/lib/closed-shadow.mjs';
import { expect, pageDatabaseNames, readExtensionDb, test } from './support/fixtures';
import { gedanktButton, thankedButton } from './support/labels';

const THANK = /^Thank (.+) for this post$/;

async function postCount(page: Page) {
  return page.locator('article.post').count();
}

async function firstAuthor(page: Page) {
  return (await page.locator('article.post > header > a.post-author').first().textContent())?.trim() ?? '';
}

test('every post gets exactly one thank button, also posts the feed adds later', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await page.goto(demo.url);
  const initial = await postCount(page);
  expect(initial).toBeGreaterThan(5);
  await waitForRole(page, 'button', THANK, { count: initial });

  // Infinite feed: scrolling to the end makes the page add more posts by script.
  await page.locator('#feed-sentinel').scrollIntoViewIfNeeded();
  await expect.poll(() => postCount(page)).toBeGreaterThan(initial);
  const grown = await postCount(page);
  await waitForRole(page, 'button', THANK, { count: grown });
  expect(await countInClosedShadowRoots(page, 'button.thank')).toBe(grown);
  // The page itself cannot see into our UI: closed roots only.
  expect(
    await page.evaluate(() => document.querySelector('rueckenwind-post-actions')?.shadowRoot ?? null),
  ).toBe(null);
});

test('thanking a post stores it, posts it to the intranet exactly once, and shows it on the button and in the popup', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await page.goto(demo.url);
  const author = await firstAuthor(page);
  await waitForRole(page, 'button', `Thank ${author} for this post`);

  await clickByRole(page, 'button', `Thank ${author} for this post`);
  await waitForRole(page, 'dialog', 'Say thank you');
  // The recipient is prefilled with the post's author.
  expect(await findByRole(page, 'button', `Remove ${author}`)).toHaveLength(1);
  // The message field has focus as soon as the composer opens.
  const [message] = await findByRole(page, 'textbox', 'Message');
  expect(message?.focused).toBe(true);
  await page.keyboard.type('Danke für die schnelle Hilfe beim Release!');
  await clickByRole(page, 'button', 'Save thank-you');

  await waitForRole(page, 'dialog', 'Say thank you', { count: 0 });
  const [thanked] = await waitForRole(page, 'button', thankedButton(author));
  expect(thanked?.focused).toBe(true);

  const records = await readExtensionDb(extension, 'recognitions');
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({
    direction: 'given',
    message: 'Danke für die schnelle Hilfe beim Release!',
    to: [{ name: author }],
    post: { host: 'demo', origin: new URL(demo.url).origin, author: { name: author } },
  });
  // Stored in the extension's origin, not in the intranet's.
  expect(await pageDatabaseNames(page)).not.toContain('rueckenwind');

  // Sent through the intranet's own API, as the signed-in user, and the button says so.
  await waitForRole(page, 'button', `You thanked ${author} for this post; it was sent. Thank again`);
  const [sent] = (await readExtensionDb(extension, 'recognitions')) as Array<{
    post: { postId: string };
    postedText: string;
    sync: { state: string; remoteId?: string };
  }>;
  expect(sent?.sync.state).toBe('sent');
  const thread = (await (await fetch(`${demo.url}/api/posts/${sent?.post.postId}`)).json()) as {
    replies: Array<{ id: string; author: { id: string }; body: string }>;
  };
  const ours = thread.replies.filter((reply) => reply.body === sent?.postedText.trim());
  expect(ours).toHaveLength(1);
  expect(ours[0]).toMatchObject({ id: sent?.sync.remoteId, author: { id: 'mara.keller' } });

  // The state survives a reload, and the reply is on the page.
  await page.reload();
  await waitForRole(page, 'button', thankedButton(author));
  await expect(page.locator(`#post-${ours[0]?.id} .post-body`)).toContainText(
    'Danke für die schnelle Hilfe beim Release!',
  );

  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  await expect(popup.locator('[data-figure="thanksGiven"] .count')).toHaveText('1');
  await expect(popup.getByText('Thanks given this week', { exact: true })).toBeVisible();
});

test('Escape closes the composer without saving and returns focus to the button', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await page.goto(demo.url);
  const author = await firstAuthor(page);
  await clickByRole(page, 'button', `Thank ${author} for this post`);
  await waitForRole(page, 'dialog', 'Say thank you');
  await page.keyboard.type('half a thought');
  await page.keyboard.press('Escape');
  await waitForRole(page, 'dialog', 'Say thank you', { count: 0 });
  const [button] = await findByRole(page, 'button', `Thank ${author} for this post`);
  expect(button?.focused).toBe(true);
  expect(await readExtensionDb(extension, 'recognitions')).toHaveLength(0);
});

test.describe('in German', () => {
  test.use({ locale: 'de' });

  test('buttons, composer and popup speak German', async ({ extension, demo }) => {
    const page = await extension.context.newPage();
    await page.goto(demo.url);
    const author = await firstAuthor(page);
    await clickByRole(page, 'button', `${author} für diesen Beitrag danken`);
    await waitForRole(page, 'dialog', 'Danke sagen');
    await page.keyboard.type('Vielen Dank!');
    await clickByRole(page, 'button', 'Dank speichern');
    await waitForRole(page, 'button', gedanktButton(author));

    const popup = await extension.context.newPage();
    await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    await expect(popup.getByText('Dank in dieser Woche', { exact: true })).toBeVisible();
    await expect(popup.locator('[data-figure="thanksGiven"] .count')).toHaveText('1');
  });
});
