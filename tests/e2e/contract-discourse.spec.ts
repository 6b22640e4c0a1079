// Rückenwind on Discourse, against its contract server (tests/contract/discourse/): the page transport
// posts a thank-you through /posts.json with the user's session cookie and the page's CSRF token.
import {
  SIGNED_IN,
  type startDiscourse as StartDiscourse,
  startDiscourse,
} from '../contract/discourse/server.mjs';
import {
  contractServer,
  expectNotSent,
  expectSent,
  openEnabled,
  savedThankYou,
  thankAndSave,
  workOutLoud,
} from '../contract/support/browser';
import { test as base, expect } from './support/fixtures';

type Discourse = Awaited<ReturnType<typeof StartDiscourse>>;

const test = base.extend<{ discourse: Discourse }>({
  discourse: contractServer(startDiscourse),
});

/** Signs in (the `_t` cookie Discourse's login sets), opens the topic and enables Rückenwind on the site. */
test.beforeEach(async ({ extension, discourse }) => {
  const { cookie } = discourse.signIn();
  await extension.context.addCookies([{ ...cookie, url: discourse.url }]);
});

const TOPIC = 1192;
/** Jonas wrote posts 2 and 4 of the topic; the first button is on post 2 (id 8902). */
const JONAS = 'Jonas Weber';

test('a thank-you on a Discourse post is posted once, as a reply to that post, and the button says sent', async ({
  extension,
  discourse,
}) => {
  const page = await openEnabled(extension, discourse.topicUrl(TOPIC));
  await thankAndSave(page, JONAS, 'Danke für die Schritt-für-Schritt-Anleitung!');
  await expectSent(page, JONAS);

  const writes = discourse.log.find('POST', '/posts.json');
  expect(writes).toHaveLength(1);
  expect(writes[0]).toMatchObject({ status: 200, body: { topic_id: TOPIC, reply_to_post_number: 2 } });
  // Read back through Discourse's API, as the signed-in user.
  const { cookie } = discourse.signIn();
  const headers = { Cookie: `${cookie.name}=${cookie.value}` };
  const replies = (await (
    await fetch(`${discourse.url}/posts/8902/replies.json`, { headers })
  ).json()) as Array<{
    id: number;
  }>;
  expect(replies).toHaveLength(1);
  const reply = (await (
    await fetch(`${discourse.url}/posts/${replies[0]?.id}.json`, { headers })
  ).json()) as {
    raw: string;
    username: string;
  };
  const record = await savedThankYou(extension);
  expect(reply).toMatchObject({ raw: record.postedText.trim(), username: 'mara.keller' });
  expect(reply.raw).toContain('Danke für die Schritt-für-Schritt-Anleitung!');
  expect(record.sync).toMatchObject({ state: 'sent', remoteId: `post-${replies[0]?.id}` });
});

test('a reply Discourse refuses (closed topic) is not sent, shows Discourse’s reason and is not retried', async ({
  extension,
  discourse,
}) => {
  discourse.closeTopic(TOPIC);
  const page = await openEnabled(extension, discourse.topicUrl(TOPIC));
  await thankAndSave(page, JONAS, 'Danke für die Schritt-für-Schritt-Anleitung!');
  const reason = 'Discourse (HTTP 403): You are not permitted to view the requested resource.';
  await expectNotSent(extension, page, JONAS, reason);
  expect(discourse.log.find('POST', '/posts.json')).toMatchObject([{ status: 403 }]);
  expect((await savedThankYou(extension)).sync).toMatchObject({ state: 'failed' });
});

test('when Discourse’s answer to the reply is lost, Rückenwind finds its reply there and does not post it again', async ({
  extension,
  discourse,
}) => {
  // The engine lets an uncertain write settle for 30–45 s before it looks (lib/sync/outbox.ts).
  test.setTimeout(120_000);
  discourse.loseNextAnswer('POST', '/posts.json');
  const page = await openEnabled(extension, discourse.topicUrl(TOPIC));
  await thankAndSave(page, JONAS, 'Danke für die Schritt-für-Schritt-Anleitung!');
  // The first answer never arrives; the next attempt looks for the reply before writing.
  await expectSent(page, JONAS, 90_000);

  expect(discourse.log.find('POST', '/posts.json')).toMatchObject([{ status: 200, dropped: true }]);
  expect(discourse.log.find('GET', '/posts/8902/replies.json')).toHaveLength(1);
  const ours = discourse.posts().filter((post) => post.user_id === SIGNED_IN.id && post.id >= 9000);
  expect(ours).toHaveLength(1);
  expect((await savedThankYou(extension)).sync).toMatchObject({
    state: 'sent',
    remoteId: `post-${ours[0]?.id}`,
  });
});

test('a work-out-loud post becomes a new topic, titled by its first line, posted once', async ({
  extension,
  discourse,
}) => {
  const page = await openEnabled(extension, discourse.topicUrl(TOPIC));
  const saved = await workOutLoud(extension, page, JONAS, 'eine Checkliste für neue Kolleg:innen');

  expect(saved.sync).toMatchObject({ state: 'sent', remoteId: expect.stringMatching(/^topic-\d+$/) });
  const [write] = discourse.log.find('POST', '/posts.json');
  expect(discourse.log.find('POST', '/posts.json')).toHaveLength(1);
  expect(write).toMatchObject({ status: 200, body: { raw: saved.text, title: saved.text.split('\n')[0] } });
  const topicId = Number(saved.sync.remoteId?.replace('topic-', ''));
  expect(discourse.posts().filter((post) => post.topic_id === topicId)).toMatchObject([
    { post_number: 1, user_id: SIGNED_IN.id, raw: saved.text.trim() },
  ]);
});

test('when Discourse answers 429, Rückenwind waits as long as Retry-After says and then posts once', async ({
  extension,
  discourse,
}) => {
  const page = await openEnabled(extension, discourse.topicUrl(TOPIC));
  discourse.useUpRateLimit(5_000);
  await thankAndSave(page, JONAS, 'Danke für die Schritt-für-Schritt-Anleitung!');
  await expectSent(page, JONAS, 30_000);

  // No early retry: one sent before the window freed up would have met a second 429.
  const writes = discourse.log.find('POST', '/posts.json');
  expect(writes.map((write) => write.status)).toEqual([429, 200]);
  expect(writes[0]?.headers).toMatchObject({ 'x-csrf-token': expect.any(String) });
  expect((writes[1]?.at ?? 0) - (writes[0]?.at ?? 0)).toBeGreaterThanOrEqual(4_900);
  expect(discourse.posts().filter((post) => post.user_id === SIGNED_IN.id && post.id >= 9000)).toHaveLength(
    1,
  );
});
