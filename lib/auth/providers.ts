import { z } from 'zod/mini';
import type { TokenHost } from '../db/schemas';
import { slackAuthTest, slackRevoke } from '../hosts/slack/api';
import { currentEngageUser } from '../hosts/viva-engage/api';
import { TOKEN_HOST_NAMES } from './names';
import type { TokenSession } from './token-rejected';

/** An app registration: from the options page, or from the administrator's policy. */
export type AuthConfig = { clientId: string; tenant?: string | undefined };

/** What a token endpoint granted. */
export type Grant = {
  accessToken: string;
  refreshToken?: string | undefined;
  expiresInS?: number | undefined;
};

/**
 * A token endpoint's answer: a grant, or a refusal (`refused`: the code or refresh token is no good and
 * asking again will not help) or a failure worth retrying later (the endpoint is down).
 */
export type TokenReply = { ok: true; grant: Grant } | { ok: false; refused: boolean; error: string };

type Who = { id: string; name: string };

export type Provider = {
  host: TokenHost;
  name: string;
  authorizeUrl: (
    config: AuthConfig,
    request: { redirectUri: string; state: string; challenge: string },
  ) => string;
  tokenUrl: (config: AuthConfig) => string;
  codeBody: (config: AuthConfig, code: string, verifier: string, redirectUri: string) => URLSearchParams;
  refreshBody: (config: AuthConfig, refreshToken: string) => URLSearchParams;
  readToken: (status: number, json: unknown) => TokenReply;
  whoAmI: (session: Omit<TokenSession, 'userId'>) => Promise<Who>;
  /** Revokes the grant at the host, where it has a way for the app to do so. */
  signOut?: (session: Omit<TokenSession, 'userId'>) => Promise<void>;
};

/** The token request for a code, as a public client with PKCE (RFC 6749 §4.1.3, RFC 7636 §4.5). */
const codeGrantBody =
  (extra: Record<string, string> = {}): Provider['codeBody'] =>
  (config, code, verifier, redirectUri) =>
    new URLSearchParams({
      client_id: config.clientId,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      ...extra,
    });

/** The token request for a refresh (RFC 6749 §6). */
const refreshGrantBody =
  (extra: Record<string, string> = {}): Provider['refreshBody'] =>
  (config, refreshToken) =>
    new URLSearchParams({
      client_id: config.clientId,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      ...extra,
    });

const ENTRA = 'https://login.microsoftonline.com';
/** Delegated access to Engage's REST API; `offline_access` brings the refresh token. */
const ENGAGE_SCOPE = 'https://www.yammer.com/.default offline_access';

const EntraGrantSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.string().check(z.regex(/^bearer$/i)),
  expires_in: z.coerce.number().check(z.positive()),
  refresh_token: z.optional(z.string().check(z.minLength(1))),
});
const OAuthErrorSchema = z.object({ error: z.string(), error_description: z.optional(z.string()) });

function entraTenant(config: AuthConfig): string {
  // Work accounts of any tenant, when the administrator named none.
  return encodeURIComponent(config.tenant || 'organizations');
}

export const vivaEngageProvider: Provider = {
  host: 'viva-engage',
  name: TOKEN_HOST_NAMES['viva-engage'],
  authorizeUrl: (config, { redirectUri, state, challenge }) =>
    `${ENTRA}/${entraTenant(config)}/oauth2/v2.0/authorize?${new URLSearchParams({
      client_id: config.clientId,
      response_type: 'code',
      response_mode: 'query',
      redirect_uri: redirectUri,
      scope: ENGAGE_SCOPE,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    })}`,
  tokenUrl: (config) => `${ENTRA}/${entraTenant(config)}/oauth2/v2.0/token`,
  codeBody: codeGrantBody({ scope: ENGAGE_SCOPE }),
  refreshBody: refreshGrantBody({ scope: ENGAGE_SCOPE }),
  readToken(status, json) {
    const grant = EntraGrantSchema.safeParse(json);
    if (status === 200 && grant.success)
      return {
        ok: true,
        grant: {
          accessToken: grant.data.access_token,
          refreshToken: grant.data.refresh_token,
          expiresInS: grant.data.expires_in,
        },
      };
    const error = OAuthErrorSchema.safeParse(json);
    // Entra answers a bad code or refresh token with 400 (invalid_grant) and a bad client with 400/401.
    const refused = (status === 400 || status === 401) && error.success;
    return {
      ok: false,
      refused,
      error: error.success
        ? `${error.data.error}${error.data.error_description ? `: ${error.data.error_description.split(/\r?\n/)[0]}` : ''}`
        : `HTTP ${status}`,
    };
  },
  whoAmI: currentEngageUser,
  // Entra has no endpoint for an app to revoke a user's delegated grant: disconnecting forgets the tokens.
};

const SLACK = 'https://slack.com';
/**
 * What Rückenwind does on Slack: post, read a thread (to find its own writes), search, and list the
 * user's channels (the work-out-loud target).
 */
const SLACK_USER_SCOPES = 'chat:write,channels:history,groups:history,search:read,channels:read,groups:read';

const SlackTokenSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  refresh_token: z.optional(z.string().check(z.minLength(1))),
  expires_in: z.optional(z.number().check(z.positive())),
});
/** Exchanging a code answers with the user token under `authed_user`; a refresh at the top level. */
const SlackGrantSchema = z.union([
  z.object({ ok: z.literal(true), authed_user: SlackTokenSchema }),
  z.object({ ok: z.literal(true), ...SlackTokenSchema.shape }),
]);
const SlackErrorSchema = z.object({ ok: z.literal(false), error: z.string() });
const SLACK_TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'ratelimited']);

export const slackProvider: Provider = {
  host: 'slack',
  name: TOKEN_HOST_NAMES.slack,
  authorizeUrl: (config, { redirectUri, state, challenge }) =>
    `${SLACK}/oauth/v2/authorize?${new URLSearchParams({
      client_id: config.clientId,
      user_scope: SLACK_USER_SCOPES,
      redirect_uri: redirectUri,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...(config.tenant ? { team: config.tenant } : {}),
    })}`,
  tokenUrl: () => `${SLACK}/api/oauth.v2.access`,
  codeBody: codeGrantBody(),
  refreshBody: refreshGrantBody(),
  readToken(status, json) {
    const grant = SlackGrantSchema.safeParse(json);
    if (status === 200 && grant.success) {
      const token = 'authed_user' in grant.data ? grant.data.authed_user : grant.data;
      return {
        ok: true,
        grant: {
          accessToken: token.access_token,
          refreshToken: token.refresh_token,
          expiresInS: token.expires_in,
        },
      };
    }
    const error = SlackErrorSchema.safeParse(json);
    if (!error.success) return { ok: false, refused: false, error: `HTTP ${status}` };
    return { ok: false, refused: !SLACK_TRANSIENT.has(error.data.error), error: error.data.error };
  },
  whoAmI: slackAuthTest,
  signOut: slackRevoke,
};

export const PROVIDERS: Record<TokenHost, Provider> = {
  'viva-engage': vivaEngageProvider,
  slack: slackProvider,
};

/**
 * What the authorization server sent back to our redirect URL: the code, when `state` is ours;
 * otherwise why not.
 */
export function readRedirect(
  redirect: string,
  state: string,
): { ok: true; code: string } | { ok: false; error: string } {
  let params: URLSearchParams;
  try {
    params = new URL(redirect).searchParams;
  } catch {
    return { ok: false, error: 'unreadable redirect' };
  }
  // Checked first: an error sent with someone else's state is not an answer to our request either.
  if (params.get('state') !== state) return { ok: false, error: 'state mismatch' };
  const error = params.get('error');
  if (error)
    return {
      ok: false,
      error: `${error}${params.get('error_description') ? `: ${params.get('error_description')}` : ''}`,
    };
  const code = params.get('code');
  return code ? { ok: true, code } : { ok: false, error: 'no code' };
}
