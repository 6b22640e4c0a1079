// Rückenwind on Confluence Data Center, against its contract server (tests/contract/confluence/
// data-center.mjs): a site the user enables; the page transport posts through REST API v1.
import {
  SIGNED_IN,
  type startConfluenceDataCenter as StartDataCenter,
  startConfluenceDataCenter,
} from '../contract/confluence/data-center.mjs';
import { PAGE } from '../contract/confluence/server.mjs';
import {
  contractServer,
  expectNotSent,
  expectSent,
  openEnabled,
  savedThankYou,
  thankAndSave,
} from '../contract/support/browser';
import { test as base, expect } from './support/fixtures';

type DataCenter = Awaited<ReturnType<typeof StartDataCenter>>;

const test = base.extend<{ confluence: DataCenter }>({
  confluence: contractServer(startConfluenceDataCenter),
});

test.beforeEach(async ({ extension, confluence }) => {
  const { cookie } = confluence.signIn();
  await extension.context.addCookies([{ ...cookie, url: confluence.url, httpOnly: true }]);
});

const JONAS = 'Jonas Weber';
const COMMENT = '48889311';

test('a thank-you on a Confluence Data Center comment is posted once as a reply to it, and the button says sent', async ({
  extension,
  confluence,
}) => {
  const page = await openEnabled(extension, confluence.pageUrl());
  await thankAndSave(page, JONAS, 'Danke für das Glossar – <endlich> verständlich & kurz!');
  await expectSent(page, JONAS);

  const writes = confluence.log.find('POST', '/rest/api/content');
  expect(writes).toHaveLength(1);
  expect(writes[0]).toMatchObject({
    status: 200,
    body: { type: 'comment', container: { id: PAGE.id }, ancestors: [{ id: COMMENT }] },
  });
  // Read back through Confluence's API in the signed-in page.
  const children = (await page.evaluate(
    async (path) => (await fetch(path)).json(),
    `/rest/api/content/${PAGE.id}/child/comment?expand=body.storage,history,ancestors&depth=all`,
  )) as {
    results: Array<{
      id: string;
      ancestors: Array<{ id: string }>;
      history: { createdBy: { username: string } };
      body: { storage: { value: string } };
    }>;
  };
  const replies = children.results.filter((comment) => comment.ancestors.at(-1)?.id === COMMENT);
  expect(replies).toHaveLength(1);
  expect(replies[0]?.history.createdBy.username).toBe(SIGNED_IN.username);
  expect(replies[0]?.body.storage.value).toContain(
    'Danke für das Glossar – &#60;endlich&#62; verständlich &#38; kurz!',
  );
  expect((await savedThankYou(extension)).sync).toMatchObject({ state: 'sent', remoteId: replies[0]?.id });
});

test('a reply Confluence Data Center refuses is not sent and shows Confluence’s reason', async ({
  extension,
  confluence,
}) => {
  confluence.forbidComments();
  const page = await openEnabled(extension, confluence.pageUrl());
  await thankAndSave(page, JONAS, 'Danke für das Glossar!');
  await expectNotSent(
    extension,
    page,
    JONAS,
    'Confluence (HTTP 403): You do not have permission to comment on this page.',
  );
});

test('when the answer to the reply is lost, Rückenwind finds its reply on the page and does not post it again', async ({
  extension,
  confluence,
}) => {
  // The engine lets an uncertain write settle for 30–45 s before it looks (lib/sync/outbox.ts).
  test.setTimeout(120_000);
  confluence.loseNextAnswer('POST', '/rest/api/content');
  const page = await openEnabled(extension, confluence.pageUrl());
  await thankAndSave(page, JONAS, 'Danke für das Glossar!');
  await expectSent(page, JONAS, 90_000);

  expect(confluence.log.find('POST', '/rest/api/content')).toMatchObject([{ status: 200, dropped: true }]);
  expect(confluence.log.find('GET', `/rest/api/content/${PAGE.id}/child/comment`)).toHaveLength(1);
  const ours = confluence.comments().filter((comment) => comment.ancestors.at(-1) === COMMENT);
  expect(ours).toMatchObject([{ username: SIGNED_IN.username }]);
  expect((await savedThankYou(extension)).sync).toMatchObject({ state: 'sent', remoteId: ours[0]?.id });
});
