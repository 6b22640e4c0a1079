/**
 * A Mattermost stand-in (API v4, api.mattermost.com) for the page transport: the adapter's fixture pages
 * as the signed-in user sees them, and the endpoints the adapter calls, with Mattermost's own checks:
 * - the `MMAUTHTOKEN` cookie counts only with `X-Requested-With: XMLHttpRequest`; otherwise, or without a
 *   session, 401 `api.context.session_expired.app_error`;
 * - writes need `X-CSRF-Token` equal to the session's token (the `MMCSRF` cookie), else the same 401;
 * - JSON bodies only; `channel_id` of a channel the user is in, `root_id` of a root post in that
 *   channel, a message of 1 to 16383 characters; an archived channel refuses posts (400).
 * Rate limiting is off by default in Mattermost, so none is enforced.
 */

import { randomBytes } from 'node:crypto';
import { isObject } from '../support/body.mjs';
import { fixturePage } from '../support/fixtures.mjs';
import { html, json, startContractServer } from '../support/server.mjs';
import { createSessions, sameSecret } from '../support/session.mjs';

export const TEAM = 'werk-nord';
export const CHANNELS = new Map([
  ['wol-circle-nord', { id: 't65d6mhdmtg94fd9y66o3gbwuh', page: 'feed-2026-11-22.html' }],
  ['kantine-feedback', { id: 'upam97a84d9188mgnag9zt7yo3', page: 'no-posts-2026-11-22.html' }],
]);
/** The user the fixtures show as signed in (Mara Keller). */
export const SIGNED_IN = { id: 'qmcu7cqxjstydmfbc8nxhuw7t5', username: 'mara.keller' };
const THREAD_ROOT = '5oyrz98hj5eg33qkfsypc5shoi';
const MESSAGE_MAX = 16_383;

/** @param {number} status @param {string} id @param {string} message */
const appError = (status, id, message) =>
  json(status, { id, message, detailed_error: '', request_id: newId(), status_code: status });
const sessionExpired = () =>
  appError(401, 'api.context.session_expired.app_error', 'Invalid or expired session, please login again.');

/** Mattermost ids: 26 characters of lower-case base32. */
function newId() {
  const alphabet = 'ybndrfg8ejkmcpqxot1uwisza345h769';
  return Array.from(randomBytes(26), (byte) => alphabet[byte % 32]).join('');
}

/**
 * @typedef {{ id: string, channel_id: string, root_id: string, user_id: string, message: string,
 *   create_at: number }} Post
 */

/** Posts of the fixtures: the channel's, and the thread of its root post. @returns {Post[]} */
function seedPosts() {
  const created = Date.UTC(2026, 10, 20);
  /** @type {Map<string, Post>} */
  const posts = new Map();
  const seed = (
    /** @type {string} */ page,
    /** @type {string} */ channelId,
    /** @type {boolean} */ thread,
  ) => {
    const source = fixturePage('mattermost', page);
    const found = [...source.matchAll(/id="(?:post|rhsPost)_([a-z0-9]{26})"/g)];
    let author = '';
    for (const [index, match] of found.entries()) {
      const markup = source.slice(match.index, found[index + 1]?.index);
      // A follow-up ("same--user") has no avatar: it is by the author before it.
      author = /\/api\/v4\/users\/([a-z0-9]{26})\/image/.exec(markup)?.[1] ?? author;
      const id = match[1] ?? '';
      posts.set(id, {
        id,
        channel_id: channelId,
        root_id: thread && id !== THREAD_ROOT ? THREAD_ROOT : '',
        user_id: author,
        message: `(post ${id} of the fixture)`,
        create_at: created + posts.size * 60_000,
      });
    }
  };
  const channel = CHANNELS.get('wol-circle-nord')?.id ?? '';
  seed('feed-2026-11-22.html', channel, false);
  seed('single-post-2026-11-22.html', channel, true);
  return [...posts.values()];
}

/** @param {{ now?: () => number }} [options] */
export async function startMattermost({ now = Date.now } = {}) {
  const sessions = createSessions({ cookieName: 'MMAUTHTOKEN' });
  const posts = seedPosts();
  const archived = new Set();
  const memberOf = new Set([...CHANNELS.values()].map((channel) => channel.id));

  /** @param {Post[]} list */
  const postList = (list) => ({
    order: list.map((post) => post.id).reverse(),
    posts: Object.fromEntries(list.map((post) => [post.id, serialize(post)])),
    next_post_id: '',
    prev_post_id: '',
  });
  /** @param {Post} post */
  const serialize = (post) => ({
    ...post,
    update_at: post.create_at,
    edit_at: 0,
    delete_at: 0,
    is_pinned: false,
    type: '',
    props: {},
    hashtags: '',
    pending_post_id: '',
    metadata: {},
  });

  /**
   * Mattermost's session check: the cookie token only for XHR requests, CSRF on writes.
   * @param {import('../support/server.mjs').Context} ctx
   */
  const guard = (ctx) => {
    const session = sessions.fromRequest(ctx);
    if (!session || ctx.header('x-requested-with') !== 'XMLHttpRequest') return sessionExpired();
    if (ctx.method !== 'GET' && !sameSecret(ctx.header('x-csrf-token'), session.csrfToken))
      return sessionExpired();
    return { userId: session.userId };
  };

  /** @param {import('../support/server.mjs').Context} ctx */
  const createPost = async (ctx) => {
    const checked = guard(ctx);
    if (!('userId' in checked)) return checked;
    const body = await ctx.body();
    if (!body.ok || !isObject(body.value))
      return appError(
        400,
        'api.context.invalid_body_param.app_error',
        'Invalid or missing post in request body.',
      );
    const { channel_id, message, root_id = '' } = body.value;
    if (typeof channel_id !== 'string' || !/^[a-z0-9]{26}$/.test(channel_id))
      return appError(400, 'model.post.is_valid.channel_id.app_error', 'Invalid channel id.');
    if (!memberOf.has(channel_id))
      return appError(
        403,
        'api.context.permissions.app_error',
        'You do not have the appropriate permissions.',
      );
    if (archived.has(channel_id))
      return appError(
        400,
        'api.post.create_post.can_not_post_to_deleted.error',
        'Can not post to deleted channel.',
      );
    if (typeof message !== 'string' || message.trim() === '' || message.length > MESSAGE_MAX)
      return appError(400, 'model.post.is_valid.msg.app_error', 'Invalid Message.');
    if (typeof root_id !== 'string')
      return appError(400, 'api.post.create_post.root_id.app_error', 'Invalid RootId parameter.');
    if (root_id) {
      const root = posts.find((post) => post.id === root_id);
      if (root?.root_id !== '' || root.channel_id !== channel_id)
        return appError(400, 'api.post.create_post.root_id.app_error', 'Invalid RootId parameter.');
    }
    /** @type {Post} */
    const post = { id: newId(), channel_id, root_id, user_id: checked.userId, message, create_at: now() };
    posts.push(post);
    return json(201, serialize(post));
  };

  /** @param {string} page */
  const appPage = (page) => () => html(200, fixturePage('mattermost', page));

  const server = await startContractServer({
    routes: [
      { method: 'GET', path: `/${TEAM}/channels/wol-circle-nord`, handle: appPage('feed-2026-11-22.html') },
      {
        method: 'GET',
        path: `/${TEAM}/channels/kantine-feedback`,
        handle: appPage('no-posts-2026-11-22.html'),
      },
      {
        method: 'GET',
        path: `/${TEAM}/threads/${THREAD_ROOT}`,
        handle: appPage('single-post-2026-11-22.html'),
      },
      {
        method: 'GET',
        path: '/api/v4/users/me',
        handle: (ctx) => {
          const checked = guard(ctx);
          return 'userId' in checked ? json(200, { ...SIGNED_IN, id: checked.userId }) : checked;
        },
      },
      { method: 'POST', path: '/api/v4/posts', handle: createPost },
      {
        method: 'GET',
        path: '/api/v4/posts/:id',
        handle: (ctx) => {
          const checked = guard(ctx);
          if (!('userId' in checked)) return checked;
          const post = posts.find((candidate) => candidate.id === ctx.params.id);
          return post
            ? json(200, serialize(post))
            : appError(404, 'app.post.get.app_error', 'Unable to get the post.');
        },
      },
      {
        method: 'GET',
        path: '/api/v4/posts/:id/thread',
        handle: (ctx) => {
          const checked = guard(ctx);
          if (!('userId' in checked)) return checked;
          const root = posts.find((post) => post.id === ctx.params.id);
          if (!root) return appError(404, 'app.post.get.app_error', 'Unable to get the post.');
          const rootId = root.root_id || root.id;
          return json(200, postList(posts.filter((post) => post.id === rootId || post.root_id === rootId)));
        },
      },
      {
        method: 'GET',
        path: '/api/v4/channels/:id/posts',
        handle: (ctx) => {
          const checked = guard(ctx);
          if (!('userId' in checked)) return checked;
          if (!memberOf.has(ctx.params.id ?? ''))
            return appError(
              403,
              'api.context.permissions.app_error',
              'You do not have the appropriate permissions.',
            );
          const since = Number(ctx.url.searchParams.get('since') ?? 0);
          return json(
            200,
            postList(posts.filter((post) => post.channel_id === ctx.params.id && post.create_at >= since)),
          );
        },
      },
      {
        method: 'GET',
        path: '/api/v4/teams/name/:team/channels/name/:name',
        handle: (ctx) => {
          const checked = guard(ctx);
          if (!('userId' in checked)) return checked;
          const channel = ctx.params.team === TEAM ? CHANNELS.get(ctx.params.name ?? '') : undefined;
          return channel
            ? json(200, {
                id: channel.id,
                name: ctx.params.name,
                team_id: 'werknordteamid0000000000aa',
                type: 'O',
              })
            : appError(404, 'app.channel.get_by_name.missing.app_error', 'Channel does not exist.');
        },
      },
    ],
  });

  return {
    ...server,
    /** Signs a user in as Mattermost's login does: the session cookie and the readable `MMCSRF` cookie. */
    signIn(userId = SIGNED_IN.id) {
      const session = sessions.open(userId);
      return {
        cookies: [
          { name: 'MMAUTHTOKEN', value: session.id, httpOnly: true },
          { name: 'MMUSERID', value: userId, httpOnly: false },
          { name: 'MMCSRF', value: session.csrfToken, httpOnly: false },
        ],
        csrfToken: session.csrfToken,
      };
    },
    /** @param {string} channelName */
    archiveChannel(channelName) {
      archived.add(CHANNELS.get(channelName)?.id);
    },
    threadUrl: () => `${server.url}/${TEAM}/threads/${THREAD_ROOT}`,
    /** @param {string} channelName */
    channelUrl: (channelName) => `${server.url}/${TEAM}/channels/${channelName}`,
    threadRoot: THREAD_ROOT,
    posts: () => posts.map((post) => ({ ...post })),
  };
}
