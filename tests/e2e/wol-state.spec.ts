import type { Page, Route } from '@playwright/test';
import {
  clickByRole,
  findByRole,
  focusByRole,
  textOf,
  waitForRole,
} from '../../scripts/lib/closed-shadow.mjs';
import { expect, readExtensionDb, test } from './support/fixtures';

/** New posts on the demo intranet: the write a work-out-loud post makes. */
const isNewPost = (url: URL) => url.pathname === '/api/posts';

async function firstAuthor(page: Page) {
  return (await page.locator('article.post > header > a.post-author').first().textContent())?.trim() ?? '';
}

const wolLabel = (author: string) => `Work out loud about this post by ${author}`;

/** What the "Work out loud" buttons of `author`'s posts say about the user's WOL post, one entry per button. */
async function wolDescriptions(page: Page, author: string) {
  return (await findByRole(page, 'button', wolLabel(author))).map((button) => button.description ?? '');
}

/** The last thing said to screen readers through the page's live region. */
async function announced(page: Page) {
  const [region] = await findByRole(page, 'status');
  return region ? textOf(page, region.backendNodeId) : '';
}

async function workOutLoud(page: Page, author: string, text: string, options: { linkPost: boolean }) {
  await clickByRole(page, 'button', wolLabel(author));
  await waitForRole(page, 'dialog', 'Work out loud');
  await page.keyboard.type(text);
  if (!options.linkPost) {
    await focusByRole(page, 'checkbox', 'Link this post');
    await page.keyboard.press('Space');
    const [box] = await findByRole(page, 'checkbox', 'Link this post');
    expect(box?.checked).toBe(false);
  }
  await clickByRole(page, 'button', 'Save post');
  await waitForRole(page, 'dialog', 'Work out loud', { count: 0 });
}

/** The demo intranet's new posts whose text contains `text`. */
async function postsWith(demoUrl: string, text: string) {
  const feed = (await (await fetch(`${demoUrl}/api/posts?page=1`)).json()) as {
    posts: Array<{ id: string; body: string }>;
  };
  return feed.posts.filter((post) => post.body.includes(text));
}

test('a work-out-loud post about a post shows saved, then sent, next to its button, and again after a reload', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await page.goto(demo.url);
  const author = await firstAuthor(page);
  // The intranet takes its time with the write, so "saved" can be seen before "sent".
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(isNewPost, async (route: Route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    await held;
    return route.fallback();
  });

  await workOutLoud(page, author, 'a glossary for the release notes', { linkPost: true });
  await expect.poll(() => wolDescriptions(page, author)).toContain('Work-out-loud post saved');
  expect(await announced(page)).toBe('Work-out-loud post saved');
  // Focus is back on the button, which keeps its name: it always offers a new post.
  const [focused] = (await findByRole(page, 'button', wolLabel(author))).filter((button) => button.focused);
  expect(focused?.description).toBe('Work-out-loud post saved');

  release();
  await expect.poll(() => wolDescriptions(page, author)).toContain('Work-out-loud post sent');
  await expect.poll(() => announced(page)).toBe('Work-out-loud post sent');
  const [stored] = (await readExtensionDb(extension, 'wolPosts')) as Array<{ sync: { state: string } }>;
  expect(stored?.sync.state).toBe('sent');
  expect(await postsWith(demo.url, 'a glossary for the release notes')).toHaveLength(1);

  // After a reload the post it links still says so, and only that post (the new WOL post heads the feed now).
  await page.unroute(isNewPost);
  await page.reload();
  await waitForRole(page, 'button', /^Work out loud about this post by /);
  await expect
    .poll(async () => (await wolDescriptions(page, author)).filter((text) => text !== ''))
    .toEqual(['Work-out-loud post sent']);
  const described = (await findByRole(page, 'button', /^Work out loud about this post by /)).filter(
    (button) => button.description,
  );
  expect(described).toHaveLength(1);
});

test('a work-out-loud post the intranet refuses shows its reason, also after a reload; Try again from the keyboard sends it once', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await page.goto(demo.url);
  const author = await firstAuthor(page);
  const refuse = (route: Route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 403,
          contentType: 'application/json',
          body: JSON.stringify({ error: 'Posting is paused' }),
        })
      : route.fallback();
  await page.route(isNewPost, refuse);

  await workOutLoud(page, author, 'what I learned about release trains', { linkPost: true });
  const failed = 'Work-out-loud post not sent: HTTP 403: Posting is paused';
  await expect.poll(() => wolDescriptions(page, author)).toContain(`${failed} Try again`);
  await expect.poll(() => announced(page)).toBe(failed);
  const [item] = (await readExtensionDb(extension, 'outbox')) as Array<Record<string, unknown>>;
  // A 403 is permanent: nothing is retried behind the user's back.
  expect(item).toMatchObject({ kind: 'wol-post', state: 'failed', attempts: 1 });

  // The failure and its retry are still there after a reload.
  await page.reload();
  await waitForRole(page, 'button', /^Work out loud about this post by /);
  await expect.poll(() => wolDescriptions(page, author)).toContain(`${failed} Try again`);

  await page.unroute(isNewPost);
  await focusByRole(page, 'button', 'Try again');
  await page.keyboard.press('Enter');
  await expect.poll(() => wolDescriptions(page, author)).toContain('Work-out-loud post sent');
  await expect.poll(() => announced(page)).toBe('Work-out-loud post sent');
  expect(await findByRole(page, 'button', 'Try again')).toHaveLength(0);
  expect(await postsWith(demo.url, 'what I learned about release trains')).toHaveLength(1);
  const [done] = (await readExtensionDb(extension, 'outbox')) as Array<Record<string, unknown>>;
  expect(done).toMatchObject({ state: 'done' });
});

test('a work-out-loud post that does not link the post shows its state on that post only until the page is left', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await page.goto(demo.url);
  const author = await firstAuthor(page);
  await workOutLoud(page, author, 'a note that stands on its own', { linkPost: false });
  await expect.poll(() => wolDescriptions(page, author)).toContain('Work-out-loud post sent');
  const [stored] = (await readExtensionDb(extension, 'wolPosts')) as Array<Record<string, unknown>>;
  expect(stored?.linkedPost).toBeUndefined();

  // Nothing ties it to the post any more: after a reload no post claims it.
  await page.reload();
  await waitForRole(page, 'button', /^Work out loud about this post by /);
  const buttons = await findByRole(page, 'button', /^Work out loud about this post by /);
  expect(buttons.length).toBeGreaterThan(5);
  expect(buttons.filter((button) => button.description)).toHaveLength(0);
});

test.describe('in German', () => {
  test.use({ locale: 'de' });

  test('the state next to the button speaks German', async ({ extension, demo }) => {
    const page = await extension.context.newPage();
    await page.goto(demo.url);
    const author = await firstAuthor(page);
    const label = `Zu diesem Beitrag von ${author} Working Out Loud teilen`;
    await clickByRole(page, 'button', label);
    await waitForRole(page, 'dialog', 'Working Out Loud');
    await page.keyboard.type('eine Checkliste für neue Kolleginnen und Kollegen');
    await clickByRole(page, 'button', 'Beitrag speichern');
    await expect
      .poll(async () => (await findByRole(page, 'button', label)).map((button) => button.description))
      .toContain('Working-Out-Loud-Beitrag gesendet');
    await expect.poll(() => announced(page)).toBe('Working-Out-Loud-Beitrag gesendet');
  });
});
