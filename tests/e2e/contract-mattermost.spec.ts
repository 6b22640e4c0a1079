// Rückenwind on Mattermost, against its contract server (tests/contract/mattermost/): the page transport
// posts a thank-you through /api/v4/posts with the session cookie, the XHR marker and the MMCSRF token.
import {
  CHANNELS,
  SIGNED_IN,
  type startMattermost as StartMattermost,
  startMattermost,
} from '../contract/mattermost/server.mjs';
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

type Mattermost = Awaited<ReturnType<typeof StartMattermost>>;

const test = base.extend<{ mattermost: Mattermost }>({
  mattermost: contractServer(startMattermost),
});

/** Signed in as Mattermost's login leaves a browser: MMAUTHTOKEN (HttpOnly), MMUSERID and MMCSRF. */
test.beforeEach(async ({ extension, mattermost }) => {
  const { cookies } = mattermost.signIn();
  await extension.context.addCookies(cookies.map((cookie) => ({ ...cookie, url: mattermost.url })));
});

/** In the thread view, Lukas's reply to Jonas's root post. */
const LUKAS = 'Lukas Hoffmann';
const LUKAS_REPLY = 'kfgytdsdty7ap7wugw3wb3ruqi';

test('a thank-you on a reply in a Mattermost thread is posted once into that thread, and the button says sent', async ({
  extension,
  mattermost,
}) => {
  const page = await openEnabled(extension, mattermost.threadUrl());
  await thankAndSave(page, LUKAS, 'Danke für den Hinweis auf die Checkliste!');
  await expectSent(page, LUKAS);

  const writes = mattermost.log.find('POST', '/api/v4/posts');
  expect(writes).toHaveLength(1);
  // Threads are flat: the reply to a reply goes to the thread's root.
  expect(writes[0]).toMatchObject({ status: 201, body: { root_id: mattermost.threadRoot } });
  expect(mattermost.log.find('GET', `/api/v4/posts/${LUKAS_REPLY}`)).toHaveLength(1);

  // Read back through Mattermost's API, as the signed-in user.
  const { cookies, csrfToken } = mattermost.signIn();
  const thread = (await (
    await fetch(`${mattermost.url}/api/v4/posts/${mattermost.threadRoot}/thread`, {
      headers: {
        Cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; '),
        'X-Requested-With': 'XMLHttpRequest',
        'X-CSRF-Token': csrfToken,
      },
    })
  ).json()) as { posts: Record<string, { id: string; user_id: string; message: string }> };
  const record = await savedThankYou(extension);
  const ours = Object.values(thread.posts).filter((post) => post.message === record.postedText);
  expect(ours).toMatchObject([{ user_id: SIGNED_IN.id }]);
  expect(record.postedText).toContain('Danke für den Hinweis auf die Checkliste!');
  expect(record.sync).toMatchObject({ state: 'sent', remoteId: ours[0]?.id });
});

test('a reply Mattermost refuses (archived channel) is not sent and shows Mattermost’s reason', async ({
  extension,
  mattermost,
}) => {
  mattermost.archiveChannel('wol-circle-nord');
  const page = await openEnabled(extension, mattermost.threadUrl());
  await thankAndSave(page, LUKAS, 'Danke für den Hinweis auf die Checkliste!');
  await expectNotSent(extension, page, LUKAS, 'Mattermost (HTTP 400): Can not post to deleted channel.');
  expect(mattermost.log.find('POST', '/api/v4/posts')).toMatchObject([{ status: 400 }]);
});

test('when Mattermost’s answer to the reply is lost, Rückenwind finds its reply in the thread and does not post it again', async ({
  extension,
  mattermost,
}) => {
  // The engine lets an uncertain write settle for 30–45 s before it looks (lib/sync/outbox.ts).
  test.setTimeout(120_000);
  mattermost.loseNextAnswer('POST', '/api/v4/posts');
  const page = await openEnabled(extension, mattermost.threadUrl());
  await thankAndSave(page, LUKAS, 'Danke für den Hinweis auf die Checkliste!');
  await expectSent(page, LUKAS, 90_000);

  expect(mattermost.log.find('POST', '/api/v4/posts')).toMatchObject([{ status: 201, dropped: true }]);
  expect(mattermost.log.find('GET', `/api/v4/posts/${mattermost.threadRoot}/thread`)).toHaveLength(1);
  const record = await savedThankYou(extension);
  const ours = mattermost.posts().filter((post) => post.message === record.postedText);
  expect(ours).toMatchObject([{ user_id: SIGNED_IN.id, root_id: mattermost.threadRoot }]);
  expect(record.sync).toMatchObject({ state: 'sent', remoteId: ours[0]?.id });
});

test('a work-out-loud post names its channel and is posted there once, as a new post', async ({
  extension,
  mattermost,
}) => {
  const page = await openEnabled(extension, mattermost.threadUrl());
  const saved = await workOutLoud(
    extension,
    page,
    LUKAS,
    'eine Checkliste für neue Kolleg:innen',
    'wol-circle-nord',
  );

  expect(saved.sync).toMatchObject({ state: 'sent' });
  const channel = CHANNELS.get('wol-circle-nord')?.id;
  expect(mattermost.log.find('POST', '/api/v4/posts')).toMatchObject([
    { status: 201, body: { channel_id: channel, message: saved.text } },
  ]);
  const ours = mattermost.posts().filter((post) => post.message === saved.text);
  expect(ours).toMatchObject([
    { id: saved.sync.remoteId, channel_id: channel, root_id: '', user_id: SIGNED_IN.id },
  ]);
  expect(saved.text).toContain('eine Checkliste für neue Kolleg:innen');
});
