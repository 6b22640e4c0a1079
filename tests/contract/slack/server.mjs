/**
 * A Slack stand-in (Web API, HOSTS.md) for the token transport, with Slack's OAuth v2 in front of it. One
 * server answers for two hostnames (the tests map them to it):
 * - `slack.com`: `/oauth/v2/authorize` (user scopes, PKCE) and the Web API under `/api/`:
 *   `oauth.v2.access` (code + `code_verifier`, and refresh with rotation), `auth.test`,
 *   `chat.postMessage {channel, text, thread_ts}` (into a channel the user is a member of),
 *   `conversations.replies`, `search.messages` (text, or the query `<@U…>` for a user's mentions; matches
 *   carry `username`), `users.conversations` (the user's channels: `types`, `exclude_archived`, `limit`
 *   up to 999, `cursor` pagination with `response_metadata.next_cursor`). As Slack
 *   does, failures are HTTP 200 with `{ok: false, error}` (`not_authed`, `invalid_auth`, `token_revoked`,
 *   `token_expired`, `channel_not_found`, `not_in_channel`, `is_archived`, `no_text`, `msg_too_long`,
 *   `thread_not_found`, `invalid_arguments`, `invalid_cursor`, `invalid_limit`, `invalid_types`), except
 *   `ratelimited`: HTTP 429 with `Retry-After` (chat.postMessage: one message per second per channel;
 *   conversations.replies 50, search.messages and users.conversations 20 per minute per token);
 * - `app.slack.com`: the adapter's fixture pages.
 */

import { isObject } from '../support/body.mjs';
import { fixturePage } from '../support/fixtures.mjs';
import { bearerOf, createAuthorizationServer, readForm } from '../support/oauth.mjs';
import { createRateWindow } from '../support/rate-window.mjs';
import { html, json, startContractServer } from '../support/server.mjs';

export const HOSTNAMES = ['slack.com', 'app.slack.com'];
export const CLIENT_ID = '5873214409.7790152234561';
export const TEAM = { id: 'T05MUSTERW', name: 'Musterwerk' };
/** The user the fixtures show as signed in (their avatar in the account button). */
export const SIGNED_IN = { id: 'U07MARAKEL', name: 'mara.keller' };
/** Colleagues in the workspace: the fixtures' sender, and one more. */
export const COLLEAGUES = {
  jonas: { id: 'U07JONASWE', name: 'jonas.weber' },
  anna: { id: 'U07ANNASCH', name: 'anna.schmidt' },
};
const USERNAMES = new Map([SIGNED_IN, ...Object.values(COLLEAGUES)].map((user) => [user.id, user.name]));
export const CHANNEL = 'C06WOLNORD';
/**
 * The workspace's channels: the fixtures' channel and more the user belongs to (one archived), and one
 * they are not in.
 */
export const CHANNELS = [
  { id: CHANNEL, name: 'wol-circle-nord', is_private: true, is_archived: false, member: true },
  { id: 'C07RELNOTES', name: 'release-notes', is_private: false, is_archived: false, member: true },
  { id: 'C07VERTRIEB', name: 'vertrieb-nord', is_private: true, is_archived: false, member: true },
  { id: 'C05PROJALT1', name: 'projekt-alt', is_private: false, is_archived: true, member: true },
  { id: 'C07KANTINE1', name: 'kantine', is_private: false, is_archived: false, member: false },
];
/** The thread open in the single-post fixture: its root and its replies. */
export const THREAD = {
  root: '1795336860.011900',
  replies: ['1795337700.018500', '1795339080.019600', '1795339140.020700', '1795340520.021800'],
};
const USER_SCOPES = new Set([
  'chat:write',
  'channels:history',
  'groups:history',
  'search:read',
  'reactions:write',
  'channels:read',
  'groups:read',
]);
const TEXT_MAX = 40_000;
/**
 * The Web API answers any origin, but no preflight: from a browser, only "simple" requests work (a form
 * with the token in it, no `Authorization` header).
 */
const CORS = { 'Access-Control-Allow-Origin': '*' };

/** @typedef {{ ts: string, user: string, text: string, thread_ts?: string, channel: string }} Message */

/** Slack keeps `&`, `<` and `>` escaped in message text. @param {string} text */
const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The messages the fixture pages show. @returns {Message[]} */
function seedMessages() {
  /** @type {Map<string, Message>} */
  const messages = new Map();
  for (const page of ['feed-2026-11-22.html', 'single-post-2026-11-22.html']) {
    for (const match of fixturePage('slack', page).matchAll(/data-msg-ts="(\d+\.\d+)"/g)) {
      const ts = match[1] ?? '';
      const inThread = THREAD.replies.includes(ts);
      messages.set(ts, {
        ts,
        user: COLLEAGUES.jonas.id,
        text: '(from the fixture)',
        channel: CHANNEL,
        ...(inThread || ts === THREAD.root ? { thread_ts: THREAD.root } : {}),
      });
    }
  }
  return [...messages.values()];
}

/**
 * @param {{ tls?: { key: string, cert: string }, accessLifetimeS?: number, now?: () => number,
 *   moreChannels?: number }} [options] `moreChannels`: the user is in that many more channels
 *   (`team-0001` …), for lists longer than one page.
 */
export async function startSlack({ tls, accessLifetimeS = 43_200, now = Date.now, moreChannels = 0 } = {}) {
  const auth = createAuthorizationServer({
    clientId: CLIENT_ID,
    userId: SIGNED_IN.id,
    accessPrefix: 'xoxe.xoxp-1-',
    refreshPrefix: 'xoxe-1-',
    accessLifetimeS,
    now,
    scope: (params) => {
      const scopes = (params.get('user_scope') ?? '').split(',').filter(Boolean);
      if (scopes.length === 0) return 'user_scope is required (Rückenwind acts as the user)';
      const unknown = scopes.find((scope) => !USER_SCOPES.has(scope));
      return unknown ? `invalid_scope: ${unknown}` : undefined;
    },
  });
  const limits = {
    'chat.postMessage': createRateWindow({ requests: 1, perMs: 1_000, now }),
    'conversations.replies': createRateWindow({ requests: 50, perMs: 60_000, now }),
    'search.messages': createRateWindow({ requests: 20, perMs: 60_000, now }),
    'users.conversations': createRateWindow({ requests: 20, perMs: 60_000, now }),
  };
  const channels = [
    ...CHANNELS,
    ...Array.from({ length: moreChannels }, (_, i) => ({
      id: `C09TEAM${String(i + 1).padStart(4, '0')}`,
      name: `team-${String(i + 1).padStart(4, '0')}`,
      is_private: false,
      is_archived: false,
      member: true,
    })),
  ];
  const messages = seedMessages();
  let clock = 0;
  /** A fresh, unique message timestamp. */
  const nextTs = () => {
    clock = Math.max(clock + 1, now() * 1000);
    return `${Math.floor(clock / 1_000_000)}.${String(clock % 1_000_000).padStart(6, '0')}`;
  };

  /** Form, or JSON where Slack takes it (write methods). @param {import('../support/server.mjs').Context} ctx @param {boolean} jsonAllowed */
  async function readArgs(ctx, jsonAllowed) {
    const type = (ctx.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type === 'application/json' && jsonAllowed) {
      const body = await ctx.body();
      return body.ok && isObject(body.value)
        ? Object.fromEntries(Object.entries(body.value).map(([k, v]) => [k, String(v)]))
        : undefined;
    }
    const form = await readForm(ctx.req);
    return form ? Object.fromEntries(form) : {};
  }

  /** What each Web API call carried, for tests to check the token that was used. @type {Array<{ method: string, token: string | undefined, args: Record<string, string> }>} */
  const calls = [];
  /** @param {string} error */
  const slackError = (error) => json(200, { ok: false, error }, CORS);

  /**
   * A Web API method: the token (header or `token` argument) is checked first, then the method's limit.
   * @param {string} method
   * @param {(args: Record<string, string>, userId: string) => import('../support/server.mjs').Reply} answer
   */
  const method = (method, answer, jsonAllowed = false) => ({
    method: 'POST',
    path: `/api/${method}`,
    /** @param {import('../support/server.mjs').Context} ctx */
    handle: async (ctx) => {
      const args = await readArgs(ctx, jsonAllowed);
      if (!args) return slackError('invalid_json');
      const presented = bearerOf(ctx.header('authorization')) ?? args.token;
      calls.push({ method, token: presented, args });
      const who = auth.check(presented);
      if (!who.ok)
        return slackError(
          {
            missing: 'not_authed',
            invalid: 'invalid_auth',
            revoked: 'token_revoked',
            expired: 'token_expired',
          }[who.why],
        );
      const limit = limits[/** @type {keyof typeof limits} */ (method)];
      const key = method === 'chat.postMessage' ? `${who.userId}:${args.channel}` : who.userId;
      const slot = limit?.take(key);
      if (slot && !slot.ok)
        return json(
          429,
          { ok: false, error: 'ratelimited' },
          { ...CORS, 'Retry-After': String(slot.retryAfterS) },
        );
      const reply = answer(args, who.userId);
      return { ...reply, headers: { ...CORS, ...reply.headers } };
    },
  });

  /** @param {string} ts */
  const find = (ts) => messages.find((m) => m.ts === ts);

  const server = await startContractServer({
    tls,
    routes: [
      {
        method: 'GET',
        path: '/oauth/v2/authorize',
        handle: (ctx) => {
          const answer = auth.authorize(ctx.url.searchParams);
          return 'redirect' in answer
            ? { status: 302, text: '', headers: { Location: answer.redirect } }
            : html(400, `<p>Something went wrong when authorizing this app: ${answer.page}</p>`);
        },
      },
      {
        method: 'POST',
        path: '/api/oauth.v2.access',
        handle: async (ctx) => {
          const form = await readForm(ctx.req);
          if (!form) return slackError('invalid_arguments');
          const refreshing = form.get('grant_type') === 'refresh_token';
          // Slack's default grant is the code; PKCE apps send no secret.
          if (!form.has('grant_type') && form.has('code')) form.set('grant_type', 'authorization_code');
          const answer = auth.token(form);
          if (!answer.ok) {
            if (answer.error === 'invalid_client') return slackError('invalid_client_id');
            if (answer.error === 'unsupported_grant_type') return slackError('invalid_grant_type');
            if (answer.error === 'invalid_request') return slackError('invalid_arguments');
            if (answer.description.startsWith('redirect_uri')) return slackError('bad_redirect_uri');
            return slackError(refreshing ? 'invalid_refresh_token' : 'invalid_code');
          }
          const token = {
            access_token: answer.accessToken,
            token_type: 'user',
            refresh_token: answer.refreshToken,
            expires_in: answer.expiresInS,
          };
          const common = { app_id: 'A07RUECKEN', team: TEAM, enterprise: null, is_enterprise_install: false };
          return refreshing
            ? json(200, { ok: true, ...common, ...token }, CORS)
            : json(
                200,
                {
                  ok: true,
                  ...common,
                  authed_user: { id: SIGNED_IN.id, scope: [...USER_SCOPES].join(','), ...token },
                },
                CORS,
              );
        },
      },
      method('auth.test', () =>
        json(200, {
          ok: true,
          url: 'https://musterwerk.slack.com/',
          team: TEAM.name,
          user: SIGNED_IN.name,
          team_id: TEAM.id,
          user_id: SIGNED_IN.id,
        }),
      ),
      method('auth.revoke', () => {
        auth.revoke();
        return json(200, { ok: true, revoked: true });
      }),
      method(
        'chat.postMessage',
        (args, userId) => {
          const channel = channels.find((c) => c.id === args.channel);
          if (!channel) return slackError('channel_not_found');
          if (!channel.member) return slackError('not_in_channel');
          if (channel.is_archived) return slackError('is_archived');
          const text = args.text ?? '';
          if (!text.trim()) return slackError('no_text');
          if (text.length > TEXT_MAX) return slackError('msg_too_long');
          const threadTs = args.thread_ts;
          if (threadTs !== undefined && !find(threadTs)) return slackError('thread_not_found');
          /** @type {Message} */
          const message = {
            ts: nextTs(),
            user: userId,
            text: escapeText(text),
            channel: channel.id,
            ...(threadTs ? { thread_ts: threadTs } : {}),
          };
          messages.push(message);
          const { channel: _channel, ...shown } = message;
          return json(200, {
            ok: true,
            channel: channel.id,
            ts: message.ts,
            message: { type: 'message', ...shown },
          });
        },
        true,
      ),
      method('conversations.replies', (args) => {
        if (!args.channel || !args.ts) return slackError('invalid_arguments');
        if (args.channel !== CHANNEL) return slackError('channel_not_found');
        const asked = find(args.ts);
        if (!asked) return slackError('thread_not_found');
        const root = asked.thread_ts ?? asked.ts;
        const oldest = Number(args.oldest ?? '0');
        const limit = Math.max(1, Math.min(1000, Number(args.limit ?? '1000') || 1000));
        const replies = messages.filter(
          (m) => m.thread_ts === root && m.ts !== root && Number(m.ts) > oldest,
        );
        const parent = find(root);
        const list = [...(parent ? [parent] : []), ...replies].slice(0, limit);
        return json(200, {
          ok: true,
          messages: list.map(({ channel: _channel, ...m }) => ({ type: 'message', ...m })),
          has_more: replies.length + 1 > limit,
        });
      }),
      method('search.messages', (args) => {
        const query = (args.query ?? '').trim().toLowerCase();
        if (!query) return slackError('invalid_arguments');
        const count = Math.max(1, Math.min(100, Number(args.count ?? '20') || 20));
        // `<@U…>` finds the messages that mention that user, as in Slack's search.
        const mention = /^<@(U[A-Z0-9]+)>$/i.exec(args.query?.trim() ?? '')?.[1]?.toUpperCase();
        const matches = messages
          .filter((m) =>
            mention ? m.text.includes(`<@${mention}>`) : m.text.toLowerCase().includes(escapeText(query)),
          )
          .sort((a, b) => Number(b.ts) - Number(a.ts));
        return json(200, {
          ok: true,
          query: args.query,
          messages: {
            total: matches.length,
            matches: matches.slice(0, count).map((m) => ({
              type: 'message',
              ts: m.ts,
              user: m.user,
              username: USERNAMES.get(m.user) ?? m.user,
              text: m.text,
              channel: { id: m.channel, name: 'wol-circle-nord' },
              permalink: `https://musterwerk.slack.com/archives/${m.channel}/p${m.ts.replace('.', '')}`,
            })),
          },
        });
      }),
      method('users.conversations', (args) => {
        const types = (args.types ?? 'public_channel').split(',').map((type) => type.trim());
        if (types.some((type) => !['public_channel', 'private_channel', 'mpim', 'im'].includes(type)))
          return slackError('invalid_types');
        const limit = Number(args.limit ?? '100');
        if (!Number.isInteger(limit) || limit < 1 || limit > 999) return slackError('invalid_limit');
        // The cursor is opaque to clients; here it is the base64 of the next offset.
        const offset = args.cursor ? Number(Buffer.from(args.cursor, 'base64').toString('utf8')) : 0;
        if (!Number.isInteger(offset) || offset < 0) return slackError('invalid_cursor');
        const mine = channels.filter(
          (c) =>
            c.member &&
            types.includes(c.is_private ? 'private_channel' : 'public_channel') &&
            !(args.exclude_archived === 'true' && c.is_archived),
        );
        const page = mine.slice(offset, offset + limit);
        const next =
          offset + limit < mine.length ? Buffer.from(String(offset + limit)).toString('base64') : '';
        return json(200, {
          ok: true,
          channels: page.map(({ member: _member, ...c }) => ({
            ...c,
            is_channel: !c.is_private,
            is_group: c.is_private,
            is_im: false,
            is_member: true,
            created: 1700000000,
            creator: COLLEAGUES.jonas.id,
          })),
          response_metadata: { next_cursor: next },
        });
      }),
      ...['/client/:team/:channel', '/client/:team/:channel/thread/:thread'].map((path) => ({
        method: 'GET',
        path,
        /** @param {import('../support/server.mjs').Context} ctx */
        handle: (ctx) =>
          html(
            200,
            fixturePage(
              'slack',
              ctx.url.pathname.includes('/thread/')
                ? 'single-post-2026-11-22.html'
                : ctx.params.channel === 'later'
                  ? 'no-posts-2026-11-22.html'
                  : 'feed-2026-11-22.html',
            ),
          ),
      })),
    ],
  });

  return {
    ...server,
    auth,
    calls,
    /** Messages the signed-in user posted through the API. */
    written: () => messages.filter((m) => m.user === SIGNED_IN.id),
    /**
     * A colleague posts in the channel (in the thread `threadTs`, if given); `text` as Slack stores it,
     * mentions as `<@U…>`. Returns the message's `channel:ts`.
     * @param {{ id: string }} user @param {string} text @param {string} [threadTs]
     */
    postAs(user, text, threadTs) {
      const ts = nextTs();
      messages.push({
        ts,
        user: user.id,
        text,
        channel: CHANNEL,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
      return `${CHANNEL}:${ts}`;
    },
  };
}
