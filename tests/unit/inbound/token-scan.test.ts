// @vitest-environment node
// The background's scan of token hosts for thanks received, against the real Viva Engage and Slack
// contract servers (their token checks and rate limits), with the sync engine's rate-limit state.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '../../../lib/auth/accounts';
import { openDatabase } from '../../../lib/db/database';
import type { TokenHost } from '../../../lib/db/schemas';
import { createTokenScan } from '../../../lib/inbound/token-scan';
import { createSyncEngine } from '../../../lib/sync/engine';
import {
  authFor,
  CONFIGS,
  engage,
  routedFetch,
  type Servers,
  slack,
  startServers,
  testClock,
} from '../auth/support';

/** Anna Schmidt's message in the single-post fixture thread. */
const ANNA_MESSAGE = 3297706135822336;
let servers: Servers;
let clock: ReturnType<typeof testClock>;
let databases = 0;

beforeEach(async () => {
  clock = testClock();
  servers = await startServers(clock.now);
});
afterEach(() => servers.close());

async function connectedScan(connect: TokenHost | false = 'viva-engage') {
  const { auth } = authFor(servers, { now: clock.now });
  if (connect) {
    const result = await auth.connect(connect, CONFIGS[connect]);
    if (!result.ok) throw new Error(result.detail);
  }
  // Connecting asked the host too; its window is past before the scans start.
  clock.advance(engage.LIMIT.perMs);
  servers.engage.log.clear();
  servers.slack.log.clear();
  const db = openDatabase(`token-scan-${++databases}`);
  const slept: number[] = [];
  const engine = createSyncEngine(db, {
    now: clock.now,
    deliver: async () => ({ kind: 'permanent', reason: 'no deliveries in this test' }),
    sleep: async (ms) => {
      slept.push(ms);
      clock.advance(ms);
    },
  });
  const fetchRouted = routedFetch(servers);
  const scan = createTokenScan(db, {
    auth: () => auth as Pick<Auth, 'accessToken'>,
    meteredFetch: (host: TokenHost) => (input, init) => engine.metered(host, () => fetchRouted(input, init)),
    now: clock.now,
  });
  const received = async () => (await db.recognitions.toArray()).filter((r) => r.direction === 'received');
  return { auth, scan, engine, received, slept, fetchRouted };
}

const searches = () => servers.engage.log.find('GET', '/api/v1/search.json');

describe('scanning Viva Engage for thanks received', () => {
  it('keeps a colleague’s thank-you naming the user once, and not a question or the user’s own message', async () => {
    const { scan, received } = await connectedScan();
    const thanks = servers.engage.postAs(
      engage.COLLEAGUES.jonas,
      'Danke, Mara Keller, für die Einführung ins Schichtmodell!',
      ANNA_MESSAGE,
    );
    servers.engage.postAs(
      engage.COLLEAGUES.anna,
      'Mara Keller, hast du die Folien von gestern?',
      ANNA_MESSAGE,
    );
    servers.engage.postAs(engage.SIGNED_IN, 'Danke an alle – Mara Keller', ANNA_MESSAGE);

    expect(await scan()).toBe(1);
    const expected = [
      {
        direction: 'received',
        from: { name: 'Jonas Weber', id: String(engage.COLLEAGUES.jonas.id) },
        to: [{ name: 'Mara Keller', id: String(engage.SIGNED_IN.id) }],
        message: 'Danke, Mara Keller, für die Einführung ins Schichtmodell!',
        sync: { state: 'local', remoteId: thanks },
      },
    ];
    expect(await received()).toMatchObject(expected);
    expect(searches()).toMatchObject([
      { status: 200, headers: { authorization: expect.stringMatching(/^Bearer /) } },
    ]);

    // Within the scan interval the host is not asked again; after it, the same thanks count once.
    expect(await scan()).toBe(0);
    expect(searches()).toHaveLength(1);
    clock.advance(5 * 60_000);
    expect(await scan()).toBe(0);
    expect(searches()).toHaveLength(2);
    expect(await received()).toMatchObject(expected);
  });

  it('counts its requests against the host’s limit shared with the outbox, and never provokes a 429', async () => {
    const { auth, scan, engine, slept, fetchRouted, received } = await connectedScan();
    servers.engage.postAs(engage.COLLEAGUES.jonas, 'Vielen Dank, Mara Keller!', ANNA_MESSAGE);
    const grant = await auth.accessToken('viva-engage');
    if (!grant.ok) throw new Error(grant.reason);
    // Nine of the ten requests in this window are used (say, by the outbox's deliveries).
    for (let i = 0; i < 9; i++)
      await engine.metered('viva-engage', () =>
        fetchRouted('https://www.yammer.com/api/v1/users/current.json', {
          headers: { Authorization: `Bearer ${grant.token}` },
        }),
      );
    expect(servers.engage.log.find('GET', '/api/v1/users/current.json')).toHaveLength(9);
    expect(await scan()).toBe(1);
    // The scan's second request waited for the window instead of being refused.
    expect(slept.length).toBeGreaterThan(0);
    expect(servers.engage.log.entries.filter((entry) => entry.status === 429)).toEqual([]);
    expect(await received()).toHaveLength(1);
  });

  it('leaves a host that answered 429 alone until its Retry-After has passed', async () => {
    const { auth, scan, engine, slept, fetchRouted, received } = await connectedScan();
    servers.engage.postAs(engage.COLLEAGUES.jonas, 'Vielen Dank, Mara Keller!', ANNA_MESSAGE);
    const grant = await auth.accessToken('viva-engage');
    if (!grant.ok) throw new Error(grant.reason);
    const current = () =>
      fetchRouted('https://www.yammer.com/api/v1/users/current.json', {
        headers: { Authorization: `Bearer ${grant.token}` },
      });
    // Another client of the same user and app used up the window; our next request learns it.
    for (let i = 0; i < engage.LIMIT.requests; i++) await current();
    expect((await engine.metered('viva-engage', current)).status).toBe(429);

    expect(await scan()).toBe(0);
    expect(searches()).toEqual([]);
    expect(slept).toEqual([]);
    clock.advance(5 * 60_000);
    expect(await scan()).toBe(1);
    expect(await received()).toHaveLength(1);
  });

  it('asks nothing while no account is connected', async () => {
    const { scan } = await connectedScan(false);
    expect(await scan()).toBe(0);
    expect(servers.engage.log.entries).toEqual([]);
    expect(servers.slack.calls).toEqual([]);
  });
});

describe('scanning Slack for thanks received', () => {
  it('keeps a colleague’s thank-you mentioning the user once, with the mention as @name', async () => {
    const { scan, received } = await connectedScan('slack');
    const me = `<@${slack.SIGNED_IN.id}>`;
    const thanks = servers.slack.postAs(
      slack.COLLEAGUES.jonas,
      `Danke ${me} für die Moderation &amp; die Notizen! &lt;3`,
      slack.THREAD.root,
    );
    servers.slack.postAs(slack.COLLEAGUES.anna, `${me} hast du die Folien?`, slack.THREAD.root);
    servers.slack.postAs(slack.SIGNED_IN, `Danke ${me}`, slack.THREAD.root);
    // Thanks that do not mention the user are not to the user.
    servers.slack.postAs(slack.COLLEAGUES.anna, 'Danke an alle!', slack.THREAD.root);

    expect(await scan()).toBe(1);
    const expected = [
      {
        direction: 'received',
        from: { name: slack.COLLEAGUES.jonas.name, id: slack.COLLEAGUES.jonas.id },
        to: [{ name: slack.SIGNED_IN.name, id: slack.SIGNED_IN.id }],
        message: `Danke @${slack.SIGNED_IN.name} für die Moderation & die Notizen! <3`,
        sync: { state: 'local', remoteId: thanks },
      },
    ];
    expect(await received()).toMatchObject(expected);
    const searched = () => servers.slack.calls.filter((call) => call.method === 'search.messages');
    expect(searched()).toMatchObject([{ args: { query: me } }]);

    clock.advance(5 * 60_000);
    expect(await scan()).toBe(0);
    expect(await received()).toMatchObject(expected);
    expect(searched()).toHaveLength(2);
  });
});
