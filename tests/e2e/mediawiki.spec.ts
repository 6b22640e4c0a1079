// Rückenwind on a real MediaWiki (Debian's 1.39, tests/hosts/mediawiki/): the wiki is installed and seeded
// once per worker, every test signs in through Special:UserLogin in its own fresh browser.
import {
  clickByRole,
  countInClosedShadowRoots,
  findByRole,
  waitForRole,
} from '../../scripts/lib/closed-shadow.mjs';
import { signedComments, TALK_PAGE } from '../hosts/mediawiki/seed.mjs';
import type { RunningMediaWiki } from '../hosts/mediawiki/start.mjs';
import { test as base, expect, readExtensionDb } from './support/fixtures';
import { thankedButton } from './support/labels';
import { logInToMediaWiki, mediawikiWorker } from './support/mediawiki';
import { enableThroughPopup } from './support/popup';

const THANK = /^Thank (.+) for this post$/;
const VIEWER = 'Mara';

const test = base.extend<object, { mediawiki: RunningMediaWiki }>({
  mediawiki: mediawikiWorker(),
});

function pageUrl(wiki: RunningMediaWiki, title: string) {
  return `${wiki.url}/index.php/${encodeURI(title.replaceAll(' ', '_'))}`;
}

test('every signed comment on a talk page gets exactly one thank button, right after its signature', async ({
  extension,
  mediawiki,
}) => {
  const page = await extension.context.newPage();
  await logInToMediaWiki(page, mediawiki, VIEWER);
  await page.goto(pageUrl(mediawiki, TALK_PAGE.title));
  await enableThroughPopup(extension, page);

  const comments = signedComments(TALK_PAGE);
  const buttons = await waitForRole(page, 'button', THANK, { count: comments.length });
  // In page order, one per comment, each named after the comment's author (Mara's own included).
  expect(buttons.map((button) => THANK.exec(button.name)?.[1])).toEqual(comments.map((c) => c.author));
  expect(await countInClosedShadowRoots(page, 'button.thank')).toBe(comments.length);

  // Inline, right after the date that ends each signature: `… Bob (talk) 10:47, 16 November 2026 (UTC)`.
  const before = await page.evaluate(() =>
    [...document.querySelectorAll('rueckenwind-post-actions')].map((host) =>
      (host.previousSibling?.textContent ?? '').trim(),
    ),
  );
  expect(before).toHaveLength(comments.length);
  for (const text of before) expect(text).toMatch(/\d{2}:\d{2}, \d{1,2} November 2026 \(UTC\)$/);
});

test('thanking a comment stores the recognition for MediaWiki, its author prefilled, and posts it once as a signed reply in that section', async ({
  extension,
  mediawiki,
}) => {
  const page = await extension.context.newPage();
  await logInToMediaWiki(page, mediawiki, VIEWER);
  await page.goto(pageUrl(mediawiki, TALK_PAGE.title));
  await enableThroughPopup(extension, page);

  // Bob's first reply: the rollback fix.
  await clickByRole(page, 'button', 'Thank Bob for this post');
  await waitForRole(page, 'dialog', 'Say thank you');
  expect(await findByRole(page, 'button', 'Remove Bob')).toHaveLength(1);
  await page.keyboard.type('Danke, Bob: ohne den Cache-Flush wäre der Rollback schiefgegangen.');
  await clickByRole(page, 'button', 'Save thank-you');
  await waitForRole(page, 'dialog', 'Say thank you', { count: 0 });
  // Posted through the Action API with the user's session and CSRF token: the button says so.
  await waitForRole(page, 'button', 'You thanked Bob for this post; it was sent. Thank again');

  const origin = new URL(mediawiki.url).origin;
  const records = await readExtensionDb(extension, 'recognitions');
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({
    direction: 'given',
    message: 'Danke, Bob: ohne den Cache-Flush wäre der Rollback schiefgegangen.',
    from: { name: VIEWER, id: VIEWER },
    to: [{ name: 'Bob', id: 'Bob' }],
    post: {
      host: 'mediawiki',
      origin,
      postId: 'c-Bob-10:47, 16 November 2026 (UTC)',
      permalink: `${pageUrl(mediawiki, TALK_PAGE.title)}#Moving_the_checklist_from_the_shared_drive`,
      author: { name: 'Bob', id: 'Bob' },
    },
    sync: { state: 'sent', remoteId: expect.stringMatching(/^rev-\d+$/) },
  });

  // Only that comment is marked, also after a reload: Bob's other comments are other posts.
  await page.reload();
  await waitForRole(page, 'button', thankedButton('Bob'), { count: 1 });
  await waitForRole(page, 'button', 'Thank Bob for this post', { count: 2 });
  // The thank-you is on the talk page exactly once, as an indented reply signed by the user.
  const reply = page.locator('#mw-content-text dd', {
    hasText: 'ohne den Cache-Flush wäre der Rollback schiefgegangen',
  });
  await expect(reply).toHaveCount(1);
  await expect(reply.locator(`a[title^="User:${VIEWER}"]`).first()).toBeVisible();
});
