// Rückenwind on HCL Connections, against its contract server (tests/contract/connections/): the page
// transport comments through the OpenSocial microblog API with the session cookie and X-Update-Nonce.
import {
  SIGNED_IN,
  type startConnections as StartConnections,
  startConnections,
} from '../contract/connections/server.mjs';
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

type Connections = Awaited<ReturnType<typeof StartConnections>>;

const test = base.extend<{ connections: Connections }>({
  connections: contractServer(startConnections),
});

test.beforeEach(async ({ extension, connections }) => {
  const { cookie } = connections.signIn();
  await extension.context.addCookies([{ ...cookie, url: connections.url, httpOnly: true }]);
});

/** Katharina's status update on her profile, and Jonas's comment on it. */
const PROFILE = '/profiles/html/profileView.do?userid=5172b2c0-7547-102f-9f51-f6be80987c6a';
const STATUS = '9e6b7f4d-3082-4db4-8f6a-7b8c9daebfc0';
const COMMENTS = `/connections/opensocial/rest/ublog/5172b2c0-7547-102f-9f51-f6be80987c6a/@all/${STATUS}/comments`;
const JONAS = 'Jonas Weber';

test('a thank-you on a comment is posted once as a comment on its status update, and the button says sent', async ({
  extension,
  connections,
}) => {
  const page = await openEnabled(extension, `${connections.url}${PROFILE}`);
  await thankAndSave(page, JONAS, 'Danke für die Vertretung am Freitag!');
  await expectSent(page, JONAS);

  const writes = connections.log.find('POST', COMMENTS);
  expect(writes).toHaveLength(1);
  expect(writes[0]?.headers['x-update-nonce']).toBeTruthy();
  // Read back through the microblog API, as the signed-in user.
  const { cookie } = connections.signIn();
  const comments = (await (
    await fetch(`${connections.url}${COMMENTS}`, { headers: { Cookie: `${cookie.name}=${cookie.value}` } })
  ).json()) as { list: Array<{ id: string; content: string; author: { id: string } }> };
  const record = await savedThankYou(extension);
  const ours = comments.list.filter((comment) => comment.content === record.postedText);
  expect(ours).toMatchObject([{ author: { id: `urn:lsid:lconn.ibm.com:profiles.person:${SIGNED_IN.id}` } }]);
  expect(record.postedText).toContain('Danke für die Vertretung am Freitag!');
  expect(record.sync).toMatchObject({ state: 'sent', remoteId: ours[0]?.id.split(':').pop() });
});

test('a comment on a status update that was deleted meanwhile is not sent and shows why', async ({
  extension,
  connections,
}) => {
  const page = await openEnabled(extension, `${connections.url}${PROFILE}`);
  connections.deleteStatus(STATUS);
  await thankAndSave(page, JONAS, 'Danke für die Vertretung am Freitag!');
  await expectNotSent(extension, page, JONAS, 'HCL Connections (HTTP 404): The status update was not found.');
  expect(connections.log.find('POST', COMMENTS)).toMatchObject([{ status: 404 }]);
});

test('when the answer to the comment is lost, Rückenwind finds its comment and does not post it again', async ({
  extension,
  connections,
}) => {
  // The engine lets an uncertain write settle for 30–45 s before it looks (lib/sync/outbox.ts).
  test.setTimeout(120_000);
  connections.loseNextAnswer('POST', COMMENTS);
  const page = await openEnabled(extension, `${connections.url}${PROFILE}`);
  await thankAndSave(page, JONAS, 'Danke für die Vertretung am Freitag!');
  await expectSent(page, JONAS, 90_000);

  expect(connections.log.find('POST', COMMENTS)).toMatchObject([{ status: 200, dropped: true }]);
  expect(connections.log.find('GET', COMMENTS)).toHaveLength(1);
  const record = await savedThankYou(extension);
  const ours = connections.entries().filter((entry) => entry.content === record.postedText);
  expect(ours).toMatchObject([{ author: SIGNED_IN.id, parent: STATUS }]);
  expect(record.sync).toMatchObject({ state: 'sent', remoteId: ours[0]?.id });
});

test('a work-out-loud post becomes a status update on the user’s own board, posted once', async ({
  extension,
  connections,
}) => {
  const page = await openEnabled(extension, `${connections.url}${PROFILE}`);
  const saved = await workOutLoud(extension, page, JONAS, 'eine Checkliste für neue Kolleg:innen');

  expect(saved.sync).toMatchObject({ state: 'sent' });
  expect(connections.log.find('POST', '/connections/opensocial/rest/ublog/@me/@all')).toMatchObject([
    { status: 200, body: { content: saved.text } },
  ]);
  expect(connections.entries().filter((entry) => entry.content === saved.text)).toMatchObject([
    { id: saved.sync.remoteId, kind: 'note', board: SIGNED_IN.id, author: SIGNED_IN.id },
  ]);
});
