/**
 * A Viva Engage stand-in (the legacy Yammer REST API, HOSTS.md) for the token transport, with the Entra ID
 * sign-in in front of it. One server answers for three hostnames (the tests map them to it):
 * - `login.microsoftonline.com`: `/{tenant}/oauth2/v2.0/authorize` and `/token` (support/oauth.mjs),
 *   answering in Entra's shapes (`AADSTS…` descriptions); scope `https://www.yammer.com/.default`;
 * - `www.yammer.com`: `/api/v1/messages.json` (reply with `replied_to_id`, group post with `group_id`),
 *   `/api/v1/messages/sent.json`, `/api/v1/users/current.json`, `/api/v1/search.json` (20 per page, the
 *   senders among `messages.references`), `/api/v1/groups.json` (the network's groups, with `mine=1` the
 *   user's own; 50 per `page`, a bare array):
 *   bearer token only (401 `Token not found.` otherwise), 10 requests per 30 s per user and app (429 with
 *   `Retry-After` beyond), a `body` is required, the message replied to and the group must exist, and
 *   a private group takes posts from its members only (403);
 * - `engage.cloud.microsoft`: the adapter's fixture pages.
 */

import { isObject } from '../support/body.mjs';
import { fixturePage } from '../support/fixtures.mjs';
import { bearerOf, createAuthorizationServer, readForm } from '../support/oauth.mjs';
import { createRateWindow } from '../support/rate-window.mjs';
import { html, json, startContractServer } from '../support/server.mjs';

export const HOSTNAMES = ['login.microsoftonline.com', 'www.yammer.com', 'engage.cloud.microsoft'];
export const CLIENT_ID = '6f1c0c44-1b8e-4a63-9d0e-5b2f7e0c9a11';
export const TENANT = 'musterwerk.example';
/** The user the fixtures show as signed in (me-control and storyline link). */
export const SIGNED_IN = { id: 1801245546496, full_name: 'Mara Keller' };
/** Colleagues who write in the network: the fixtures' sender, and one more. */
export const COLLEAGUES = {
  anna: { id: 1801245548032, full_name: 'Anna Schmidt' },
  jonas: { id: 1801245549312, full_name: 'Jonas Weber' },
};
const USERS = [SIGNED_IN, ...Object.values(COLLEAGUES)];
export const GROUP_ID = 221395517440;
/** The network's groups: the fixtures' group and more the user belongs to, and two they are not in. */
export const GROUPS = [
  { id: GROUP_ID, full_name: 'WOL-Circle Nord', name: 'wolcirclenord', privacy: 'private', member: true },
  { id: 221395517441, full_name: 'Vertrieb Nord', name: 'vertriebnord', privacy: 'public', member: true },
  { id: 221395517442, full_name: 'Release Notes', name: 'releasenotes', privacy: 'public', member: true },
  { id: 221395517443, full_name: 'Vorstand', name: 'vorstand', privacy: 'private', member: false },
  { id: 221395517444, full_name: 'Kantine', name: 'kantine', privacy: 'public', member: false },
];
const GROUPS_PER_PAGE = 50;
const NETWORK_ID = 1801245;
const SCOPE = 'https://www.yammer.com/.default';
export const LIMIT = { requests: 10, perMs: 30_000 };
const BODY_MAX = 10_000;
/** The token endpoint answers any origin (browsers redeem codes there); the API needs no CORS: the
 * extension has host permission for www.yammer.com. */
const CORS = { 'Access-Control-Allow-Origin': '*' };

/** Yammer's error body. @param {string} message @param {number} code */
const failure = (message, code) => ({ response: { message, code, stat: 'fail' } });

/**
 * @typedef {{ id: number, sender_id: number, thread_id: number, replied_to_id: number | null,
 *   group_id: number | null, network_id: number, body: { plain: string, parsed: string, rich: string },
 *   created_at: string, message_type: 'update' }} Message
 */

/** `2026/11/22 20:15:00 +0000`, as Yammer writes times. @param {number} at */
function yammerTime(at) {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '/')} ${iso.slice(11, 19)} +0000`;
}

/** `{"_type":"Thread","id":"…"}` in base64 (the ids in Engage links). @param {string} segment */
function decodeId(segment) {
  try {
    const parsed = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return /^\d+$/.test(parsed.id) ? Number(parsed.id) : undefined;
  } catch {
    return undefined;
  }
}

/** The threads and replies the fixture pages show, as the messages they are. @returns {Message[]} */
function seedMessages() {
  /** @type {Map<number, Message>} */
  const messages = new Map();
  for (const page of ['feed-2026-11-22.html', 'single-post-2026-11-22.html']) {
    for (const match of fixturePage('viva-engage', page).matchAll(
      /\/threads\/([A-Za-z0-9_-]+)(?:\/([A-Za-z0-9_-]+))?"/g,
    )) {
      const thread = decodeId(match[1] ?? '');
      const reply = match[2] ? decodeId(match[2]) : undefined;
      const id = reply ?? thread;
      if (thread === undefined || id === undefined || messages.has(id)) continue;
      messages.set(id, {
        id,
        sender_id: COLLEAGUES.anna.id,
        thread_id: thread,
        replied_to_id: reply === undefined ? null : thread,
        group_id: GROUP_ID,
        network_id: NETWORK_ID,
        body: { plain: '(from the fixture)', parsed: '(from the fixture)', rich: '(from the fixture)' },
        created_at: yammerTime(Date.UTC(2026, 10, 20)),
        message_type: 'update',
      });
    }
  }
  return [...messages.values()];
}

/**
 * @param {{ tls?: { key: string, cert: string }, accessLifetimeS?: number, now?: () => number,
 *   moreGroups?: number }} [options] `moreGroups`: the user is in that many more groups (`Team 0001` …),
 *   for lists longer than one page.
 */
export async function startVivaEngage({ tls, accessLifetimeS = 3600, now = Date.now, moreGroups = 0 } = {}) {
  const auth = createAuthorizationServer({
    clientId: CLIENT_ID,
    userId: String(SIGNED_IN.id),
    accessPrefix: 'eyJ0eXAiOi',
    refreshPrefix: '1.AQ',
    accessLifetimeS,
    now,
    scope: (params) =>
      (params.get('scope') ?? '').split(' ').includes(SCOPE)
        ? undefined
        : `AADSTS70011: scope must include ${SCOPE}`,
  });
  const limit = createRateWindow({ ...LIMIT, now });
  const groups = [
    ...GROUPS,
    ...Array.from({ length: moreGroups }, (_, i) => ({
      id: 221395600000 + i,
      full_name: `Team ${String(i + 1).padStart(4, '0')}`,
      name: `team${String(i + 1).padStart(4, '0')}`,
      privacy: 'public',
      member: true,
    })),
  ];
  /** @type {Message[]} */
  const messages = seedMessages();
  let nextId = 3297800000000000;

  /** @param {string} tenant */
  const knownTenant = (tenant) => tenant === TENANT || tenant === 'organizations';

  /**
   * Bearer check and rate limit, in that order (the limit is per user and app).
   * @param {import('../support/server.mjs').Context} ctx
   * @returns {{ reply: import('../support/server.mjs').Reply } | { userId: number }}
   */
  function guard(ctx) {
    const who = auth.check(bearerOf(ctx.header('authorization')));
    if (!who.ok) return { reply: json(401, failure('Token not found.', 16)) };
    const slot = limit.take(`${who.userId}:${who.clientId}`);
    if (!slot.ok)
      return {
        reply: json(429, failure('Rate limited due to excess requests.', 33), {
          'Retry-After': String(slot.retryAfterS),
        }),
      };
    return { userId: Number(who.userId) };
  }

  /** Yammer takes JSON or a form. @param {import('../support/server.mjs').Context} ctx */
  async function readMessageBody(ctx) {
    const type = (ctx.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type === 'application/x-www-form-urlencoded') {
      const form = await readForm(ctx.req);
      return form ? Object.fromEntries(form) : undefined;
    }
    const body = await ctx.body();
    return body.ok && isObject(body.value) ? body.value : undefined;
  }

  /** @param {Message[]} list */
  const envelope = (list) => ({ messages: list, references: [], meta: { current_user_id: SIGNED_IN.id } });

  /**
   * The token endpoint. Entra redeems a public client's code only cross-origin (an SPA registration,
   * which is what an extension's `chromiumapp.org` redirect is): without an `Origin` header it refuses.
   * @param {import('../support/server.mjs').Context} ctx
   */
  async function token(ctx) {
    const form = await readForm(ctx.req);
    if (!knownTenant(ctx.params.tenant ?? ''))
      return json(400, { error: 'invalid_request', error_description: 'AADSTS90002: Tenant not found.' });
    if (!ctx.header('origin'))
      return json(400, {
        error: 'invalid_request',
        error_description:
          "AADSTS9002327: Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
      });
    if (!form)
      return json(400, {
        error: 'invalid_request',
        error_description: 'AADSTS900144: The request body must contain the following parameter: grant_type.',
      });
    const answer = auth.token(form);
    if (!answer.ok)
      return json(answer.error === 'invalid_client' ? 401 : 400, {
        error: answer.error,
        error_description: `AADSTS70008: ${answer.description}`,
        error_codes: [70008],
      });
    return json(200, {
      token_type: 'Bearer',
      scope: `${SCOPE} offline_access`,
      expires_in: answer.expiresInS,
      ext_expires_in: answer.expiresInS,
      access_token: answer.accessToken,
      refresh_token: answer.refreshToken,
    });
  }

  const server = await startContractServer({
    tls,
    routes: [
      {
        method: 'GET',
        path: '/:tenant/oauth2/v2.0/authorize',
        handle: (ctx) => {
          if (!knownTenant(ctx.params.tenant ?? ''))
            return html(400, `<p>AADSTS90002: Tenant '${ctx.params.tenant}' not found.</p>`);
          const answer = auth.authorize(ctx.url.searchParams);
          return 'redirect' in answer
            ? { status: 302, text: '', headers: { Location: answer.redirect } }
            : html(400, `<p>AADSTS700016: ${answer.page}</p>`);
        },
      },
      {
        method: 'POST',
        path: '/:tenant/oauth2/v2.0/token',
        handle: async (ctx) => {
          const reply = await token(ctx);
          return { ...reply, headers: { ...CORS, ...reply.headers } };
        },
      },
      {
        method: 'GET',
        path: '/api/v1/users/current.json',
        handle: (ctx) => {
          const who = guard(ctx);
          if ('reply' in who) return who.reply;
          return json(200, { type: 'user', ...SIGNED_IN, name: 'mara.keller', network_id: NETWORK_ID });
        },
      },
      {
        method: 'POST',
        path: '/api/v1/messages.json',
        handle: async (ctx) => {
          const who = guard(ctx);
          if ('reply' in who) return who.reply;
          const input = await readMessageBody(ctx);
          if (!input) return json(400, failure('Unreadable request body.', 400));
          const body = typeof input.body === 'string' ? input.body.trim() : '';
          if (!body) return json(400, failure('Please include a message body.', 400));
          if (body.length > BODY_MAX) return json(400, failure('Message body is too long.', 400));
          const repliedTo = input.replied_to_id === undefined ? undefined : Number(input.replied_to_id);
          const groupId = input.group_id === undefined ? undefined : Number(input.group_id);
          /** @type {Message | undefined} */
          const parent = repliedTo === undefined ? undefined : messages.find((m) => m.id === repliedTo);
          if (repliedTo !== undefined && !parent) return json(404, failure('Message not found.', 404));
          const group = groupId === undefined ? undefined : groups.find((g) => g.id === groupId);
          if (groupId !== undefined && !group) return json(404, failure('Group not found.', 404));
          if (group && !group.member && group.privacy === 'private')
            return json(403, failure('You are not a member of this group.', 403));
          const id = nextId++;
          /** @type {Message} */
          const message = {
            id,
            sender_id: who.userId,
            thread_id: parent ? parent.thread_id : id,
            replied_to_id: parent ? parent.id : null,
            group_id: parent ? parent.group_id : (groupId ?? null),
            network_id: NETWORK_ID,
            body: { plain: body, parsed: body, rich: body },
            created_at: yammerTime(now()),
            message_type: 'update',
          };
          messages.push(message);
          return json(201, envelope([message]));
        },
      },
      {
        method: 'GET',
        path: '/api/v1/messages/sent.json',
        handle: (ctx) => {
          const who = guard(ctx);
          if ('reply' in who) return who.reply;
          const sent = messages.filter((m) => m.sender_id === who.userId).reverse();
          return json(200, envelope(sent.slice(0, 20)));
        },
      },
      {
        method: 'GET',
        path: '/api/v1/search.json',
        handle: (ctx) => {
          const who = guard(ctx);
          if ('reply' in who) return who.reply;
          const search = (ctx.url.searchParams.get('search') ?? '').trim().toLowerCase();
          if (!search) return json(400, failure('Please provide a search term.', 400));
          const page = Number(ctx.url.searchParams.get('page') ?? '1');
          if (!Number.isInteger(page) || page < 1) return json(400, failure('Invalid page.', 400));
          const found = messages.filter((m) => m.body.plain.toLowerCase().includes(search)).reverse();
          const shown = found.slice((page - 1) * 20, page * 20);
          // As in the feeds, the senders are among the references.
          const references = USERS.filter((user) => shown.some((m) => m.sender_id === user.id)).map(
            (user) => ({ type: 'user', id: user.id, full_name: user.full_name, network_id: NETWORK_ID }),
          );
          return json(200, {
            messages: { messages: shown, references },
            users: [],
            groups: [],
            topics: [],
            count: { messages: found.length, users: 0, groups: 0, topics: 0 },
          });
        },
      },
      {
        method: 'GET',
        path: '/api/v1/groups.json',
        handle: (ctx) => {
          const who = guard(ctx);
          if ('reply' in who) return who.reply;
          const page = Number(ctx.url.searchParams.get('page') ?? '1');
          if (!Number.isInteger(page) || page < 1) return json(400, failure('Invalid page.', 400));
          // Without `mine=1`: every public group, and the private ones the user is in.
          const mine = ctx.url.searchParams.get('mine') === '1';
          const listed = groups.filter((g) => g.member || (!mine && g.privacy === 'public'));
          const shown = listed.slice((page - 1) * GROUPS_PER_PAGE, page * GROUPS_PER_PAGE);
          return json(
            200,
            shown.map(({ member: _member, ...g }) => ({
              type: 'group',
              ...g,
              state: 'active',
              network_id: NETWORK_ID,
              web_url: `https://www.yammer.com/musterwerk.example/groups/${g.name}`,
              stats: { members: 12, updates: 40 },
            })),
          );
        },
      },
      ...[
        '/main/groups/:group/all',
        '/main/groups/:group/about',
        '/main/org/:org/threads/:thread',
        '/main/threads/:thread',
      ].map((path) => ({
        method: 'GET',
        path,
        /** @param {import('../support/server.mjs').Context} ctx */
        handle: (ctx) =>
          html(
            200,
            fixturePage(
              'viva-engage',
              ctx.url.pathname.endsWith('/all')
                ? 'feed-2026-11-22.html'
                : ctx.url.pathname.endsWith('/about')
                  ? 'no-posts-2026-11-22.html'
                  : 'single-post-2026-11-22.html',
            ),
          ),
      })),
    ],
  });

  return {
    ...server,
    auth,
    /** Messages the user wrote through the API (not the fixtures'). */
    written: () => messages.filter((m) => m.sender_id === SIGNED_IN.id),
    /** A colleague writes a message (in reply to `repliedToId`, else in the group). */
    postAs(
      /** @type {{ id: number }} */ sender,
      /** @type {string} */ body,
      /** @type {number} */ repliedToId,
    ) {
      const parent = messages.find((m) => m.id === repliedToId);
      const id = nextId++;
      messages.push({
        id,
        sender_id: sender.id,
        thread_id: parent ? parent.thread_id : id,
        replied_to_id: parent ? parent.id : null,
        group_id: parent ? parent.group_id : GROUP_ID,
        network_id: NETWORK_ID,
        body: { plain: body, parsed: body, rich: body },
        created_at: yammerTime(now()),
        message_type: 'update',
      });
      return String(id);
    },
  };
}
