// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenHost } from '../../../lib/db/schemas';
import {
  authFor,
  CONFIGS,
  REDIRECT_URI,
  routedFetch,
  type Servers,
  startServers,
  testClock,
} from './support';

let servers: Servers;
let clock: ReturnType<typeof testClock>;
beforeEach(async () => {
  clock = testClock();
  servers = await startServers(clock.now);
});
afterEach(() => servers.close());

const HOUR = 3_600_000;

describe.each<[TokenHost, string]>([
  ['viva-engage', 'Mara Keller'],
  ['slack', 'mara.keller'],
])('connecting %s', (host, userName) => {
  const server = () => (host === 'slack' ? servers.slack : servers.engage);

  it('signs in with PKCE, keeps the refresh token in the database and the access token in the session', async () => {
    const { auth, deps, session } = authFor(servers, { now: clock.now });
    const result = await auth.connect(host, CONFIGS[host]);
    expect(result).toMatchObject({ ok: true, view: { host, state: 'connected', userName } });
    expect(server().auth.counts).toEqual({ authorized: 1, exchanged: 1, refreshed: 0 });

    const account = await deps.db.accounts.get(host);
    expect(account?.refreshToken).toMatch(/\S{20,}/);
    expect(account?.state).toBe('connected');
    const cached = [...session.values()];
    expect(cached).toHaveLength(1);
    // The access token is not in the database at all.
    expect(JSON.stringify(account)).not.toContain((cached[0] as { token: string }).token);

    const grant = await auth.accessToken(host);
    expect(grant).toMatchObject({ ok: true, token: (cached[0] as { token: string }).token });
    expect(server().auth.counts.refreshed).toBe(0);
  });

  it('refreshes an expired token once, however many ask at once, and stores the rotated refresh token', async () => {
    const { auth, deps } = authFor(servers, { now: clock.now });
    await auth.connect(host, CONFIGS[host]);
    const first = await auth.accessToken(host);
    const oldRefresh = (await deps.db.accounts.get(host))?.refreshToken;

    clock.advance(13 * HOUR);
    const grants = await Promise.all([
      auth.accessToken(host),
      auth.accessToken(host),
      auth.accessToken(host),
    ]);
    expect(server().auth.counts.refreshed).toBe(1);
    expect(new Set(grants.map((grant) => (grant.ok ? grant.token : grant.kind))).size).toBe(1);
    expect(grants[0]).toMatchObject({ ok: true });
    expect(grants[0]?.ok && first.ok && grants[0].token !== first.token).toBe(true);

    const newRefresh = (await deps.db.accounts.get(host))?.refreshToken;
    expect(newRefresh).toBeDefined();
    expect(newRefresh).not.toBe(oldRefresh);
  });

  it('asks the user to connect again when the host revoked the grant', async () => {
    const { auth } = authFor(servers, { now: clock.now });
    await auth.connect(host, CONFIGS[host]);
    server().auth.revoke();
    clock.advance(13 * HOUR);
    expect(await auth.accessToken(host)).toMatchObject({ ok: false, kind: 'rejected' });
    const view = (await auth.views()).find((candidate) => candidate.host === host);
    expect(view).toMatchObject({ state: 'reconnect', userName });
    expect(view?.error).toMatch(/invalid_grant|invalid_refresh_token/);
  });

  it('forgets everything on disconnect (and Slack revokes the grant)', async () => {
    const { auth, deps, session } = authFor(servers, { now: clock.now });
    await auth.connect(host, CONFIGS[host]);
    const refreshToken = (await deps.db.accounts.get(host))?.refreshToken ?? '';
    await auth.disconnect(host);
    if (host === 'slack') {
      const refresh = await routedFetch(servers)('https://slack.com/api/oauth.v2.access', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: CONFIGS.slack.clientId,
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
        }),
      });
      expect(await refresh.json()).toEqual({ ok: false, error: 'invalid_refresh_token' });
    }
    expect(await deps.db.accounts.count()).toBe(0);
    expect(session.size).toBe(0);
    expect(await auth.accessToken(host)).toMatchObject({ ok: false, kind: 'not-connected' });
  });
});

describe('deleting all data', () => {
  it('ends the connection, including the access token cached for this session', async () => {
    const { auth, deps, session } = authFor(servers, { now: clock.now });
    await auth.connect('viva-engage', CONFIGS['viva-engage']);
    // What "Delete all my data" does: every table emptied; storage.session is not a table.
    await deps.db.accounts.clear();
    expect(await auth.accessToken('viva-engage')).toMatchObject({ ok: false, kind: 'not-connected' });
    expect(session.size).toBe(0);
  });
});

describe('a sign-in that goes wrong', () => {
  it('refuses an answer to someone else’s request (state mismatch) and stores nothing', async () => {
    const { auth, deps } = authFor(servers, {
      launch: async () => `${REDIRECT_URI}?code=stolen&state=not-ours`,
    });
    expect(await auth.connect('viva-engage', CONFIGS['viva-engage'])).toEqual({
      ok: false,
      reason: 'errorAuthRefused',
      detail: 'state mismatch',
    });
    expect(await deps.db.accounts.count()).toBe(0);
  });

  it('says the sign-in did not finish when the user closes the window', async () => {
    const { auth } = authFor(servers, {
      launch: async () => {
        throw new Error('The user did not approve access.');
      },
    });
    expect(await auth.connect('slack', CONFIGS.slack)).toEqual({
      ok: false,
      reason: 'errorAuthCancelled',
      detail: 'The user did not approve access.',
    });
  });

  it('passes on the authorization server’s refusal (unknown client)', async () => {
    const { auth } = authFor(servers);
    const result = await auth.connect('viva-engage', {
      clientId: 'someone-else',
      tenant: 'musterwerk.example',
    });
    // Entra shows an error page instead of redirecting: the window ends without a code.
    expect(result).toMatchObject({ ok: false, reason: 'errorAuthRefused' });
  });

  it('uses the administrator’s registration over what the page sent', async () => {
    const { auth } = authFor(servers, { policy: async () => ({ slack: CONFIGS.slack }) });
    const result = await auth.connect('slack', { clientId: 'typed-by-the-user' });
    expect(result).toMatchObject({ ok: true, view: { managed: true, clientId: CONFIGS.slack.clientId } });
  });

  it('reports an unreachable token endpoint as such, not as a refusal', async () => {
    const { auth, deps } = authFor(servers);
    const routed = deps.fetch;
    deps.fetch = async (input, init) => {
      if (String(input).includes('/oauth2/v2.0/token')) throw new TypeError('fetch failed');
      return routed(input, init);
    };
    expect(await auth.connect('viva-engage', CONFIGS['viva-engage'])).toMatchObject({
      ok: false,
      reason: 'errorAuthUnreachable',
    });
  });
});
