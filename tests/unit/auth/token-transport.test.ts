// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import type { OutboxItem, PostRef, TokenHost } from '../../../lib/db/schemas';
import { slackApi } from '../../../lib/hosts/slack/api';
import { vivaEngageApi } from '../../../lib/hosts/viva-engage/api';
import type { Deliver } from '../../../lib/messages/background-to-content';
import { claimDue } from '../../../lib/sync/outbox';
import { createTokenTransport, wakeItemsWaitingFor } from '../../../lib/sync/token-transport';
import { authFor, CONFIGS, routedFetch, type Servers, slack, startServers, testClock } from './support';

let servers: Servers;
let clock: ReturnType<typeof testClock>;
beforeEach(async () => {
  clock = testClock(Date.now());
  servers = await startServers(clock.now);
});
afterEach(() => servers.close());

const TEXTS = {
  notConnected: (host: TokenHost) => `connect ${host} first`,
  reconnect: (host: TokenHost) => `connect ${host} again`,
};

/** A reply to Anna Schmidt's message in the single-post fixture thread. */
const ENGAGE_POST: PostRef = {
  host: 'viva-engage',
  origin: 'https://engage.cloud.microsoft',
  postId: '3297706135822336',
  author: { name: 'Anna Schmidt' },
};
/** Lukas Hoffmann's reply inside the open Slack thread. */
const SLACK_POST: PostRef = {
  host: 'slack',
  origin: 'https://app.slack.com',
  postId: `${slack.CHANNEL}:${slack.THREAD.replies[0]}`,
  author: { name: 'Lukas Hoffmann' },
};

function itemFor(post: PostRef): OutboxItem {
  return {
    id: 'item-1',
    kind: 'recognition',
    recordId: 'rec-1',
    host: post.host,
    origin: post.origin,
    idempotencyKey: 'key-12345678',
    state: 'inflight',
    attempts: 0,
    nextAttemptAt: 0,
    createdAt: clock.now(),
  };
}
function deliverFor(post: PostRef, text: string, uncertainSince?: number): Deliver {
  return {
    type: 'outbox.deliver',
    origin: post.origin,
    host: post.host,
    text,
    post,
    ...(uncertainSince === undefined ? {} : { uncertainSince }),
  };
}

async function connected(host: TokenHost) {
  const { auth, deps } = authFor(servers, { now: clock.now });
  const result = await auth.connect(host, CONFIGS[host]);
  if (!result.ok) throw new Error(result.detail);
  const send = createTokenTransport({
    auth: () => auth,
    apis: { 'viva-engage': vivaEngageApi, slack: slackApi },
    fetch: routedFetch(servers),
    texts: TEXTS,
  });
  return { auth, deps, send };
}

const bearers = (server: Servers['engage'], method: string, path: string) =>
  server.log.find(method, path).map((entry) => String(entry.headers.authorization));

describe('the token transport, Viva Engage', () => {
  it('posts the thank-you as a reply with the bearer token, once', async () => {
    const { send } = await connected('viva-engage');
    const outcome = await send(itemFor(ENGAGE_POST), deliverFor(ENGAGE_POST, 'Danke, Anna!'));
    expect(outcome).toMatchObject({ kind: 'done' });
    const written = servers.engage.written();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ replied_to_id: 3297706135822336, body: { plain: 'Danke, Anna!' } });
    expect(outcome.kind === 'done' && outcome.remoteId).toBe(String(written[0]?.id));
    expect(bearers(servers.engage, 'POST', '/api/v1/messages.json')).toEqual([
      expect.stringMatching(/^Bearer eyJ0eXAiOi\S+$/),
    ]);
  });

  it('after an uncertain attempt, finds the write that landed instead of writing again', async () => {
    const { send } = await connected('viva-engage');
    const since = clock.now();
    await send(itemFor(ENGAGE_POST), deliverFor(ENGAGE_POST, 'Danke, Anna!'));
    const again = await send(itemFor(ENGAGE_POST), deliverFor(ENGAGE_POST, 'Danke, Anna!', since));
    expect(again).toMatchObject({ kind: 'done', remoteId: String(servers.engage.written()[0]?.id) });
    expect(servers.engage.written()).toHaveLength(1);
  });

  it('refreshes a token the host no longer accepts and sends once', async () => {
    const { send } = await connected('viva-engage');
    // The host's clock says the token expired; ours does not know yet.
    servers.engage.auth.expireAccessTokens();
    expect(await send(itemFor(ENGAGE_POST), deliverFor(ENGAGE_POST, 'Danke!'))).toMatchObject({
      kind: 'done',
    });
    expect(servers.engage.auth.counts.refreshed).toBe(1);
    expect(servers.engage.written()).toHaveLength(1);
    const statuses = servers.engage.log.find('POST', '/api/v1/messages.json').map((entry) => entry.status);
    expect(statuses).toEqual([401, 201]);
  });

  it('fails for good with a reason the user can act on when the grant was revoked', async () => {
    const { send, auth } = await connected('viva-engage');
    servers.engage.auth.revoke();
    expect(await send(itemFor(ENGAGE_POST), deliverFor(ENGAGE_POST, 'Danke!'))).toEqual({
      kind: 'permanent',
      reason: 'connect viva-engage again',
    });
    expect((await auth.views())[0]).toMatchObject({ host: 'viva-engage', state: 'reconnect' });
    expect(servers.engage.written()).toHaveLength(0);
  });

  it('honours the host’s 429 and Retry-After', async () => {
    const { send } = await connected('viva-engage');
    // The sign-in asked for users/current once; nine more requests fill the 10-per-30-s window.
    for (let i = 0; i < 9; i++) await send(itemFor(ENGAGE_POST), deliverFor(ENGAGE_POST, `Danke ${i}`));
    const outcome = await send(itemFor(ENGAGE_POST), deliverFor(ENGAGE_POST, 'one too many'));
    expect(outcome).toMatchObject({ kind: 'retry', reason: expect.stringContaining('HTTP 429') });
    expect(outcome.kind === 'retry' && outcome.retryAfterMs).toBeGreaterThan(0);
    expect(servers.engage.written()).toHaveLength(9);
  });

  it('stops on a message the host does not know, with the host’s reason', async () => {
    const { send } = await connected('viva-engage');
    const gone = { ...ENGAGE_POST, postId: '1234' };
    expect(await send(itemFor(gone), deliverFor(gone, 'Danke!'))).toMatchObject({
      kind: 'permanent',
      reason: 'Viva Engage: HTTP 404: Message not found.',
    });
  });

  it('waits, without failing, while the account is not connected', async () => {
    const { auth } = authFor(servers, { now: clock.now });
    const send = createTokenTransport({
      auth: () => auth,
      apis: { 'viva-engage': vivaEngageApi, slack: slackApi },
      fetch: routedFetch(servers),
      texts: TEXTS,
    });
    expect(await send(itemFor(ENGAGE_POST), deliverFor(ENGAGE_POST, 'Danke!'))).toMatchObject({
      kind: 'wait',
      reason: 'connect viva-engage first',
    });
  });
});

describe('the token transport, Slack', () => {
  it('replies in the thread of the message (its root), with the user token', async () => {
    const { send } = await connected('slack');
    const outcome = await send(itemFor(SLACK_POST), deliverFor(SLACK_POST, 'Thanks <3 & more'));
    expect(outcome).toMatchObject({ kind: 'done' });
    const written = servers.slack.written();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ thread_ts: slack.THREAD.root, text: 'Thanks &lt;3 &amp; more' });
    // In the form, not in a header: Slack answers no CORS preflight.
    const posts = servers.slack.calls.filter((call) => call.method === 'chat.postMessage');
    expect(posts.map((call) => call.token)).toEqual([expect.stringMatching(/^xoxe\.xoxp-1-\S+$/)]);
    expect(servers.slack.log.find('POST', '/api/chat.postMessage')[0]?.headers.authorization).toBeUndefined();
  });

  it('after an uncertain attempt, finds its own reply (text unescaped) instead of posting again', async () => {
    const { send } = await connected('slack');
    const since = clock.now();
    await send(itemFor(SLACK_POST), deliverFor(SLACK_POST, 'Thanks <3 & more'));
    const again = await send(itemFor(SLACK_POST), deliverFor(SLACK_POST, 'Thanks <3 & more', since));
    expect(again).toMatchObject({
      kind: 'done',
      remoteId: `${slack.CHANNEL}:${servers.slack.written()[0]?.ts}`,
    });
    expect(servers.slack.written()).toHaveLength(1);
  });

  it('stops on Slack’s permanent errors and retries after `ratelimited`', async () => {
    const { send } = await connected('slack');
    const elsewhere = { ...SLACK_POST, postId: 'C0NOTHERE:1795337700.018500' };
    expect(await send(itemFor(elsewhere), deliverFor(elsewhere, 'Thanks'))).toMatchObject({
      kind: 'permanent',
      reason: 'Slack: conversations.replies: channel_not_found',
    });
    await send(itemFor(SLACK_POST), deliverFor(SLACK_POST, 'first'));
    const second = await send(itemFor(SLACK_POST), deliverFor(SLACK_POST, 'second, within the same second'));
    expect(second).toMatchObject({
      kind: 'retry',
      reason: 'Slack: chat.postMessage: ratelimited',
      retryAfterMs: 1000,
    });
  });

  it('asks the user to connect again after `token_revoked`', async () => {
    const { send } = await connected('slack');
    servers.slack.auth.revoke();
    expect(await send(itemFor(SLACK_POST), deliverFor(SLACK_POST, 'Thanks'))).toEqual({
      kind: 'permanent',
      reason: 'connect slack again',
    });
  });
});

describe('connecting an account', () => {
  it('makes the items that waited for it due at once, and only those', async () => {
    const db = openDatabase('wake-test');
    const now = clock.now();
    const later = now + 5 * 60_000;
    await db.outbox.bulkPut([
      { ...itemFor(SLACK_POST), id: 'waiting', state: 'pending', nextAttemptAt: later, lastError: 'waiting' },
      { ...itemFor(ENGAGE_POST), id: 'other-host', state: 'pending', nextAttemptAt: later },
      { ...itemFor(SLACK_POST), id: 'failed', state: 'failed', nextAttemptAt: later, attempts: 8 },
    ]);
    expect(await claimDue(db, now, 10)).toEqual([]);
    expect(await wakeItemsWaitingFor(db, 'slack', now)).toBe(1);
    const due = await claimDue(db, now, 10);
    expect(due.map((item) => [item.id, item.attempts])).toEqual([['waiting', 0]]);
    db.close();
  });
});
