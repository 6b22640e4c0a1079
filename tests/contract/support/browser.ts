// What the contract specs do in the browser as a user would: thank a post and save, read the outcome.
import type { Page } from '@playwright/test';
import { clickByRole, findByRole, focusByRole, waitForRole } from '../../../scripts/lib/closed-shadow.mjs';
import { type ExtensionFixture, expect, readExtensionDb } from '../../e2e/support/fixtures';
import { enableThroughPopup } from '../../e2e/support/popup';

/** A Playwright fixture: the contract server `start` starts, for one test, closed after it. */
export function contractServer<Server extends { close(): unknown }>(start: () => Promise<Server>) {
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructured first argument.
  return async ({}, use: (server: Server) => Promise<void>) => {
    const server = await start();
    try {
      await use(server);
    } finally {
      await server.close();
    }
  };
}

/** Opens `url` in a new tab and enables Rückenwind on its site through the popup, as a user would. */
export async function openEnabled(extension: ExtensionFixture, url: string): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(url);
  await enableThroughPopup(extension, page);
  return page;
}

/** Clicks the `nth` "Thank {author} for this post", types the message and saves. */
export async function thankAndSave(page: Page, author: string, message: string, nth = 0): Promise<void> {
  await waitForRole(page, 'button', `Thank ${author} for this post`);
  await clickByRole(page, 'button', `Thank ${author} for this post`, { nth });
  await waitForRole(page, 'dialog', 'Say thank you');
  await page.keyboard.type(message);
  await clickByRole(page, 'button', 'Save thank-you');
  await waitForRole(page, 'dialog', 'Say thank you', { count: 0 });
}

/** The one saved thank-you, after it settled as `state`. */
export async function savedThankYou(
  extension: ExtensionFixture,
): Promise<{ postedText: string; sync: { state: string; remoteId?: string; error?: string } }> {
  const records = (await readExtensionDb(extension, 'recognitions')) as Array<{
    postedText: string;
    sync: { state: string; remoteId?: string; error?: string };
  }>;
  expect(records).toHaveLength(1);
  const [record] = records;
  if (!record) throw new Error('no thank-you saved');
  return record;
}

/** The button says the thanks were sent. */
export async function expectSent(page: Page, author: string, timeout = 20_000): Promise<void> {
  await waitForRole(page, 'button', `You thanked ${author} for this post; it was sent. Thank again`, {
    timeout,
  });
}

/** The button says it was not sent, the host's reason is shown on the page, and it is not retried. */
export async function expectNotSent(
  extension: ExtensionFixture,
  page: Page,
  author: string,
  reason: string,
): Promise<void> {
  await waitForRole(page, 'button', `Your thanks to ${author} was not sent. Open to try again`, {
    timeout: 20_000,
  });
  const escaped = reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect(await findByRole(page, 'StaticText', new RegExp(`^Not sent: ${escaped}\\s*$`))).toHaveLength(1);
  const [item] = (await readExtensionDb(extension, 'outbox')) as Array<Record<string, unknown>>;
  // Permanent: tried once, not again behind the user's back.
  expect(item).toMatchObject({ state: 'failed', attempts: 1, lastError: reason });
}

/**
 * "Work out loud about this post by {author}": types the text, names the target (group, space or
 * channel) where given, and saves. Returns the one saved post once it has settled as sent or failed.
 */
export async function workOutLoud(
  extension: ExtensionFixture,
  page: Page,
  author: string,
  text: string,
  target?: string,
): Promise<{ text: string; sync: { state: string; remoteId?: string; error?: string } }> {
  await clickByRole(page, 'button', `Work out loud about this post by ${author}`);
  await waitForRole(page, 'dialog', 'Work out loud');
  await focusByRole(page, 'textbox', 'What do you want to share?');
  await page.keyboard.type(text);
  if (target) {
    // A combobox where Rückenwind can list the user's groups or channels (a typed id works there too).
    const field = 'Post in (group, space or channel)';
    const role = (await findByRole(page, 'combobox', field)).length > 0 ? 'combobox' : 'textbox';
    await focusByRole(page, role, field);
    await page.keyboard.type(target);
  }
  await clickByRole(page, 'button', 'Save post');
  await waitForRole(page, 'dialog', 'Work out loud', { count: 0 });
  type Saved = { text: string; sync: { state: string; remoteId?: string; error?: string } };
  let saved: Saved[] = [];
  await expect
    .poll(
      async () => {
        saved = (await readExtensionDb(extension, 'wolPosts')) as Saved[];
        return saved.map((post) => post.sync.state);
      },
      { timeout: 20_000 },
    )
    .toEqual([expect.stringMatching(/^(sent|failed)$/)]);
  const [post] = saved;
  if (!post) throw new Error('no post saved');
  return post;
}
