/**
 * A Discourse stand-in (docs.discourse.org) for the page transport: the adapter's fixture topics served as
 * a signed-in user sees them, and the JSON API the adapter calls, with Discourse's own checks:
 * - session cookie `_t`; without one, writes answer 403 `not_logged_in`;
 * - `X-CSRF-Token` must be the session's token (printed in `meta[name=csrf-token]`), else 403 `["BAD CSRF"]`;
 * - 20 API requests per minute per user, then 429 `rate_limit` with `Retry-After`;
 * - `raw` of at least 20 characters (`min_post_length`), titles of at least 15, no identical post by the
 *   same user within 5 minutes (`unique_posts_mins`), JSON bodies only;
 * - a closed topic refuses replies with 403 `invalid_access`.
 */

import { isObject } from '../support/body.mjs';
import { fixturePage } from '../support/fixtures.mjs';
import { createRateWindow } from '../support/rate-window.mjs';
import { html, json, startContractServer } from '../support/server.mjs';
import { createSessions, sameSecret } from '../support/session.mjs';

const SAVED_ORIGIN = 'https://forum.musterwerk.example';
const SAVED_CSRF = 'Zk3x9QvW1p0dY7c2mE4rT6uJ8oL5nB1aHs0gF2kP3iVqXw7eR9tY4uI6oP8aS0dF';
export const TOPICS = new Map([
  [1187, { slug: 'wol-circle-nord-woche-4-was-habt-ihr-geschafft', page: 'feed-2026-11-22.html' }],
  [1192, { slug: 'danke-an-das-instandhaltungsteam-linie-3', page: 'single-post-2026-11-22.html' }],
]);
/** The user the fixtures show as signed in. */
export const SIGNED_IN = { id: 42, username: 'mara.keller' };
const CATEGORIES = new Set([7]);
const MIN_POST_LENGTH = 20;
const MIN_TITLE_LENGTH = 15;
const UNIQUE_POSTS_MS = 5 * 60_000;

const errors = {
  badCsrf: ['BAD CSRF'],
  notLoggedIn: { errors: ['You need to be logged in to do that.'], error_type: 'not_logged_in' },
  invalidAccess: {
    errors: ['You are not permitted to view the requested resource.'],
    error_type: 'invalid_access',
  },
  notFound: { errors: ['The requested URL or resource could not be found.'], error_type: 'not_found' },
  /** @param {string} param */
  missing: (param) => ({
    errors: [`param is missing or the value is empty: ${param}`],
    error_type: 'invalid_parameters',
  }),
  /** @param {string} message */
  invalid: (message) => ({ action: 'create_post', errors: [message] }),
  /** @param {number} seconds */
  rateLimit: (seconds) => ({
    errors: [
      `You’ve performed this action too many times. Please wait ${seconds} seconds before trying again.`,
    ],
    error_type: 'rate_limit',
    extras: { wait_seconds: seconds, time_left: `${seconds} seconds` },
  }),
};

/**
 * @typedef {{ id: number, topic_id: number, post_number: number, user_id: number, username: string,
 *   raw: string, created_at: string, reply_to_post_number: number | null }} Post
 */

/** The fixtures' stream posts, as the topic's first posts. @returns {Post[]} */
function seedPosts() {
  /** @type {Post[]} */
  const posts = [];
  for (const { page } of TOPICS.values()) {
    const source = fixturePage('discourse', page);
    const articles = source.matchAll(
      /<article id="post_(\d+)"[^>]*data-post-id="(\d+)" data-topic-id="(\d+)" data-user-id="(\d+)"[^>]*>/g,
    );
    for (const match of articles) {
      const username = /data-user-card="([^"]+)"/.exec(source.slice(match.index))?.[1] ?? 'unknown';
      posts.push({
        id: Number(match[2]),
        topic_id: Number(match[3]),
        post_number: Number(match[1]),
        user_id: Number(match[4]),
        username,
        raw: `(post ${match[1]} of the fixture)`,
        created_at: new Date(Date.UTC(2026, 10, 20)).toISOString(),
        reply_to_post_number: null,
      });
    }
  }
  return posts;
}

/** @param {{ now?: () => number }} [options] */
export async function startDiscourse({ now = Date.now } = {}) {
  const sessions = createSessions({ cookieName: '_t' });
  const limit = createRateWindow({ requests: 20, perMs: 60_000, now });
  const posts = seedPosts();
  /** @type {Array<{ id: number, title: string, created_at: string, user_id: number, category: number | null }>} */
  const topics = [];
  const closed = new Set();
  let nextPostId = 9000;
  let nextTopicId = 1300;

  /** @param {import('../support/server.mjs').Context} ctx */
  const signedIn = (ctx) => sessions.fromRequest(ctx);
  /** @param {Post} post */
  const serialize = (post) => ({
    ...post,
    name: post.username,
    cooked: `<p>${post.raw.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`,
    post_type: 1,
    topic_slug: TOPICS.get(post.topic_id)?.slug ?? 'topic',
  });

  /**
   * Discourse's API guard: CSRF on writes, then sign-in, then the per-user rate limit.
   * @param {import('../support/server.mjs').Context} ctx
   * @returns {{ user: typeof SIGNED_IN & { id: number } } | import('../support/server.mjs').Reply}
   */
  const guard = (ctx) => {
    const session = signedIn(ctx);
    if (ctx.method !== 'GET' && !(session && sameSecret(ctx.header('x-csrf-token'), session.csrfToken)))
      return session ? json(403, errors.badCsrf) : json(403, errors.notLoggedIn);
    if (!session) return json(403, errors.notLoggedIn);
    const slot = limit.take(session.userId);
    if (!slot.ok)
      return json(429, errors.rateLimit(slot.retryAfterS), { 'Retry-After': String(slot.retryAfterS) });
    return { user: { id: Number(session.userId), username: SIGNED_IN.username } };
  };

  /** @param {import('../support/server.mjs').Context} ctx */
  const topicPage = (ctx) => {
    const topic = TOPICS.get(Number(ctx.params.topicId));
    if (!topic) return html(404, '<h1>Oops! That page doesn’t exist or is private.</h1>');
    const session = signedIn(ctx);
    return html(
      200,
      fixturePage('discourse', topic.page, {
        [SAVED_ORIGIN]: '',
        // Each session has its own token; a page without a session gets one that writes cannot use.
        [SAVED_CSRF]: session?.csrfToken ?? 'signed-out',
      }),
    );
  };

  /** @param {import('../support/server.mjs').Context} ctx */
  const createPost = async (ctx) => {
    const checked = guard(ctx);
    if (!('user' in checked)) return checked;
    const body = await ctx.body();
    if (!body.ok || !isObject(body.value))
      return json(400, { errors: ['The request body is not valid JSON.'], error_type: 'invalid_parameters' });
    const { topic_id, raw, reply_to_post_number, title, category } = body.value;
    if (typeof raw !== 'string' || raw.trim() === '') return json(400, errors.missing('raw'));
    if (raw.trim().length < MIN_POST_LENGTH)
      return json(422, errors.invalid(`Body is too short (minimum is ${MIN_POST_LENGTH} characters)`));
    const at = now();
    const duplicate = posts.some(
      (post) =>
        post.user_id === checked.user.id &&
        post.raw === raw.trim() &&
        Date.parse(post.created_at) > at - UNIQUE_POSTS_MS,
    );
    if (duplicate) return json(422, errors.invalid('Body is too similar to what you recently posted'));

    /** @type {number} */
    let topicId;
    let replyTo = null;
    if (topic_id !== undefined) {
      topicId = Number(topic_id);
      const inTopic = posts.filter((post) => post.topic_id === topicId);
      if (!Number.isInteger(topicId) || inTopic.length === 0) return json(404, errors.notFound);
      if (closed.has(topicId)) return json(403, errors.invalidAccess);
      // Discourse drops a reply_to_post_number that names no post of the topic.
      const number = Number(reply_to_post_number);
      replyTo = inTopic.some((post) => post.post_number === number) ? number : null;
    } else {
      if (typeof title !== 'string' || title.trim() === '') return json(400, errors.missing('title'));
      if (title.trim().length < MIN_TITLE_LENGTH)
        return json(422, errors.invalid(`Title is too short (minimum is ${MIN_TITLE_LENGTH} characters)`));
      if (category !== undefined && !CATEGORIES.has(Number(category)))
        return json(422, errors.invalid('Category can’t be blank'));
      topicId = nextTopicId++;
      topics.push({
        id: topicId,
        title: title.trim(),
        created_at: new Date(at).toISOString(),
        user_id: checked.user.id,
        category: category === undefined ? null : Number(category),
      });
    }
    const numbers = posts.filter((post) => post.topic_id === topicId).map((post) => post.post_number);
    /** @type {Post} */
    const post = {
      id: nextPostId++,
      topic_id: topicId,
      post_number: Math.max(0, ...numbers) + 1,
      user_id: checked.user.id,
      username: checked.user.username,
      raw: raw.trim(),
      created_at: new Date(at).toISOString(),
      reply_to_post_number: replyTo,
    };
    posts.push(post);
    return json(200, serialize(post));
  };

  const server = await startContractServer({
    routes: [
      { method: 'GET', path: '/t/:slug/:topicId', handle: topicPage },
      { method: 'GET', path: '/t/:slug/:topicId/:postNumber', handle: topicPage },
      { method: 'POST', path: '/posts.json', handle: createPost },
      {
        method: 'GET',
        path: '/posts/:id.json',
        handle: (ctx) => {
          const checked = guard(ctx);
          if (!('user' in checked)) return checked;
          const post = posts.find((candidate) => candidate.id === Number(ctx.params.id));
          return post ? json(200, serialize(post)) : json(404, errors.notFound);
        },
      },
      {
        method: 'GET',
        path: '/posts/:id/replies.json',
        handle: (ctx) => {
          const checked = guard(ctx);
          if (!('user' in checked)) return checked;
          const post = posts.find((candidate) => candidate.id === Number(ctx.params.id));
          if (!post) return json(404, errors.notFound);
          const replies = posts.filter(
            (reply) => reply.topic_id === post.topic_id && reply.reply_to_post_number === post.post_number,
          );
          // The list view carries the rendered post only, not its source.
          return json(
            200,
            replies.map((reply) => ({ ...serialize(reply), raw: undefined })),
          );
        },
      },
      {
        method: 'GET',
        path: '/topics/created-by/:username.json',
        handle: (ctx) => {
          const checked = guard(ctx);
          if (!('user' in checked)) return checked;
          const userId = ctx.params.username === SIGNED_IN.username ? SIGNED_IN.id : -1;
          const theirs = topics.filter((topic) => topic.user_id === userId).reverse();
          return json(200, { users: [], topic_list: { topics: theirs } });
        },
      },
    ],
  });

  return {
    ...server,
    /** Signs a user in, as Discourse's login would: the cookie to give the browser or a test client. */
    signIn(userId = SIGNED_IN.id) {
      const session = sessions.open(String(userId));
      return { cookie: { name: sessions.cookieName, value: session.id }, csrfToken: session.csrfToken };
    },
    /** Other clients of this user (the app, a script) used up the minute's 20 requests; it frees up in `freeInMs`. */
    useUpRateLimit(freeInMs = 5_000, userId = SIGNED_IN.id) {
      limit.exhaust(String(userId), freeInMs);
    },
    /** @param {number} topicId */
    closeTopic(topicId) {
      closed.add(topicId);
    },
    /** @param {number} topicId */
    topicUrl: (topicId) => `${server.url}/t/${TOPICS.get(topicId)?.slug}/${topicId}`,
    /** Posts as stored, for assertions beyond what the API shows. */
    posts: () => posts.map((post) => ({ ...post })),
  };
}
