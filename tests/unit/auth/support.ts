// The token hosts' contract servers, reached under their real addresses, and an `Auth` wired to them
// the way the background wires it (only the browser's pieces are stand-ins: the sign-in window follows
// the authorization server's redirect, and storage.session is a Map).
import { type AuthDeps, createAuth } from '../../../lib/auth/accounts';
import type { AuthConfig } from '../../../lib/auth/providers';
import { openDatabase } from '../../../lib/db/database';
import type { TokenHost } from '../../../lib/db/schemas';
import * as slack from '../../contract/slack/server.mjs';
import * as engage from '../../contract/viva-engage/server.mjs';

export { engage, slack };

export const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
export const REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

export type Servers = {
  engage: Awaited<ReturnType<typeof engage.startVivaEngage>>;
  slack: Awaited<ReturnType<typeof slack.startSlack>>;
  close: () => Promise<void>;
};

export async function startServers(now: () => number = Date.now): Promise<Servers> {
  const [e, s] = await Promise.all([engage.startVivaEngage({ now }), slack.startSlack({ now })]);
  return { engage: e, slack: s, close: async () => void (await Promise.all([e.close(), s.close()])) };
}

/** `fetch` as the browser would do it with the tests' host mapping: real host names, local servers. */
export function routedFetch(servers: Servers): typeof fetch {
  const routes: Array<[string, string]> = [
    ['https://login.microsoftonline.com', servers.engage.url],
    ['https://www.yammer.com', servers.engage.url],
    ['https://slack.com', servers.slack.url],
  ];
  return (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const route = routes.find(([origin]) => url.startsWith(`${origin}/`));
    if (!route) throw new Error(`unexpected request to ${url}`);
    // The extension's cross-origin requests carry its origin, as the browser sends it.
    const headers = new Headers(init?.headers);
    headers.set('Origin', EXTENSION_ORIGIN);
    return fetch(route[1] + url.slice(route[0].length), { ...init, headers });
  };
}

export const CONFIGS: Record<TokenHost, AuthConfig> = {
  'viva-engage': { clientId: engage.CLIENT_ID, tenant: engage.TENANT },
  slack: { clientId: slack.CLIENT_ID },
};

/** A clock the test moves. */
export function testClock(start = Date.UTC(2026, 10, 22, 9)) {
  let at = start;
  return {
    now: () => at,
    advance(ms: number) {
      at += ms;
    },
  };
}

let databases = 0;

export function authFor(servers: Servers, overrides: Partial<AuthDeps> = {}) {
  const stored = new Map<string, unknown>();
  const fetchRouted = routedFetch(servers);
  const deps: AuthDeps = {
    db: openDatabase(`auth-test-${++databases}`),
    fetch: fetchRouted,
    // The sign-in window: the authorization server signs the user in at once and redirects.
    launch: async (url) => {
      const response = await fetchRouted(url, { redirect: 'manual' });
      return response.headers.get('location') ?? undefined;
    },
    redirectUri: REDIRECT_URI,
    session: {
      get: async (key) => stored.get(key),
      set: async (key, value) => void stored.set(key, value),
      remove: async (key) => void stored.delete(key),
    },
    policy: async () => ({}),
    now: Date.now,
    ...overrides,
  };
  return { auth: createAuth(deps), deps, session: stored };
}
