import { z } from 'zod/mini';
import type { RueckenwindDb } from '../db/database';
import { type Account, AccountSchema, TOKEN_HOSTS, type TokenHost } from '../db/schemas';
import { createPkce, randomToken } from './pkce';
import { type AuthConfig, PROVIDERS, type Provider, readRedirect, type TokenReply } from './providers';
import { type AccountView, viewOf } from './view';

/** `storage.session`: kept in memory, readable only by the extension's own pages and worker. */
export type SessionStore = {
  get: (key: string) => Promise<unknown>;
  set: (key: string, value: unknown) => Promise<void>;
  remove: (key: string) => Promise<void>;
};

export type AuthDeps = {
  db: RueckenwindDb;
  fetch: typeof fetch;
  /** `identity.launchWebAuthFlow` (interactive): the URL the flow ended at. */
  launch: (url: string) => Promise<string | undefined>;
  redirectUri: string;
  session: SessionStore;
  policy: () => Promise<Partial<Record<TokenHost, AuthConfig>>>;
  now: () => number;
};

export type AccessGrant =
  | { ok: true; token: string; userId: string }
  | { ok: false; kind: 'not-connected' | 'rejected' | 'unreachable'; reason: string };

export type ConnectResult =
  | { ok: true; view: AccountView }
  | { ok: false; reason: 'errorAuthCancelled' | 'errorAuthRefused' | 'errorAuthUnreachable'; detail: string };

/** Refresh this long before the host would refuse the token: the request still has to travel. */
const EXPIRY_MARGIN_MS = 60_000;
/** When a host grants a refreshable token without saying for how long. */
const DEFAULT_LIFETIME_S = 3600;
const TOKEN_TIMEOUT_MS = 20_000;

const CachedTokenSchema = z.object({ token: z.string(), expiresAt: z.number(), userId: z.string() });
const sessionKey = (host: TokenHost) => `auth.${host}`;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * OAuth 2 for the token hosts, in the background only: authorization code + PKCE (S256) through
 * `launchWebAuthFlow`, access tokens in session storage, rotating refresh tokens in the extension's
 * database. No token ever leaves this module except to the host's own API.
 */
export function createAuth(deps: AuthDeps) {
  const refreshing = new Map<TokenHost, Promise<AccessGrant>>();

  async function requestToken(
    provider: Provider,
    config: AuthConfig,
    body: URLSearchParams,
  ): Promise<TokenReply> {
    try {
      const response = await deps.fetch(provider.tokenUrl(config), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: body.toString(),
        signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
      });
      return provider.readToken(response.status, await response.json().catch(() => undefined));
    } catch (error) {
      return { ok: false, refused: false, error: message(error) };
    }
  }

  async function cache(host: TokenHost, token: string, expiresInS: number | undefined, userId: string) {
    const expiresAt = deps.now() + (expiresInS ?? DEFAULT_LIFETIME_S) * 1000;
    await deps.session.set(sessionKey(host), { token, expiresAt, userId });
  }

  async function save(account: Account): Promise<void> {
    await deps.db.accounts.put(AccountSchema.parse(account));
  }

  async function reject(host: TokenHost, reason: string): Promise<void> {
    await deps.session.remove(sessionKey(host));
    const account = await deps.db.accounts.get(host);
    if (account) await save({ ...account, state: 'reconnect', error: reason.slice(0, 500) });
  }

  async function refresh(host: TokenHost): Promise<AccessGrant> {
    const account = await deps.db.accounts.get(host);
    if (!account) return { ok: false, kind: 'not-connected', reason: 'not connected' };
    if (account.state === 'reconnect') return { ok: false, kind: 'rejected', reason: account.error ?? '' };
    if (account.lastingToken) return { ok: true, token: account.lastingToken, userId: account.user.id };
    if (!account.refreshToken) return { ok: false, kind: 'rejected', reason: 'no refresh token' };
    const provider = PROVIDERS[host];
    const reply = await requestToken(provider, account, provider.refreshBody(account, account.refreshToken));
    if (!reply.ok) {
      if (!reply.refused) return { ok: false, kind: 'unreachable', reason: reply.error };
      await reject(host, reply.error);
      return { ok: false, kind: 'rejected', reason: reply.error };
    }
    // Rotation: the old refresh token is spent; a host that sent none keeps the old one valid.
    await save({ ...account, refreshToken: reply.grant.refreshToken ?? account.refreshToken });
    await cache(host, reply.grant.accessToken, reply.grant.expiresInS, account.user.id);
    return { ok: true, token: reply.grant.accessToken, userId: account.user.id };
  }

  /** One refresh at a time per host: a rotated refresh token is good for one use only. */
  function refreshOnce(host: TokenHost): Promise<AccessGrant> {
    let running = refreshing.get(host);
    if (!running) {
      running = refresh(host).finally(() => refreshing.delete(host));
      refreshing.set(host, running);
    }
    return running;
  }

  return {
    async views(): Promise<AccountView[]> {
      const policy = await deps.policy();
      const accounts = await deps.db.accounts.bulkGet([...TOKEN_HOSTS]);
      return TOKEN_HOSTS.map((host, i) => viewOf(host, accounts[i], policy[host]));
    },

    async connect(host: TokenHost, requested: AuthConfig): Promise<ConnectResult> {
      const provider = PROVIDERS[host];
      // The administrator's registration wins over what the page sent.
      const config = (await deps.policy())[host] ?? requested;
      const { verifier, challenge } = await createPkce();
      const state = randomToken(16);
      let redirect: string | undefined;
      try {
        redirect = await deps.launch(
          provider.authorizeUrl(config, { redirectUri: deps.redirectUri, state, challenge }),
        );
      } catch (error) {
        return { ok: false, reason: 'errorAuthCancelled', detail: message(error) };
      }
      const answer = readRedirect(redirect ?? '', state);
      if (!answer.ok) return { ok: false, reason: 'errorAuthRefused', detail: answer.error };
      const reply = await requestToken(
        provider,
        config,
        provider.codeBody(config, answer.code, verifier, deps.redirectUri),
      );
      if (!reply.ok)
        return {
          ok: false,
          reason: reply.refused ? 'errorAuthRefused' : 'errorAuthUnreachable',
          detail: reply.error,
        };
      let user: { id: string; name: string };
      try {
        user = await provider.whoAmI({ token: reply.grant.accessToken, fetch: deps.fetch });
      } catch (error) {
        return { ok: false, reason: 'errorAuthUnreachable', detail: message(error) };
      }
      const { refreshToken, expiresInS, accessToken } = reply.grant;
      const lasting = !refreshToken && expiresInS === undefined;
      const account: Account = {
        host,
        clientId: config.clientId,
        ...(config.tenant ? { tenant: config.tenant } : {}),
        user: { id: user.id, name: user.name.slice(0, 200) },
        ...(refreshToken ? { refreshToken } : {}),
        ...(lasting ? { lastingToken: accessToken } : {}),
        state: 'connected',
        connectedAt: deps.now(),
      };
      await save(account);
      await cache(host, accessToken, expiresInS, user.id);
      return { ok: true, view: viewOf(host, account, (await deps.policy())[host]) };
    },

    /** Signs out at the host where it can (best effort: offline, the local tokens go all the same). */
    async disconnect(host: TokenHost): Promise<void> {
      const signOut = PROVIDERS[host].signOut;
      const grant = signOut ? await this.accessToken(host) : undefined;
      if (signOut && grant?.ok)
        await signOut({ token: grant.token, fetch: deps.fetch }).catch(() => undefined);
      await deps.session.remove(sessionKey(host));
      await deps.db.accounts.delete(host);
    },

    /** A token the host accepts now, refreshed when (nearly) expired. */
    async accessToken(host: TokenHost): Promise<AccessGrant> {
      // The account decides: "Delete all my data" or a disconnect elsewhere also ends the cached token.
      if (!(await deps.db.accounts.get(host))) {
        await deps.session.remove(sessionKey(host));
        return { ok: false, kind: 'not-connected', reason: 'not connected' };
      }
      const cached = CachedTokenSchema.safeParse(await deps.session.get(sessionKey(host)));
      if (cached.success && cached.data.expiresAt - EXPIRY_MARGIN_MS > deps.now())
        return { ok: true, token: cached.data.token, userId: cached.data.userId };
      return refreshOnce(host);
    },

    /**
     * The host refused `token` although it had not expired by our clock (revoked, or its clock runs
     * ahead): refresh once. A token that cannot be refreshed means the user must connect again.
     */
    async renew(host: TokenHost, refused: string, reason: string): Promise<AccessGrant> {
      const cached = CachedTokenSchema.safeParse(await deps.session.get(sessionKey(host)));
      if (cached.success && cached.data.token === refused) await deps.session.remove(sessionKey(host));
      const account = await deps.db.accounts.get(host);
      if (account?.lastingToken === refused) {
        await reject(host, reason);
        return { ok: false, kind: 'rejected', reason };
      }
      return this.accessToken(host);
    },

    /** The host refused even a fresh token: the user has to connect again. */
    reject,
  };
}

export type Auth = ReturnType<typeof createAuth>;
