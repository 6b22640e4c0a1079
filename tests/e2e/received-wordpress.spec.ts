// Thanks to the user come back in: on a real WordPress 6.1 (tests/hosts/wordpress/), another user replies
// "Danke …" to the signed-in user's comment, and Rückenwind counts it as received, once.
import { waitForRole } from '../../scripts/lib/closed-shadow.mjs';
import { commentAs } from '../hosts/wordpress/comment-as.mjs';
import { startWordPress, type WordPress } from '../hosts/wordpress/start.mjs';
import { test as base, expect } from './support/fixtures';
import { enableThroughPopup, openPopupFor } from './support/popup';
import { receivedThanks, stopServiceWorker } from './support/received';
import { installWordPressPackages, signInToWordPress } from './support/wordpress';

const THREAD = 'onboarding-wiki-ist-online';

// A WordPress of this spec file's own: shared with another spec, one spec's comments would reach the
// other's scan for thanks received.
const test = base.extend<object, { wordpress: WordPress }>({
  wordpress: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructured first argument.
    async ({}, use) => {
      await installWordPressPackages();
      const wordpress = await startWordPress();
      try {
        await use(wordpress);
      } finally {
        await wordpress.close();
      }
    },
    // A fresh machine first installs the Debian packages (about a minute).
    { scope: 'worker', timeout: 15 * 60_000 },
  ],
});

test('colleagues’ thanks under the user’s comment and blog post count as thanks received, each exactly once', async ({
  extension,
  wordpress,
}) => {
  const thread = wordpress.posts[THREAD];
  if (!thread) throw new Error(`the seed has no post ${THREAD}`);
  const maraComment = thread.comments['mara-walkthrough'];
  const maraPost = wordpress.posts['wol-circle-startet'];
  if (!maraPost) throw new Error('the seed has no post by Mara');
  // Jonas thanks Mara under her comment and under her blog post; Anna asks her something (not thanks).
  // The seed already has a guest's tip under the same comment, and Mara's own comments that thank others.
  const thanksId = await commentAs(wordpress, 'jonas', {
    post: thread.id,
    parent: maraComment,
    content: 'Danke, Mara – dein Walkthrough hat unserer neuen Kollegin den ersten Tag gerettet!',
  });
  await commentAs(wordpress, 'anna', {
    post: thread.id,
    parent: maraComment,
    content: 'Kannst du mir die Folien vom Walkthrough schicken?',
  });
  const postThanksId = await commentAs(wordpress, 'jonas', {
    post: maraPost.id,
    content: 'Vielen Dank fürs Organisieren, Mara!',
  });

  const page = await extension.context.newPage();
  await signInToWordPress(page, wordpress, thread.url);
  await enableThroughPopup(extension, page);

  const expected = {
    direction: 'received',
    from: { name: 'Jonas Weber', id: 'jonas' },
    to: [{ name: 'Mara Schneider', id: 'mara' }],
    post: {
      host: 'wordpress',
      origin: wordpress.url,
      postId: `comment-${maraComment}`,
      permalink: `${thread.url}#comment-${maraComment}`,
      author: { name: 'Mara Schneider', id: 'mara' },
    },
    message: 'Danke, Mara – dein Walkthrough hat unserer neuen Kollegin den ersten Tag gerettet!',
    sync: { state: 'local', remoteId: `comment-${thanksId}` },
  };
  const onPost = {
    direction: 'received',
    from: { name: 'Jonas Weber', id: 'jonas' },
    to: [{ name: 'Mara Schneider', id: 'mara' }],
    post: {
      postId: `post-${maraPost.id}`,
      permalink: maraPost.url,
      author: { name: 'Mara Schneider', id: 'mara' },
    },
    message: 'Vielen Dank fürs Organisieren, Mara!',
    sync: { state: 'local', remoteId: `comment-${postThanksId}` },
  };
  await expect.poll(() => receivedThanks(extension)).toMatchObject([expected, onPost]);

  // A reload of the page (the background keeps its clock: no new scan yet) changes nothing.
  await page.reload();
  await waitForRole(page, 'button', /^Thank .+ for this post$/);
  expect(await receivedThanks(extension)).toMatchObject([expected, onPost]);

  // Anna thanks Mara too. Chrome stops an idle service worker; the next page it sees scans again and
  // finds both thanks: Jonas's still once.
  const annaThanks = await commentAs(wordpress, 'anna', {
    post: thread.id,
    parent: maraComment,
    content: 'Thank you, Mara! #thanks',
  });
  await stopServiceWorker(extension);
  await page.reload();
  await expect
    .poll(() => receivedThanks(extension))
    .toMatchObject([
      expected,
      onPost,
      {
        from: { name: 'Anna Becker', id: 'anna' },
        message: 'Thank you, Mara! #thanks',
        sync: { state: 'local', remoteId: `comment-${annaThanks}` },
      },
    ]);

  const popup = await openPopupFor(extension, page);
  await expect(popup.locator('li', { hasText: 'Thanks received this week' })).toContainText('3');
});
