// Rückenwind on a real WordPress 6.1 (Debian's package, tests/hosts/wordpress/), signed in as a user would be.
import type { Page } from '@playwright/test';
import {
  clickByRole,
  countInClosedShadowRoots,
  findByRole,
  waitForRole,
} from '../../scripts/lib/closed-shadow.mjs';
import { POSTS } from '../hosts/wordpress/seed.mjs';
import { startWordPress, THEMES, type Theme, type WordPress } from '../hosts/wordpress/start.mjs';
import { test as base, expect, readExtensionDb } from './support/fixtures';
import { enableThroughPopup } from './support/popup';
import { installWordPressPackages, signInToWordPress } from './support/wordpress';

const THANK = /^Thank (.+) for this post$/;
const THREAD = POSTS[0];

/** The test sites of a worker, one per theme, started on first use. */
type WordPressSites = { site: (theme: Theme) => Promise<WordPress> };

const test = base.extend<object, { wordpressSites: WordPressSites }>({
  // A fresh machine first installs the Debian packages (about a minute), hence the long timeout.
  wordpressSites: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructured first argument.
    async ({}, use) => {
      await installWordPressPackages();
      const started = new Map<Theme, Promise<WordPress>>();
      const site = (theme: Theme) => {
        let wordpress = started.get(theme);
        if (!wordpress) {
          wordpress = startWordPress({ theme });
          started.set(theme, wordpress);
        }
        return wordpress;
      };
      try {
        await use({ site });
      } finally {
        for (const wordpress of started.values()) await (await wordpress).close();
      }
    },
    { scope: 'worker', timeout: 15 * 60_000 },
  ],
});

/** Signs in through wp-login.php in the extension's browser, landing on the threaded post. */
async function openThreadSignedIn(page: Page, wordpress: WordPress): Promise<string> {
  const postUrl = wordpress.posts[THREAD?.slug ?? '']?.url;
  if (!postUrl) throw new Error('The seed has no threaded post');
  await signInToWordPress(page, wordpress, postUrl);
  await expect(page.locator('#wp-admin-bar-my-account')).toBeAttached();
  return postUrl;
}

for (const theme of THEMES) {
  test.describe(`WordPress with ${theme}`, () => {
    test('every comment gets exactly one thank button, next to its own Reply link', async ({
      extension,
      wordpressSites,
    }) => {
      const wordpress = await wordpressSites.site(theme);
      const page = await extension.context.newPage();
      await openThreadSignedIn(page, wordpress);
      await enableThroughPopup(extension, page);
      const comments = await page.locator('li.comment').count();
      expect(comments).toBe(THREAD?.comments.length);
      // Classic themes print the post's byline, so the post itself can be thanked too.
      const entries = await page.locator('article.type-post').count();

      const buttons = await waitForRole(page, 'button', THANK, { count: comments + entries });
      expect(await countInClosedShadowRoots(page, 'button.thank')).toBe(comments + entries);
      const mountsPerComment = await page
        .locator('li.comment')
        .evaluateAll((items) =>
          items.map(
            (item) =>
              [...item.querySelectorAll('rueckenwind-post-actions')].filter(
                (host) =>
                  host.closest('li.comment') === item && host.closest('.reply, .wp-block-comment-reply-link'),
              ).length,
          ),
        );
      expect(mountsPerComment).toEqual(Array(comments).fill(1));
      // In page order: the post's byline (classic themes), then each comment's author.
      const authors = await page
        .locator('article.type-post a[rel~="author"], .comment-author .fn, .wp-block-comment-author-name')
        .evaluateAll((names) => names.map((name) => name.textContent?.trim()));
      expect(buttons.map((button) => THANK.exec(button.name)?.[1])).toEqual(authors);
    });

    test('thanking a reply deep in a thread stores it with the comment id and posts it to WordPress once, as a reply under it', async ({
      extension,
      wordpressSites,
    }) => {
      const wordpress = await wordpressSites.site(theme);
      const page = await extension.context.newPage();
      const postUrl = await openThreadSignedIn(page, wordpress);
      await enableThroughPopup(extension, page);
      const commentId = wordpress.posts[THREAD?.slug ?? '']?.comments['jonas-time-tracking'];
      const reply = page.locator(`#comment-${commentId}`);
      await expect(reply).toHaveClass(/\bdepth-3\b/);

      // Jonas wrote the first comment of the thread and this reply to it: the second button for him.
      await waitForRole(page, 'button', 'Thank Jonas Weber for this post', { count: 2 });
      await clickByRole(page, 'button', 'Thank Jonas Weber for this post', { nth: 1 });
      await waitForRole(page, 'dialog', 'Say thank you');
      expect(await findByRole(page, 'button', 'Remove Jonas Weber')).toHaveLength(1);
      await page.keyboard.type('Danke, Jonas – die Zeiterfassung kommt ins Wiki!');
      await clickByRole(page, 'button', 'Save thank-you');
      await waitForRole(page, 'dialog', 'Say thank you', { count: 0 });
      // Posted through WordPress's REST API with the user's session and nonce: the button says so.
      await waitForRole(page, 'button', 'You thanked Jonas Weber for this post; it was sent. Thank again');

      const records = await readExtensionDb(extension, 'recognitions');
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        direction: 'given',
        message: 'Danke, Jonas – die Zeiterfassung kommt ins Wiki!',
        from: { name: 'Mara Schneider' },
        to: [{ name: 'Jonas Weber', id: 'jonas' }],
        post: {
          host: 'wordpress',
          origin: wordpress.url,
          postId: `comment-${commentId}`,
          permalink: `${postUrl}#comment-${commentId}`,
          author: { name: 'Jonas Weber', id: 'jonas' },
        },
        sync: { state: 'sent', remoteId: expect.stringMatching(/^comment-\d+$/) },
      });
      // On the reloaded page, exactly once, as a reply to Jonas's comment.
      const remoteId = (records[0] as { sync: { remoteId: string } }).sync.remoteId;
      await page.reload();
      await expect(
        page
          .locator('.comment-content, .wp-block-comment-content')
          .filter({ hasText: 'die Zeiterfassung kommt ins Wiki!' }),
      ).toHaveCount(1);
      await expect(page.locator(`#comment-${commentId} #${remoteId}`)).toHaveCount(1);
    });
  });
}
