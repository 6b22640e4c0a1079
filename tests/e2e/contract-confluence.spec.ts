// Rückenwind on Confluence Cloud, against its contract server (tests/contract/confluence/) served over
// HTTPS as https://musterwerk.atlassian.net: Chromium resolves that name to the local server and accepts
// its throw-away certificate, so the extension's static `https://*.atlassian.net/wiki/*` match applies
// exactly as it would on a real site, with no site to enable.
import {
  mentionOf,
  PAGE,
  SIGNED_IN,
  type startConfluence as StartConfluence,
  startConfluence,
} from '../contract/confluence/server.mjs';
import {
  contractServer,
  expectNotSent,
  expectSent,
  savedThankYou,
  thankAndSave,
  workOutLoud,
} from '../contract/support/browser';
import { selfSignedCertificate } from '../contract/support/tls.mjs';
import { test as base, expect } from './support/fixtures';
import { receivedThanks, stopServiceWorker } from './support/received';

type Confluence = Awaited<ReturnType<typeof StartConfluence>>;

const HOST = 'musterwerk.atlassian.net';
const SITE = `https://${HOST}`;

const test = base.extend<{ confluence: Confluence }>({
  confluence: contractServer(() =>
    startConfluence({ tls: selfSignedCertificate([HOST]), publicOrigin: SITE }),
  ),
  launchArgs: async ({ confluence }, use) =>
    use([`--host-resolver-rules=MAP ${HOST} 127.0.0.1:${confluence.port}`, '--ignore-certificate-errors']),
});

test.beforeEach(async ({ extension, confluence }) => {
  const { cookie } = confluence.signIn();
  await extension.context.addCookies([{ ...cookie, url: SITE, secure: true, httpOnly: true }]);
});

/** Jonas's comment on the page. */
const JONAS = 'Jonas Weber';
const COMMENT = '48889311';

test('a thank-you on a Confluence Cloud comment is posted once as a reply to it, and the button says sent', async ({
  extension,
  confluence,
}) => {
  const page = await extension.context.newPage();
  await page.goto(`${SITE}${confluence.pagePath}`);
  await thankAndSave(page, JONAS, 'Danke für das Glossar – <endlich> verständlich & kurz!');
  await expectSent(page, JONAS);

  const writes = confluence.log.find('POST', '/wiki/api/v2/footer-comments');
  expect(writes).toHaveLength(1);
  expect(writes[0]).toMatchObject({ status: 200, body: { parentCommentId: COMMENT } });
  // Read back through Confluence's API in the signed-in page, as the site's own scripts would.
  const children = (await page.evaluate(
    async (path) => (await fetch(path)).json(),
    `/wiki/api/v2/footer-comments/${COMMENT}/children?body-format=storage`,
  )) as {
    results: Array<{ id: string; version: { authorId: string }; body: { storage: { value: string } } }>;
  };
  expect(children.results).toHaveLength(1);
  const [reply] = children.results;
  expect(reply?.version.authorId).toBe(SIGNED_IN.accountId);
  // Text stays text: the angle brackets and the ampersand arrive escaped.
  expect(reply?.body.storage.value).toContain(
    'Danke für das Glossar – &#60;endlich&#62; verständlich &#38; kurz!',
  );
  const record = await savedThankYou(extension);
  expect(record.postedText).toContain('Danke für das Glossar – <endlich> verständlich & kurz!');
  expect(record.sync).toMatchObject({ state: 'sent', remoteId: reply?.id });
});

test('a reply Confluence refuses (no permission to comment) is not sent and shows Confluence’s reason', async ({
  extension,
  confluence,
}) => {
  confluence.forbidComments();
  const page = await extension.context.newPage();
  await page.goto(`${SITE}${confluence.pagePath}`);
  await thankAndSave(page, JONAS, 'Danke für das Glossar!');
  await expectNotSent(
    extension,
    page,
    JONAS,
    'Confluence (HTTP 403): You do not have permission to comment on this page.',
  );
  expect(confluence.log.find('POST', '/wiki/api/v2/footer-comments')).toMatchObject([{ status: 403 }]);
});

test('when Confluence’s answer to the reply is lost, Rückenwind finds its reply and does not post it again', async ({
  extension,
  confluence,
}) => {
  // The engine lets an uncertain write settle for 30–45 s before it looks (lib/sync/outbox.ts).
  test.setTimeout(120_000);
  confluence.loseNextAnswer('POST', '/wiki/api/v2/footer-comments');
  const page = await extension.context.newPage();
  await page.goto(`${SITE}${confluence.pagePath}`);
  await thankAndSave(page, JONAS, 'Danke für das Glossar – <endlich> verständlich & kurz!');
  await expectSent(page, JONAS, 90_000);

  expect(confluence.log.find('POST', '/wiki/api/v2/footer-comments')).toMatchObject([
    { status: 200, dropped: true },
  ]);
  expect(confluence.log.find('GET', `/wiki/api/v2/footer-comments/${COMMENT}/children`)).toHaveLength(1);
  const ours = confluence.comments().filter((comment) => comment.parentCommentId === COMMENT);
  expect(ours).toMatchObject([{ authorId: SIGNED_IN.accountId }]);
  expect((await savedThankYou(extension)).sync).toMatchObject({ state: 'sent', remoteId: ours[0]?.id });
});

test('a work-out-loud post becomes a blog post in the page’s space, posted once', async ({
  extension,
  confluence,
}) => {
  const page = await extension.context.newPage();
  await page.goto(`${SITE}${confluence.pagePath}`);
  const saved = await workOutLoud(extension, page, JONAS, 'eine Checkliste für neue Kolleg:innen');

  expect(saved.sync).toMatchObject({ state: 'sent' });
  const writes = confluence.log.find('POST', '/wiki/api/v2/blogposts');
  expect(writes).toHaveLength(1);
  expect(writes[0]).toMatchObject({
    status: 200,
    body: { spaceId: PAGE.spaceId, title: saved.text.split('\n')[0], body: { representation: 'storage' } },
  });
  const posts = (await page.evaluate(
    async (path) => (await fetch(path)).json(),
    `/wiki/api/v2/blogposts?space-id=${PAGE.spaceId}`,
  )) as { results: Array<{ id: string; authorId: string }> };
  expect(posts.results).toMatchObject([{ id: saved.sync.remoteId, authorId: SIGNED_IN.accountId }]);
});

test('a colleague’s “Danke” comment that mentions the user counts as a thank-you received, once', async ({
  extension,
  confluence,
}) => {
  const thanks = confluence.commentAs(
    'jonas.weber',
    `<p>Danke ${mentionOf(SIGNED_IN.accountId)} für die neuen Schichtmodelle!</p>`,
  );
  confluence.commentAs(
    'katharina.mueller',
    `<p>${mentionOf(SIGNED_IN.accountId)} kannst du kurz drüberschauen?</p>`,
  );
  const page = await extension.context.newPage();
  await page.goto(`${SITE}${confluence.pagePath}`);

  const expected = [
    {
      direction: 'received',
      from: { name: 'Jonas Weber' },
      to: [{ name: SIGNED_IN.displayName, id: SIGNED_IN.accountId }],
      message: `Danke @${SIGNED_IN.displayName} für die neuen Schichtmodelle!`,
      sync: { state: 'local', remoteId: thanks },
    },
  ];
  await expect.poll(() => receivedThanks(extension)).toMatchObject(expected);
  // A restarted worker searches again on the next page: the thank-you is still counted once.
  await stopServiceWorker(extension);
  await page.reload();
  await expect.poll(() => confluence.log.find('GET', '/wiki/rest/api/search').length).toBe(2);
  expect(await receivedThanks(extension)).toMatchObject(expected);
});
