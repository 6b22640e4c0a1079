/**
 * An OAuth 2 authorization server as the token hosts' sign-in services behave (RFC 6749 + PKCE, RFC 7636),
 * shared by the Viva Engage (Entra ID) and Slack contract servers, which wrap its answers in each
 * service's own shapes:
 * - `authorize` checks the client, the redirect URI (an extension's `https://<id>.chromiumapp.org/`),
 *   `state` and an S256 `code_challenge`, and signs the fixed user in at once: a redirect with a code;
 * - codes are single-use, live 10 minutes, and are bound to client, redirect URI and challenge;
 * - `exchange` checks the `code_verifier` against the challenge;
 * - refresh tokens rotate: each works once; using a spent one revokes the whole grant (RFC 9700 §4.14);
 * - `revoke()` revokes every token (the user or an administrator removed the app).
 */

import { createHash, randomBytes } from 'node:crypto';

const CODE_LIFETIME_MS = 10 * 60_000;
const REDIRECT = /^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/;
const CHALLENGE = /^[A-Za-z0-9_-]{43,128}$/;
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/** @param {string} prefix */
const token = (prefix) => `${prefix}${randomBytes(24).toString('base64url')}`;

/**
 * Reads an `application/x-www-form-urlencoded` body (what token endpoints take); undefined for any other.
 * @param {import('node:http').IncomingMessage} req
 */
export async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size <= 64 * 1024) chunks.push(chunk);
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' || size > 64 * 1024) return undefined;
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * @param {{ clientId: string, userId: string, scope: (params: URLSearchParams) => string | undefined,
 *   accessPrefix: string, refreshPrefix: string, accessLifetimeS: number, now?: () => number }} options
 *   `scope` returns why the requested scope is wrong, or undefined.
 */
export function createAuthorizationServer({
  clientId,
  userId,
  scope,
  accessPrefix,
  refreshPrefix,
  accessLifetimeS,
  now = Date.now,
}) {
  /** @type {Map<string, { clientId: string, redirectUri: string, challenge: string, expiresAt: number }>} */
  const codes = new Map();
  /** @type {Map<string, { userId: string, clientId: string, expiresAt: number, revoked: boolean, grant: number }>} */
  const accessTokens = new Map();
  /** @type {Map<string, { grant: number, spent: boolean }>} */
  const refreshTokens = new Map();
  /** Grants (one per sign-in) that were revoked. */
  const revokedGrants = new Set();
  let grants = 0;
  const counts = { authorized: 0, exchanged: 0, refreshed: 0 };

  /** @param {number} grant */
  function issue(grant) {
    const access = token(accessPrefix);
    const refresh = token(refreshPrefix);
    accessTokens.set(access, {
      userId,
      clientId,
      expiresAt: now() + accessLifetimeS * 1000,
      revoked: false,
      grant,
    });
    refreshTokens.set(refresh, { grant, spent: false });
    return { accessToken: access, refreshToken: refresh, expiresInS: accessLifetimeS };
  }

  return {
    counts,
    /**
     * The authorize endpoint. `redirect`: send the browser there; `page`: show an error page (a bad
     * client or redirect URI must never be redirected to).
     * @param {URLSearchParams} params
     * @returns {{ redirect: string } | { page: string }}
     */
    authorize(params) {
      const redirectUri = params.get('redirect_uri') ?? '';
      if (params.get('client_id') !== clientId) return { page: 'unknown client_id' };
      if (!REDIRECT.test(redirectUri)) return { page: 'redirect_uri is not registered for this app' };
      /** @param {Record<string, string>} query */
      const back = (query) => ({ redirect: `${redirectUri}?${new URLSearchParams(query)}` });
      const state = params.get('state');
      if (!state) return back({ error: 'invalid_request', error_description: 'state is required' });
      /** @param {string} error @param {string} description */
      const fail = (error, description) => back({ error, error_description: description, state });
      if (params.get('code_challenge_method') !== 'S256')
        return fail('invalid_request', 'code_challenge_method must be S256');
      const challenge = params.get('code_challenge') ?? '';
      if (!CHALLENGE.test(challenge))
        return fail('invalid_request', 'code_challenge is missing or malformed');
      const wrongScope = scope(params);
      if (wrongScope) return fail('invalid_scope', wrongScope);
      const code = token('code-');
      codes.set(code, { clientId, redirectUri, challenge, expiresAt: now() + CODE_LIFETIME_MS });
      counts.authorized++;
      return back({ code, state });
    },

    /**
     * The token endpoint, both grants.
     * @param {URLSearchParams} form
     * @returns {{ ok: true, accessToken: string, refreshToken: string, expiresInS: number }
     *   | { ok: false, error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type', description: string }}
     */
    token(form) {
      if (form.get('client_id') !== clientId)
        return { ok: false, error: 'invalid_client', description: 'unknown client_id' };
      const grantType = form.get('grant_type');
      if (grantType === 'authorization_code') {
        const code = codes.get(form.get('code') ?? '');
        // Single use, whatever happens next.
        codes.delete(form.get('code') ?? '');
        if (!code || code.expiresAt < now())
          return { ok: false, error: 'invalid_grant', description: 'the code is unknown, used or expired' };
        if (form.get('redirect_uri') !== code.redirectUri)
          return { ok: false, error: 'invalid_grant', description: 'redirect_uri does not match' };
        const verifier = form.get('code_verifier') ?? '';
        if (!VERIFIER.test(verifier))
          return {
            ok: false,
            error: 'invalid_request',
            description: 'code_verifier is missing or malformed',
          };
        const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
        if (challenge !== code.challenge)
          return {
            ok: false,
            error: 'invalid_grant',
            description: 'the code_verifier does not match the code_challenge',
          };
        counts.exchanged++;
        return { ok: true, ...issue(++grants) };
      }
      if (grantType === 'refresh_token') {
        const refresh = refreshTokens.get(form.get('refresh_token') ?? '');
        if (!refresh || revokedGrants.has(refresh.grant))
          return {
            ok: false,
            error: 'invalid_grant',
            description: 'the refresh token is unknown or revoked',
          };
        if (refresh.spent) {
          // A spent refresh token used again: someone copied it. Revoke everything it led to.
          revokedGrants.add(refresh.grant);
          for (const access of accessTokens.values())
            if (access.grant === refresh.grant) access.revoked = true;
          return { ok: false, error: 'invalid_grant', description: 'the refresh token was already used' };
        }
        refresh.spent = true;
        counts.refreshed++;
        return { ok: true, ...issue(refresh.grant) };
      }
      return { ok: false, error: 'unsupported_grant_type', description: `grant_type ${grantType}` };
    },

    /**
     * Who a bearer token belongs to. @param {string | undefined} bearer
     * @returns {{ ok: true, userId: string, clientId: string } | { ok: false, why: 'missing' | 'invalid' | 'expired' | 'revoked' }}
     */
    check(bearer) {
      if (!bearer) return { ok: false, why: 'missing' };
      const access = accessTokens.get(bearer);
      if (!access) return { ok: false, why: 'invalid' };
      if (access.revoked || revokedGrants.has(access.grant)) return { ok: false, why: 'revoked' };
      if (access.expiresAt <= now()) return { ok: false, why: 'expired' };
      return { ok: true, userId: access.userId, clientId: access.clientId };
    },

    /** The app was removed: every token stops working. */
    revoke() {
      for (let grant = 1; grant <= grants; grant++) revokedGrants.add(grant);
    },

    /** Every access token expires now (as if an hour passed). */
    expireAccessTokens() {
      for (const access of accessTokens.values()) access.expiresAt = now();
    },
  };
}

/** The bearer token of a request's `Authorization` header. @param {string | undefined} header */
export function bearerOf(header) {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  return match?.[1];
}
