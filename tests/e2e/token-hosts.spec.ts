import { clickByRole, findByRole, waitForRole } from '../../scripts/lib/closed-shadow.mjs';
import * as slack from '../contract/slack/server.mjs';
import {
  expectNotSent,
  expectSent,
  savedThankYou,
  thankAndSave,
  workOutLoud,
} from '../contract/support/browser';
import * as engage from '../contract/viva-engage/server.mjs';
import { type ExtensionFixture, expect, pageDatabaseNames, readExtensionDb } from './support/fixtures';
import { receivedThanks } from './support/received';
import {
  type ACCOUNTS,
  connectAccount,
  connectByKeyboard,
  ENGAGE_THREAD,
  openAccount,
  SLACK_THREAD,
  test,
} from './support/token-hosts';

test('Viva Engage: connect the account, thank a reply; it is posted once with the bearer token', async ({
  extension,
  engage: server,
}) => {
  const { form } = await connectAccount(extension, 'Viva Engage');
  await expect(form.getByRole('button', { name: 'Disconnect Viva Engage' })).toBeVisible();
  expect(server.auth.counts).toEqual({ authorized: 1, exchanged: 1, refreshed: 0 });

  const page = await extension.context.newPage();
  await page.goto(ENGAGE_THREAD);
  await thankAndSave(page, 'Anna Schmidt', 'Danke für die Checkliste!');
  await expectSent(page, 'Anna Schmidt');

  const writes = server.log.find('POST', '/api/v1/messages.json');
  expect(writes).toHaveLength(1);
  const bearer = /^Bearer (\S+)$/.exec(String(writes[0]?.headers.authorization))?.[1];
  expect(server.auth.check(bearer)).toMatchObject({ ok: true, userId: String(engage.SIGNED_IN.id) });
  const record = await savedThankYou(extension);
  const [written] = server.written();
  expect(server.written()).toHaveLength(1);
  expect(written?.body.plain).toBe(record.postedText.trim());
  expect(written?.body.plain).toContain('Danke für die Checkliste!');
  expect(record.sync).toMatchObject({ state: 'sent', remoteId: String(written?.id) });
  // Anna's reply in the thread: the one the button was on.
  expect(written?.replied_to_id).toBe(3297706135822336);

  // The tokens stay in the extension: not in storage content scripts can read, not in the page's origin.
  type StorageArea = { get: (keys: null) => Promise<Record<string, unknown>> };
  const local = await extension.serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: StorageArea } } }).chrome.storage.local.get(null),
  );
  expect(JSON.stringify(local)).not.toContain(String(bearer));
  expect(await pageDatabaseNames(page)).not.toContain('rueckenwind');
  const [account] = (await readExtensionDb(extension, 'accounts')) as Array<{ refreshToken: string }>;
  expect(account?.refreshToken).toMatch(/^1\.AQ/);
});

test('Viva Engage: a colleague’s thank-you naming the user counts as received once the account is connected', async ({
  extension,
  engage: server,
}) => {
  const thanks = server.postAs(
    engage.COLLEAGUES.jonas,
    'Danke, Mara Keller, für die Checkliste!',
    3297706135822336,
  );
  server.postAs(engage.COLLEAGUES.anna, 'Mara Keller, hast du kurz Zeit?', 3297706135822336);
  await connectAccount(extension, 'Viva Engage');

  const expected = [
    {
      direction: 'received',
      from: { name: 'Jonas Weber', id: String(engage.COLLEAGUES.jonas.id) },
      to: [{ name: 'Mara Keller', id: String(engage.SIGNED_IN.id) }],
      message: 'Danke, Mara Keller, für die Checkliste!',
      sync: { state: 'local', remoteId: thanks },
    },
  ];
  await expect.poll(() => receivedThanks(extension)).toMatchObject(expected);
  const searches = server.log.find('GET', '/api/v1/search.json');
  expect(searches).toMatchObject([
    { status: 200, headers: { authorization: expect.stringMatching(/^Bearer /) } },
  ]);
  // Opening a page drains the outbox again; the scan waits its interval, and nothing is counted twice.
  const page = await extension.context.newPage();
  await page.goto(ENGAGE_THREAD);
  // The buttons show once the background answered the page's hello (which drained, and scanned, again).
  await waitForRole(page, 'button', /^Thank .+ for this post$/);
  expect(server.log.find('GET', '/api/v1/search.json')).toHaveLength(1);
  expect(await receivedThanks(extension)).toMatchObject(expected);
});

test('Viva Engage: a revoked connection fails visibly; connecting again and “Try again” sends it once', async ({
  extension,
  engage: server,
}) => {
  const { options, form } = await connectAccount(extension, 'Viva Engage');
  // The administrator removes the app: every token stops working.
  server.auth.revoke();

  const page = await extension.context.newPage();
  await page.goto(ENGAGE_THREAD);
  await thankAndSave(page, 'Anna Schmidt', 'Danke für die Checkliste!');
  await expectNotSent(
    extension,
    page,
    'Anna Schmidt',
    "Viva Engage no longer accepts Rückenwind's connection. Connect your account again in Rückenwind's options, then try again",
  );
  expect(server.written()).toHaveLength(0);

  await options.reload();
  await expect(form.getByRole('status')).toHaveText(/^The connection was refused \(invalid_grant: /);
  await form.getByRole('button', { name: 'Connect Viva Engage again' }).click();
  await expect(form.getByRole('status')).toHaveText('Connected as Mara Keller');

  await page.bringToFront();
  await clickByRole(page, 'button', 'Try again');
  await expectSent(page, 'Anna Schmidt');
  expect(server.written()).toHaveLength(1);
});

test('Slack: connect the account, thank a reply in a thread; it goes to the thread once with the user token', async ({
  extension,
  slack: server,
}) => {
  await connectAccount(extension, 'Slack');

  const page = await extension.context.newPage();
  await page.goto(SLACK_THREAD);
  await thankAndSave(page, 'Lukas Hoffmann', 'Thanks for the torque table!');
  await expectSent(page, 'Lukas Hoffmann');

  const posts = server.calls.filter((call) => call.method === 'chat.postMessage');
  expect(posts).toHaveLength(1);
  expect(server.auth.check(posts[0]?.token)).toMatchObject({ ok: true, userId: slack.SIGNED_IN.id });
  const record = await savedThankYou(extension);
  const [written] = server.written();
  expect(server.written()).toHaveLength(1);
  // Lukas's message is a reply: ours goes to the thread's root, not to his reply.
  expect(written).toMatchObject({ channel: slack.CHANNEL, thread_ts: slack.THREAD.root });
  expect(written?.text).toContain('Thanks for the torque table!');
  expect(record.sync).toMatchObject({ state: 'sent', remoteId: `${slack.CHANNEL}:${written?.ts}` });
});

test('Slack: a colleague’s thank-you mentioning the user counts as received once the account is connected', async ({
  extension,
  slack: server,
}) => {
  const me = `<@${slack.SIGNED_IN.id}>`;
  const thanks = server.postAs(slack.COLLEAGUES.jonas, `Danke ${me} für die Moderation!`, slack.THREAD.root);
  server.postAs(slack.COLLEAGUES.anna, `${me} hast du kurz Zeit?`, slack.THREAD.root);
  await connectAccount(extension, 'Slack');

  await expect
    .poll(() => receivedThanks(extension))
    .toMatchObject([
      {
        direction: 'received',
        from: { name: slack.COLLEAGUES.jonas.name, id: slack.COLLEAGUES.jonas.id },
        to: [{ name: slack.SIGNED_IN.name, id: slack.SIGNED_IN.id }],
        message: `Danke @${slack.SIGNED_IN.name} für die Moderation!`,
        sync: { state: 'local', remoteId: thanks },
      },
    ]);
  expect(server.calls.filter((call) => call.method === 'search.messages')).toMatchObject([
    { args: { query: me } },
  ]);
});

test('Slack: before the account is connected the thank-you waits, then goes out once connected', async ({
  extension,
  slack: server,
}) => {
  // The user looks at the options first: nothing connected.
  const { options, form } = await openAccount(extension, 'Slack');
  const page = await extension.context.newPage();
  await page.goto(SLACK_THREAD);
  await thankAndSave(page, 'Lukas Hoffmann', 'Thanks for the torque table!');
  const outbox = async () =>
    (await readExtensionDb(extension, 'outbox')) as Array<{ state: string; lastError?: string }>;
  await expect
    .poll(async () => (await outbox())[0]?.lastError)
    .toBe("waiting for your Slack account: connect it in Rückenwind's options");
  expect((await outbox())[0]?.state).toBe('pending');
  expect(server.written()).toHaveLength(0);

  await connectByKeyboard(options, form, slack.CLIENT_ID);
  await expect(form.getByRole('status')).toHaveText('Connected as mara.keller');
  await page.bringToFront();
  await expectSent(page, 'Lukas Hoffmann');
  expect(server.written()).toHaveLength(1);
});

/** The composer closed and the page announced the post as saved (it goes out in the background). */
/**
 * Connects the host's account, opens a thread there and posts a work-out-loud update about the post of
 * `author` to `target`; returns the saved post once it is sent.
 */
async function workOutLoudThere(
  extension: ExtensionFixture,
  host: keyof typeof ACCOUNTS,
  thread: string,
  { author, text, target }: { author: string; text: string; target: string },
) {
  await connectAccount(extension, host);
  const page = await extension.context.newPage();
  await page.goto(thread);
  await waitForRole(page, 'button', `Work out loud about this post by ${author}`);
  const saved = await workOutLoud(extension, page, author, text, target);
  // Said next to the button and to screen readers, once the background has sent it (tests/e2e/wol-state.spec.ts).
  await expect.poll(() => findByRole(page, 'StaticText', 'Work-out-loud post sent')).toHaveLength(2);
  expect(saved.sync).toMatchObject({ state: 'sent' });
  expect(saved.text).toContain(text);
  return saved;
}

test('Viva Engage: a work-out-loud post names its group and is posted there once, as a new post, with the bearer token', async ({
  extension,
  engage: server,
}) => {
  const saved = await workOutLoudThere(extension, 'Viva Engage', ENGAGE_THREAD, {
    author: 'Anna Schmidt',
    text: 'eine Checkliste für neue Kolleg:innen',
    target: String(engage.GROUP_ID),
  });

  const writes = server.log.find('POST', '/api/v1/messages.json');
  expect(writes).toMatchObject([{ status: 201 }]);
  const bearer = /^Bearer (\S+)$/.exec(String(writes[0]?.headers.authorization))?.[1];
  expect(server.auth.check(bearer)).toMatchObject({ ok: true, userId: String(engage.SIGNED_IN.id) });
  // A post of its own in the group, not a reply to the post it was written about.
  expect(server.written()).toMatchObject([
    {
      id: Number(saved.sync.remoteId),
      group_id: engage.GROUP_ID,
      replied_to_id: null,
      body: { plain: saved.text.trim() },
    },
  ]);
});

test('Slack: a work-out-loud post names its channel and is posted there once, as a new message, with the user token', async ({
  extension,
  slack: server,
}) => {
  const saved = await workOutLoudThere(extension, 'Slack', SLACK_THREAD, {
    author: 'Lukas Hoffmann',
    text: 'eine Drehmomenttabelle für die Linie 3',
    target: slack.CHANNEL,
  });

  const posts = server.calls.filter((call) => call.method === 'chat.postMessage');
  expect(posts).toHaveLength(1);
  expect(server.auth.check(posts[0]?.token)).toMatchObject({ ok: true, userId: slack.SIGNED_IN.id });
  // A new message in the channel: no thread_ts, so not a reply in the thread it was written about.
  expect(posts[0]?.args).toMatchObject({ channel: slack.CHANNEL, text: saved.text });
  expect(posts[0]?.args).not.toHaveProperty('thread_ts');
  const [written] = server.written();
  expect(server.written()).toHaveLength(1);
  expect(written).toMatchObject({ channel: slack.CHANNEL });
  expect(written).not.toHaveProperty('thread_ts');
  expect(saved.sync.remoteId).toBe(`${slack.CHANNEL}:${written?.ts}`);
});
