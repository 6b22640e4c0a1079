import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Worker } from '@playwright/test';
import { clickByRole, countInClosedShadowRoots, waitForRole } from '../../scripts/lib/closed-shadow.mjs';
import { launchWithExtension } from '../../scripts/lib/launch-extension.mjs';
import { type ExtensionFixture, expect, test } from './support/fixtures';
import { thankedButton } from './support/labels';

// The page changes under the extension (in-app navigation, re-rendered posts, live updates), and the
// extension changes under the page (updated, removed): every post keeps exactly one set of buttons, and
// an orphaned content script takes all of its own down without an error.

const HOST = 'rueckenwind-post-actions';

type Chrome = {
  runtime: { reload: () => void };
  management: { uninstallSelf: () => Promise<void> };
  tabs: { query: (filter: object) => Promise<Array<{ id?: number; url?: string }>> };
  scripting: {
    executeScript: (injection: { target: { tabId: number }; files: string[] }) => Promise<unknown>;
  };
};

/**
 * Every post shows exactly one thank button, in its own footer, and there is no other host of ours.
 * Everything is read in one go, so a page that is still changing cannot pass with a mix of two states.
 */
async function expectOneThankButtonPerPost(page: Page) {
  let posts = 0;
  await expect
    .poll(async () => {
      const light = await page.evaluate((host) => {
        const all = Array.from(document.querySelectorAll('article.post'));
        return {
          posts: all.length,
          withOneMount: all.filter((post) => post.querySelectorAll(`:scope > footer > ${host}`).length === 1)
            .length,
          hosts: document.querySelectorAll(host).length,
        };
      }, HOST);
      const thankButtons = await countInClosedShadowRoots(page, 'button.thank');
      posts = light.posts;
      return {
        hasPosts: posts > 0,
        postsWithoutOneMount: posts - light.withOneMount,
        otherHosts: light.hosts - posts,
        postsWithoutThankButton: posts - thankButtons,
      };
    })
    .toEqual({ hasPosts: true, postsWithoutOneMount: 0, otherHosts: 0, postsWithoutThankButton: 0 });
  return posts;
}

const hostCount = (page: Page) => page.evaluate((host) => document.querySelectorAll(host).length, HOST);

/** Console errors and uncaught exceptions of the page, ours included (content scripts log there). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** A mark on the document: a full page load loses it, in-app navigation keeps it. */
async function markDocument(page: Page) {
  await page.evaluate(() => document.documentElement.setAttribute('data-test-mark', ''));
  return () => page.evaluate(() => document.documentElement.hasAttribute('data-test-mark'));
}

test('in-app navigation to a post and back: exactly one thank button per post', async ({ page, demo }) => {
  const errors = collectErrors(page);
  await page.goto(demo.url);
  const feedPosts = await expectOneThankButtonPerPost(page);
  const stillSameDocument = await markDocument(page);

  const second = page.locator('main#feed > article.post').nth(1);
  const id = await second.getAttribute('data-post-id');
  await second.locator(':scope > header > a.post-permalink').click();
  await expect(page).toHaveURL(`${demo.url}/posts/${id}`);
  await expect(page.locator('main#feed.single > article.post')).toHaveAttribute('data-post-id', id ?? '');
  await expectOneThankButtonPerPost(page);

  await page.goBack();
  await expect(page).toHaveURL(`${demo.url}/`);
  await expect(page.locator('main#feed:not(.single)')).toBeVisible();
  expect(await expectOneThankButtonPerPost(page)).toBe(feedPosts);

  // The address changes at once, the content when the page has fetched it: wait for the content.
  await page.goForward();
  await expect(page).toHaveURL(`${demo.url}/posts/${id}`);
  await expect(page.locator('main#feed.single')).toBeVisible();
  await expectOneThankButtonPerPost(page);
  await page.getByRole('link', { name: '← Alle Neuigkeiten' }).click();
  await expect(page).toHaveURL(`${demo.url}/`);
  await expect(page.locator('main#feed:not(.single)')).toBeVisible();
  expect(await expectOneThankButtonPerPost(page)).toBe(feedPosts);

  // The feed built in place scrolls on, and the posts it appends get their buttons too.
  await page.locator('#feed-sentinel').scrollIntoViewIfNeeded();
  await expect.poll(() => page.locator('article.post').count()).toBeGreaterThan(feedPosts);
  await expectOneThankButtonPerPost(page);
  expect(await stillSameDocument()).toBe(true);
  expect(errors).toEqual([]);
});

test('re-rendered, replied-to and newly arrived posts keep exactly one thank button', async ({
  page,
  demo,
}) => {
  const errors = collectErrors(page);
  await page.goto(demo.url);
  await expectOneThankButtonPerPost(page);
  const first = page.locator('main#feed > article.post').first();
  const id = (await first.getAttribute('data-post-id')) ?? '';
  const author = (await first.locator(':scope > header > a.post-author').textContent()) ?? '';

  // Thank the post first: its state must survive the re-renders below.
  await clickByRole(page, 'button', `Thank ${author} for this post`);
  await waitForRole(page, 'dialog', 'Say thank you');
  await page.keyboard.type('Danke!');
  await clickByRole(page, 'button', 'Save thank-you');
  await waitForRole(page, 'button', thankedButton(author));

  // "Gefällt mir": the host replaces the whole post with a fresh copy.
  const post = page.locator(`#post-${id}`);
  const before = await post.elementHandle();
  await post.locator(':scope > footer > .action-like').click();
  await expect(post.locator(':scope > footer > .action-like')).toHaveAttribute('aria-pressed', 'true');
  expect(await before?.evaluate((el) => el.isConnected)).toBe(false);
  await expectOneThankButtonPerPost(page);
  await waitForRole(page, 'button', thankedButton(author), { count: 1 });

  // "Antworten": the host re-renders the footer, with a form in it; sending re-renders the thread.
  await post.locator(':scope > footer > .action-reply').click();
  await expect(post.locator(':scope > footer textarea')).toBeFocused();
  await expectOneThankButtonPerPost(page);
  const replies = await post.locator('article.reply').count();
  await page.keyboard.type('Eine Antwort, in der Seite geschrieben');
  await post.locator(':scope > footer button[type="submit"]').click();
  await expect(post.locator('article.reply')).toHaveCount(replies + 1);
  await expectOneThankButtonPerPost(page);
  await waitForRole(page, 'button', thankedButton(author), { count: 1 });

  // A colleague posts; the feed shows it on top when the reader comes back to the tab.
  const response = await page.request.post(`${demo.url}/api/posts`, {
    headers: {
      'X-CSRF-Token': (await page.locator('meta[name="csrf-token"]').getAttribute('content')) ?? '',
    },
    data: { body: 'Frisch aus der Kantine' },
  });
  expect(response.status()).toBe(201);
  const created = (await response.json()) as { id: string };
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect(page.locator('main#feed > article.post').first()).toHaveAttribute('data-post-id', created.id);
  await expectOneThankButtonPerPost(page);
  expect(errors).toEqual([]);
});

test('a post re-rendered again and again leaves nothing of ours behind', async ({ page, demo }) => {
  await page.goto(demo.url);
  await expectOneThankButtonPerPost(page);
  const cdp = await page.context().newCDPSession(page);
  /** Live DOM nodes of the page (ours in closed shadow roots included), after a full garbage collection. */
  const liveNodes = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Memory.getDOMCounters')).nodes;
  };
  const like = page.locator('main#feed > article.post').first().locator(':scope > footer > .action-like');
  const before = await liveNodes();
  // Each click replaces the first thread by a fresh copy. A mount that kept its old copy alive left about
  // 110 nodes behind per click (measured before mounts were swept).
  for (let round = 1; round <= 20; round++) {
    await like.click();
    if (round % 2 === 1) await expect(like).toHaveAttribute('aria-pressed', 'true');
    else await expect(like).not.toHaveAttribute('aria-pressed');
    await expectOneThankButtonPerPost(page);
  }
  expect(await liveNodes()).toBeLessThan(before + 50);
});

/**
 * A browser in developer mode: only there does an unpacked extension come back after
 * `chrome.runtime.reload()` (otherwise Chromium disables it), as a store extension does after an update.
 */
const updatable = test.extend({
  extension: async ({ locale }, use) => {
    const profile = await mkdtemp(join(tmpdir(), 'rueckenwind-profile-'));
    await mkdir(join(profile, 'Default'));
    await writeFile(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
    );
    const extension = await launchWithExtension({
      extensionDir: join(
        process.env.RUECKENWIND_OUT_DIR ?? fileURLToPath(new URL('../../.output', import.meta.url)),
        'chrome-mv3',
      ),
      locale: locale ?? 'en',
      userDataDir: profile,
    });
    try {
      await use(extension);
    } finally {
      await extension.context.close();
      await rm(profile, { recursive: true, force: true });
    }
  },
});

/** Updates the extension in place, as the browser does with a new version; resolves with the new worker. */
async function updateExtension(extension: ExtensionFixture): Promise<Worker> {
  const restarted = extension.context.waitForEvent('serviceworker');
  // The worker that runs this goes away with the old version, so its answer may never come.
  void extension.serviceWorker
    .evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.reload())
    .catch(() => undefined);
  return restarted;
}

/** Removes the extension, as the user does in the browser's extension settings. */
async function removeExtension(extension: ExtensionFixture) {
  // Any extension may remove itself without the management permission.
  await extension.serviceWorker
    .evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.management.uninstallSelf())
    .catch(() => undefined);
}

const triggers: Array<[string, (page: Page) => Promise<void>]> = [
  // A click by script, not by the user: only the page's own change can give the script away.
  ['the page changes', (page) => page.evaluate(() => document.getElementById('load-more')?.click())],
  [
    'the user clicks a dead thank button',
    // A raw mouse click where the button is: the button may already go when the pointer arrives.
    async (page) => {
      const box = await page.locator(HOST).first().boundingBox();
      if (!box) throw new Error('no thank button to click');
      await page.mouse.click(box.x + 10, box.y + box.height / 2);
    },
  ],
  ['the user presses a key', (page) => page.keyboard.press('Tab')],
  [
    'the user comes back to the tab',
    async (page) => {
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    },
  ],
];

for (const [when, trigger] of triggers) {
  test(`a removed extension's orphaned script takes its buttons down when ${when}`, async ({
    extension,
    demo,
  }) => {
    const page = await extension.context.newPage();
    const errors = collectErrors(page);
    await page.goto(demo.url);
    const posts = await expectOneThankButtonPerPost(page);

    await removeExtension(extension);
    await trigger(page);
    await expect.poll(() => hostCount(page)).toBe(0);
    expect(await countInClosedShadowRoots(page, 'button.thank')).toBe(0);
    // Nothing comes back as the page goes on changing, and no composer opened from a dead button.
    await page.locator('#feed-sentinel').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('article.post').count()).toBeGreaterThan(posts);
    await page.waitForTimeout(300);
    expect(await hostCount(page)).toBe(0);
    expect(errors).toEqual([]);
  });
}

updatable(
  'an update replaces the buttons in open tabs with working ones, without a reload',
  async ({ extension, demo }) => {
    const page = await extension.context.newPage();
    const errors = collectErrors(page);
    await page.goto(demo.url);
    await expectOneThankButtonPerPost(page);
    const sameDocument = await markDocument(page);

    await updateExtension(extension);
    // The new version is started in the open tab and the orphaned copy steps aside: still one each.
    await expect
      .poll(() => countInClosedShadowRoots(page, 'button.thank'))
      .toBe(await page.locator('article.post').count());
    await expectOneThankButtonPerPost(page);
    await page.locator('#load-more').click();
    await expectOneThankButtonPerPost(page);
    await clickByRole(page, 'button', /^Thank .+ for this post$/);
    await waitForRole(page, 'dialog', 'Say thank you');
    expect(await sameDocument()).toBe(true);
    expect(errors).toEqual([]);
  },
);
