/**
 * A Confluence Data Center stand-in (REST API v1) for the page transport: the adapter's fixture page at its
 * own address (`/pages/viewpage.action?pageId=…`, a site the user enables), and the endpoints the adapter
 * calls, with Confluence's own checks:
 * - the session cookie `JSESSIONID`; without it 401;
 * - Atlassian's XSRF filter: a write that is not `application/json` needs `X-Atlassian-Token: no-check`,
 *   else 403 "XSRF check failed";
 * - comments need a page container that exists, an optional ancestor comment on that page, and a
 *   well-formed `storage` body; 404 for what does not exist; 403 where the user may not comment.
 * Errors use v1's shape `{ statusCode, data, message }`. Data Center has no rate limit by default.
 */

import { isObject } from '../support/body.mjs';
import { fixturePage } from '../support/fixtures.mjs';
import { html, json, startContractServer } from '../support/server.mjs';
import { createSessions } from '../support/session.mjs';
import { fixtureComments, PAGE } from './server.mjs';
import { isWellFormedStorage } from './storage-check.mjs';

const SAVED_ORIGIN = 'https://wiki.musterwerk.example';
export const SIGNED_IN = { username: 'mara.keller', displayName: 'Mara Keller' };

/** @param {number} statusCode @param {string} message */
const error = (statusCode, message) =>
  json(statusCode, {
    statusCode,
    data: { authorized: statusCode !== 403, valid: statusCode !== 400, errors: [], successful: false },
    message,
  });

/**
 * @typedef {{ id: string, pageId: string, ancestors: string[], username: string, storage: string,
 *   createdDate: string }} Comment
 */

/** @param {{ now?: () => number }} [options] */
export async function startConfluenceDataCenter({ now = Date.now } = {}) {
  const sessions = createSessions({ cookieName: 'JSESSIONID' });
  const createdDate = new Date(Date.UTC(2026, 10, 20)).toISOString();
  /** @type {Comment[]} */
  const comments = fixtureComments().map(({ id, username }) => ({
    id,
    pageId: PAGE.id,
    ancestors: [],
    username,
    storage: '<p>…</p>',
    createdDate,
  }));
  const noComments = new Set();
  let nextId = 50_000_000;
  const missing = (/** @type {string | undefined} */ id) =>
    error(404, `No content found with id: ContentId{id=${id}}`);

  /** @param {Comment} comment */
  const serialize = (comment) => ({
    id: comment.id,
    type: 'comment',
    status: 'current',
    title: `Re: ${PAGE.title.replaceAll('+', ' ')}`,
    container: { id: comment.pageId, type: 'page' },
    ancestors: comment.ancestors.map((id) => ({ id, type: 'comment' })),
    history: {
      latest: true,
      createdBy: { type: 'known', username: comment.username },
      createdDate: comment.createdDate,
    },
    body: { storage: { value: comment.storage, representation: 'storage' } },
  });

  /** @param {import('../support/server.mjs').Context} ctx */
  const guard = (ctx) => {
    const session = sessions.fromRequest(ctx);
    return session ? { username: session.userId } : error(401, 'This request requires authentication.');
  };

  /** @param {import('../support/server.mjs').Context} ctx */
  const createComment = async (ctx) => {
    const checked = guard(ctx);
    if (!('username' in checked)) return checked;
    const body = await ctx.body();
    if (!body.ok && body.problem === 'content-type')
      return ctx.header('x-atlassian-token') === 'no-check'
        ? error(415, 'Unsupported Media Type')
        : { status: 403, text: 'XSRF check failed' };
    if (!body.ok || !isObject(body.value)) return error(400, 'Could not parse the request body as JSON.');
    const { type, container, ancestors = [], body: content } = body.value;
    if (type !== 'comment') return error(400, 'Only comments can be created here.');
    const pageId = isObject(container) ? String(container.id) : undefined;
    if (pageId !== PAGE.id) return missing(pageId);
    if (noComments.has(pageId)) return error(403, 'You do not have permission to comment on this page.');
    const ancestorIds = Array.isArray(ancestors)
      ? ancestors.map((a) => (isObject(a) ? String(a.id) : ''))
      : [];
    const parent = ancestorIds.at(-1);
    if (
      parent !== undefined &&
      !comments.some((comment) => comment.id === parent && comment.pageId === pageId)
    )
      return missing(parent);
    const storage = isObject(content) && isObject(content.storage) ? content.storage : undefined;
    if (
      storage?.representation !== 'storage' ||
      typeof storage.value !== 'string' ||
      storage.value.trim() === '' ||
      !isWellFormedStorage(storage.value)
    )
      return error(400, 'Error parsing xhtml: the comment body is not valid storage format.');
    /** @type {Comment} */
    const comment = {
      id: String(nextId++),
      pageId,
      ancestors: ancestorIds,
      username: checked.username,
      storage: storage.value,
      createdDate: new Date(now()).toISOString(),
    };
    comments.push(comment);
    return json(200, serialize(comment));
  };

  /** @param {(ctx: import('../support/server.mjs').Context) => import('../support/server.mjs').Reply} read */
  const authed = (read) => (/** @type {import('../support/server.mjs').Context} */ ctx) => {
    const checked = guard(ctx);
    return 'username' in checked ? read(ctx) : checked;
  };

  const server = await startContractServer({
    routes: [
      {
        method: 'GET',
        path: '/pages/viewpage.action',
        handle: () =>
          html(200, fixturePage('confluence', 'single-post-2026-11-22.html', { [SAVED_ORIGIN]: server.url })),
      },
      {
        method: 'GET',
        path: '/rest/api/user/current',
        handle: (ctx) => {
          const checked = guard(ctx);
          return 'username' in checked
            ? json(200, { type: 'known', username: checked.username, displayName: SIGNED_IN.displayName })
            : checked;
        },
      },
      { method: 'POST', path: '/rest/api/content', handle: createComment },
      {
        method: 'GET',
        path: '/rest/api/content/:id',
        handle: authed((ctx) => {
          if (ctx.params.id === PAGE.id) return json(200, { id: PAGE.id, type: 'page', status: 'current' });
          const comment = comments.find((candidate) => candidate.id === ctx.params.id);
          return comment ? json(200, serialize(comment)) : missing(ctx.params.id);
        }),
      },
      {
        method: 'GET',
        path: '/rest/api/content/:id/child/comment',
        handle: authed((ctx) => {
          if (ctx.params.id !== PAGE.id) return missing(ctx.params.id);
          const results = comments.filter((comment) => comment.pageId === PAGE.id).map(serialize);
          return json(200, { results, start: 0, limit: 500, size: results.length });
        }),
      },
    ],
  });

  return {
    ...server,
    pageUrl: () => `${server.url}/pages/viewpage.action?pageId=${PAGE.id}`,
    /** Signs a user in, as Confluence's login form would: the session cookie. */
    signIn(username = SIGNED_IN.username) {
      const session = sessions.open(username);
      return { cookie: { name: sessions.cookieName, value: session.id } };
    },
    forbidComments() {
      noComments.add(PAGE.id);
    },
    comments: () => comments.map((comment) => ({ ...comment })),
  };
}
