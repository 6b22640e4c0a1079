// @vitest-environment node
// The background's lookup of the user's groups and channels: real Auth against the real Slack and Viva
// Engage contract servers, requests counted by the sync engine, and the short-lived cache.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '../../../lib/auth/accounts';
import { openDatabase } from '../../../lib/db/database';
import type { TokenHost } from '../../../lib/db/schemas';
import { createSyncEngine } from '../../../lib/sync/engine';
import { createTargetCache, TARGETS_TTL_MS } from '../../../lib/targets/cache';
import { createTargetLookup } from '../../../lib/targets/lookup';
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

let servers: Servers;
let clock: ReturnType<typeof testClock>;
let databases = 0;

beforeEach(async () => {
  clock = testClock();
  servers = await startServers(clock.now);
});
afterEach(() => servers.close());

async function lookup(connect: TokenHost[] = []) {
  const { auth, session } = authFor(servers, { now: clock.now });
  for (const host of connect) {
    const result = await auth.connect(host, CONFIGS[host]);
    if (!result.ok) throw new Error(result.detail);
  }
  clock.advance(engage.LIMIT.perMs);
  const db = openDatabase(`target-lookup-${++databases}`);
  const engine = createSyncEngine(db, {
    now: clock.now,
    deliver: async () => ({ kind: 'permanent', reason: 'no deliveries in this test' }),
    sleep: async (ms) => clock.advance(ms),
  });
  const fetchRouted = routedFetch(servers);
  const stored = new Map<string, unknown>();
  const store = {
    get: async (key: string) => stored.get(key),
    set: async (key: string, value: unknown) => void stored.set(key, value),
    remove: async (key: string) => void stored.delete(key),
  };
  const listTargets = createTargetLookup({
    auth: () => auth as Pick<Auth, 'accessToken' | 'renew'>,
    meteredFetch: (host) => (input, init) => engine.metered(host, () => fetchRouted(input, init)),
    cache: createTargetCache(store, clock.now),
  });
  return { listTargets, auth, stored, session };
}
const slackLists = () => servers.slack.calls.filter((call) => call.method === 'users.conversations');
const engageLists = () => servers.engage.log.find('GET', '/api/v1/groups.json');

describe('looking up the user’s targets', () => {
  it('says no account is connected, without asking the host', async () => {
    const { listTargets } = await lookup();
    expect(await listTargets('slack')).toEqual({ unavailable: 'not-connected' });
    expect(await listTargets('viva-engage')).toEqual({ unavailable: 'not-connected' });
    expect(slackLists()).toHaveLength(0);
    expect(engageLists()).toHaveLength(0);
  });

  it('lists a connected account’s channels and groups by name, with their ids', async () => {
    const { listTargets } = await lookup(['slack', 'viva-engage']);
    expect(await listTargets('slack')).toEqual({
      targets: [
        { id: 'C07RELNOTES', name: '#release-notes' },
        { id: 'C07VERTRIEB', name: '#vertrieb-nord' },
        { id: 'C06WOLNORD', name: '#wol-circle-nord' },
      ],
    });
    expect(await listTargets('viva-engage')).toEqual({
      targets: [
        { id: '221395517442', name: 'Release Notes' },
        { id: '221395517441', name: 'Vertrieb Nord' },
        { id: String(engage.GROUP_ID), name: 'WOL-Circle Nord' },
      ],
    });
  });

  it('answers from the cache for five minutes, then asks the host again; lookups at once share one request', async () => {
    const { listTargets } = await lookup(['slack']);
    const [first, second] = await Promise.all([listTargets('slack'), listTargets('slack')]);
    expect(second).toEqual(first);
    expect(slackLists()).toHaveLength(1);
    clock.advance(TARGETS_TTL_MS - 1);
    expect(await listTargets('slack')).toEqual(first);
    expect(slackLists()).toHaveLength(1);
    clock.advance(1);
    expect(await listTargets('slack')).toEqual(first);
    expect(slackLists()).toHaveLength(2);
  });

  it('ignores a cache entry that is not a list (and then replaces it)', async () => {
    const { listTargets, stored } = await lookup(['slack']);
    const key = `targets.slack.${slack.SIGNED_IN.id}`;
    stored.set(key, { at: clock.now(), targets: [{ id: '', name: 42 }] });
    expect(await listTargets('slack')).toMatchObject({
      targets: expect.arrayContaining([{ id: 'C07RELNOTES', name: '#release-notes' }]),
    });
    expect(slackLists()).toHaveLength(1);
    expect(stored.get(key)).toMatchObject({ targets: expect.any(Array) });
  });

  it('renews a refused token once and lists; a connection the host revoked is refused, with its reason', async () => {
    const { listTargets, session } = await lookup(['slack', 'viva-engage']);
    // The access token expired behind our back (the cached one still looks fresh): renewed, then listed.
    servers.engage.auth.expireAccessTokens();
    expect(await listTargets('viva-engage')).toMatchObject({ targets: expect.any(Array) });
    expect(servers.engage.auth.counts.refreshed).toBe(1);
    servers.slack.auth.revoke();
    session.clear();
    const refused = await listTargets('slack');
    expect(refused).toMatchObject({
      unavailable: 'refused',
      detail: expect.stringMatching(/invalid_refresh_token|invalid_grant/),
    });
  });

  it('is unreachable when the host is busy (429), and while it asked Rückenwind to hold back', async () => {
    const { listTargets, session } = await lookup(['viva-engage']);
    // Other requests of the user's (not Rückenwind's) filled Engage's window.
    const { token } = session.get('auth.viva-engage') as { token: string };
    for (let i = 0; i < engage.LIMIT.requests; i++)
      await fetch(`${servers.engage.url}/api/v1/users/current.json`, {
        headers: { Authorization: `Bearer ${token}` },
      });
    expect(await listTargets('viva-engage')).toEqual({
      unavailable: 'unreachable',
      detail: 'Viva Engage: HTTP 429: Rate limited due to excess requests.',
    });
    const requests = engageLists().length;
    // The Retry-After holds every request back, the lookup's too: no second 429.
    expect(await listTargets('viva-engage')).toMatchObject({
      unavailable: 'unreachable',
      detail: expect.stringMatching(/^viva-engage asked to wait until \d+$/),
    });
    expect(engageLists()).toHaveLength(requests);
  });
});
