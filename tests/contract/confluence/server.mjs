/**
 * A Confluence Cloud stand-in (REST API v2, developer.atlassian.com) for the page transport: the adapter's
 * fixture page served under `/wiki/spaces/…` as the signed-in user sees it, and the endpoints the adapter
 * calls, with Confluence's own checks:
 * - the session cookie `cloud.session.token`; without it 401;
 * - Atlassian's XSRF filter: a write that is not `application/json` needs `X-Atlassian-Token: no-check`,
 *   else 403 "XSRF check failed" (JSON passes, as a browser cannot send it cross-site without CORS);
 * - footer comments on an existing page (`pageId`) or comment (`parentCommentId`), exactly one of them;
 *   bodies in the `storage` representation that are well-formed XHTML; 404 for what does not exist; 403
 *   where the user may not comment.
 * - CQL search (REST API v1, `GET /wiki/rest/api/search?cql=`) for the clauses Rückenwind sends:
 *   `mention = currentUser()`, `type = comment`, `order by created desc`; other CQL is a 400. A comment
 *   mentions a user when its storage holds `<ri:user ri:account-id="…" />`.
 * Errors use v2's shape `{ errors: [{ status, code, title, detail }] }`. Rate limits apply to apps
 * (points-based), not to a user's session, so none is enforced.
 * Served over HTTPS with `tls` (tests/contract/support/tls.mjs) to stand in for `<site>.atlassian.net`.
 */

import { isObject } from '../support/body.mjs';
import { fixturePage } from '../support/fixtures.mjs';
import { html, json, startContractServer } from '../support/server.mjs';
import { createSessions } from '../support/session.mjs';
import { isWellFormedStorage } from './storage-check.mjs';

const SAVED_ORIGIN = 'https://wiki.musterwerk.example';
export const PAGE = { id: '48889214', title: 'Glossar+Schichtmodelle', spaceKey: 'WOL', spaceId: '98305' };
/** Account ids by the usernames the fixture shows. */
export const ACCOUNTS = new Map([
  ['mara.keller', '557058:0f3c1a52-mara-keller'],
  ['katharina.mueller', '557058:2b8d4e61-katharina-mueller'],
  ['jonas.weber', '557058:7c1e9f30-jonas-weber'],
]);
export const SIGNED_IN = { accountId: ACCOUNTS.get('mara.keller') ?? '', displayName: 'Mara Keller' };
/** Display names by account id, as the fixture shows them. */
const NAMES = new Map([
  [SIGNED_IN.accountId, SIGNED_IN.displayName],
  [ACCOUNTS.get('katharina.mueller') ?? '', 'Katharina Müller'],
  [ACCOUNTS.get('jonas.weber') ?? '', 'Jonas Weber'],
]);
/** A user mention in storage format, as Confluence's editor writes it. @param {string} accountId */
export const mentionOf = (accountId) => `<ac:link><ri:user ri:account-id="${accountId}" /></ac:link>`;
/** The CQL clauses the search understands (CQL keywords are case-insensitive). */
const CQL_CLAUSES = [/^mention\s*=\s*currentUser\(\)$/i, /^type\s*=\s*"?comment"?$/i];
const REPRESENTATIONS = new Set(['storage', 'atlas_doc_format', 'wiki']);

/** @param {number} status @param {string} code @param {string} title @param {string | null} [detail] */
const error = (status, code, title, detail = null) =>
  json(status, { errors: [{ status, code, title, detail }] });
const notFound = () => error(404, 'NOT_FOUND', 'Not Found');

/**
 * @typedef {{ id: string, pageId: string, parentCommentId?: string, authorId: string, storage: string,
 *   createdAt: string }} FooterComment
 * @typedef {{ id: string, spaceId: string, title: string, authorId: string, storage: string, createdAt: string }} BlogPost
 */

/** The fixture page's comments and who wrote them. @returns {Array<{ id: string, username: string }>} */
export function fixtureComments() {
  const source = fixturePage('confluence', 'single-post-2026-11-22.html');
  const marks = [...source.matchAll(/id="comment-(\d+)"/g)];
  return marks.map((mark, index) => {
    const markup = source.slice(mark.index, marks[index + 1]?.index);
    return { id: mark[1] ?? '', username: /data-username="([^"]+)"/.exec(markup)?.[1] ?? '' };
  });
}

/** @returns {FooterComment[]} */
function seedComments() {
  const createdAt = new Date(Date.UTC(2026, 10, 20)).toISOString();
  return fixtureComments().map(({ id, username }) => ({
    id,
    pageId: PAGE.id,
    authorId: ACCOUNTS.get(username) ?? '',
    storage: '<p>…</p>',
    createdAt,
  }));
}

/**
 * @param {{ tls?: { key: string, cert: string }, publicOrigin?: string, now?: () => number }} [options]
 *   publicOrigin: where the browser sees the site, e.g. `https://musterwerk.atlassian.net`
 */
export async function startConfluence({ tls, publicOrigin, now = Date.now } = {}) {
  const sessions = createSessions({ cookieName: 'cloud.session.token' });
  const comments = seedComments();
  /** @type {BlogPost[]} */
  const blogPosts = [];
  const noComments = new Set();
  let nextId = 50_000_000;

  /** @param {FooterComment} comment @param {boolean} withBody */
  const serializeComment = (comment, withBody) => ({
    id: comment.id,
    status: 'current',
    title: `Re: ${PAGE.title.replaceAll('+', ' ')}`,
    pageId: comment.pageId,
    ...(comment.parentCommentId ? { parentCommentId: comment.parentCommentId } : {}),
    version: {
      number: 1,
      authorId: comment.authorId,
      createdAt: comment.createdAt,
      message: '',
      minorEdit: false,
    },
    body: withBody ? { storage: { representation: 'storage', value: comment.storage } } : {},
    _links: { webui: `/spaces/${PAGE.spaceKey}/pages/${comment.pageId}?focusedCommentId=${comment.id}` },
  });

  /** @param {import('../support/server.mjs').Context} ctx */
  const guard = (ctx) => {
    const session = sessions.fromRequest(ctx);
    return session ? { accountId: session.userId } : error(401, 'UNAUTHORIZED', 'Unauthorized');
  };

  /**
   * A write's JSON body after the XSRF filter, or the refusal.
   * @param {import('../support/server.mjs').Context} ctx
   * @returns {Promise<{ value: Record<string, unknown> } | import('../support/server.mjs').Reply>}
   */
  const writeBody = async (ctx) => {
    const body = await ctx.body();
    if (!body.ok && body.problem === 'content-type')
      return ctx.header('x-atlassian-token') === 'no-check'
        ? error(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported Media Type')
        : { status: 403, text: 'XSRF check failed' };
    if (!body.ok || !isObject(body.value))
      return error(400, 'INVALID_REQUEST_PARAMETER', 'Invalid JSON body');
    return { value: body.value };
  };

  /** @param {unknown} body @returns {string | import('../support/server.mjs').Reply} */
  const storageOf = (body) => {
    if (!isObject(body) || typeof body.value !== 'string' || typeof body.representation !== 'string')
      return error(400, 'INVALID_REQUEST_PARAMETER', 'body is required');
    if (!REPRESENTATIONS.has(body.representation))
      return error(400, 'INVALID_REQUEST_PARAMETER', `Unknown representation ${body.representation}`);
    if (body.representation !== 'storage' || body.value.trim() === '' || !isWellFormedStorage(body.value))
      return error(400, 'INVALID_REQUEST_PARAMETER', 'Content body cannot be converted to storage format');
    return body.value;
  };

  /** @param {import('../support/server.mjs').Context} ctx */
  const createComment = async (ctx) => {
    const checked = guard(ctx);
    if (!('accountId' in checked)) return checked;
    const body = await writeBody(ctx);
    if (!('value' in body)) return body;
    const { pageId, parentCommentId } = body.value;
    if ((pageId === undefined) === (parentCommentId === undefined))
      return error(
        400,
        'INVALID_REQUEST_PARAMETER',
        'Exactly one of pageId, blogPostId or parentCommentId is required',
      );
    const parent = comments.find((comment) => comment.id === String(parentCommentId));
    const page = parentCommentId === undefined ? String(pageId) : parent?.pageId;
    if (page !== PAGE.id) return notFound();
    if (noComments.has(page))
      return error(403, 'FORBIDDEN', 'Forbidden', 'You do not have permission to comment on this page.');
    const storage = storageOf(body.value.body);
    if (typeof storage !== 'string') return storage;
    /** @type {FooterComment} */
    const comment = {
      id: String(nextId++),
      pageId: page,
      ...(parent ? { parentCommentId: parent.id } : {}),
      authorId: checked.accountId,
      storage,
      createdAt: new Date(now()).toISOString(),
    };
    comments.push(comment);
    return json(200, serializeComment(comment, true));
  };

  /** @param {import('../support/server.mjs').Context} ctx */
  const createBlogPost = async (ctx) => {
    const checked = guard(ctx);
    if (!('accountId' in checked)) return checked;
    const body = await writeBody(ctx);
    if (!('value' in body)) return body;
    const { spaceId, title } = body.value;
    if (String(spaceId) !== PAGE.spaceId) return notFound();
    if (typeof title !== 'string' || title.trim() === '')
      return error(400, 'INVALID_REQUEST_PARAMETER', 'title is required');
    const storage = storageOf(body.value.body);
    if (typeof storage !== 'string') return storage;
    /** @type {BlogPost} */
    const post = {
      id: String(nextId++),
      spaceId: PAGE.spaceId,
      title: title.trim(),
      authorId: checked.accountId,
      storage,
      createdAt: new Date(now()).toISOString(),
    };
    blogPosts.push(post);
    return json(200, {
      ...post,
      status: 'current',
      body: { storage: { representation: 'storage', value: storage } },
    });
  };

  /** @param {import('../support/server.mjs').Context} ctx @param {FooterComment[]} list */
  const commentList = (ctx, list) =>
    json(200, {
      results: list.map((comment) =>
        serializeComment(comment, ctx.url.searchParams.get('body-format') === 'storage'),
      ),
      _links: {},
    });

  /** @param {FooterComment} comment */
  const searchResult = (comment, /** @type {Set<string>} */ expand) => {
    const title = `Re: ${PAGE.title.replaceAll('+', ' ')}`;
    const webui = `/spaces/${PAGE.spaceKey}/pages/${comment.pageId}?focusedCommentId=${comment.id}`;
    const authorName = NAMES.get(comment.authorId) ?? comment.authorId;
    const content = {
      id: comment.id,
      type: 'comment',
      status: 'current',
      title,
      ...(expand.has('content.history')
        ? {
            history: {
              latest: true,
              createdBy: {
                type: 'known',
                accountId: comment.authorId,
                accountType: 'atlassian',
                displayName: authorName,
                publicName: authorName,
              },
              createdDate: comment.createdAt,
            },
          }
        : {}),
      ...(expand.has('content.body.storage')
        ? { body: { storage: { value: comment.storage, representation: 'storage' } } }
        : {}),
      ...(expand.has('content.container')
        ? { container: { id: comment.pageId, type: 'page', status: 'current', title: PAGE.title } }
        : {}),
      _links: { webui },
    };
    return {
      content,
      title,
      excerpt: '',
      url: webui,
      resultGlobalContainer: { title: 'Working Out Loud', displayUrl: `/spaces/${PAGE.spaceKey}` },
      entityType: 'content',
      iconCssClass: 'aui-icon content-type-comment',
      lastModified: comment.createdAt,
      score: 1,
    };
  };

  /** `GET /wiki/rest/api/search`: the signed-in user's mentions in comments, newest first. */
  const search = (
    /** @type {import('../support/server.mjs').Context} */ ctx,
    /** @type {string} */ accountId,
  ) => {
    const cql = ctx.url.searchParams.get('cql');
    const v1Error = (/** @type {string} */ message) => json(400, { statusCode: 400, data: {}, message });
    if (!cql) return v1Error('cql is a required parameter');
    const [where = '', order] = cql.trim().split(/\s+order\s+by\s+/i);
    const clauses = where.split(/\s+AND\s+/i).map((clause) => clause.trim());
    const understood = clauses.every((clause) => CQL_CLAUSES.some((pattern) => pattern.test(clause)));
    if (!understood || (order !== undefined && !/^created\s+desc$/i.test(order.trim())))
      return v1Error(`Could not parse cql : ${cql}`);
    const mentioning = clauses.some((clause) => /^mention/i.test(clause));
    const limit = Math.min(Math.max(Number(ctx.url.searchParams.get('limit') ?? 25) || 25, 1), 100);
    const expand = new Set((ctx.url.searchParams.get('expand') ?? '').split(','));
    const found = comments
      .filter((comment) => !mentioning || comment.storage.includes(`ri:account-id="${accountId}"`))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const results = found.slice(0, limit).map((comment) => searchResult(comment, expand));
    return json(200, {
      results,
      start: 0,
      limit,
      size: results.length,
      totalSize: found.length,
      cqlQuery: cql,
      searchDuration: 3,
      _links: { base: `${publicOrigin ?? ''}/wiki`, context: '/wiki' },
    });
  };

  /** @param {(ctx: import('../support/server.mjs').Context, accountId: string) => import('../support/server.mjs').Reply} read */
  const authed = (read) => (/** @type {import('../support/server.mjs').Context} */ ctx) => {
    const checked = guard(ctx);
    return 'accountId' in checked ? read(ctx, checked.accountId) : checked;
  };

  const pageHtml = () =>
    html(
      200,
      fixturePage('confluence', 'single-post-2026-11-22.html', {
        [SAVED_ORIGIN]: `${publicOrigin ?? ''}/wiki`,
      }),
    );

  const server = await startContractServer({
    tls,
    routes: [
      { method: 'GET', path: `/wiki/spaces/${PAGE.spaceKey}/pages/${PAGE.id}/:title`, handle: pageHtml },
      {
        method: 'GET',
        path: '/wiki/rest/api/user/current',
        handle: authed((_ctx, accountId) =>
          json(200, {
            type: 'known',
            accountId,
            accountType: 'atlassian',
            displayName: SIGNED_IN.displayName,
          }),
        ),
      },
      { method: 'GET', path: '/wiki/rest/api/search', handle: authed(search) },
      { method: 'POST', path: '/wiki/api/v2/footer-comments', handle: createComment },
      {
        method: 'GET',
        path: '/wiki/api/v2/footer-comments/:id/children',
        handle: authed((ctx) => {
          if (!comments.some((comment) => comment.id === ctx.params.id)) return notFound();
          return commentList(
            ctx,
            comments.filter((comment) => comment.parentCommentId === ctx.params.id),
          );
        }),
      },
      {
        method: 'GET',
        path: '/wiki/api/v2/pages/:id/footer-comments',
        handle: authed((ctx) =>
          ctx.params.id === PAGE.id
            ? commentList(
                ctx,
                comments.filter((comment) => !comment.parentCommentId),
              )
            : notFound(),
        ),
      },
      {
        method: 'GET',
        path: '/wiki/api/v2/spaces',
        handle: authed((ctx) => {
          const keys = (ctx.url.searchParams.get('keys') ?? '').split(',');
          const results = keys.includes(PAGE.spaceKey)
            ? [{ id: PAGE.spaceId, key: PAGE.spaceKey, name: 'Working Out Loud', type: 'global' }]
            : [];
          return json(200, { results, _links: {} });
        }),
      },
      { method: 'POST', path: '/wiki/api/v2/blogposts', handle: createBlogPost },
      {
        method: 'GET',
        path: '/wiki/api/v2/blogposts',
        handle: authed((ctx) => {
          const spaceIds = (ctx.url.searchParams.get('space-id') ?? '').split(',');
          const title = ctx.url.searchParams.get('title');
          const results = blogPosts.filter(
            (post) => spaceIds.includes(post.spaceId) && (title === null || post.title === title),
          );
          return json(200, { results, _links: {} });
        }),
      },
    ],
  });

  return {
    ...server,
    pagePath: `/wiki/spaces/${PAGE.spaceKey}/pages/${PAGE.id}/${PAGE.title}`,
    /** Signs a user in, as Atlassian's login would: the session cookie. */
    signIn(accountId = SIGNED_IN.accountId) {
      const session = sessions.open(accountId);
      return { cookie: { name: sessions.cookieName, value: session.id } };
    },
    /** A space admin takes away the user's permission to comment on the page. */
    forbidComments() {
      noComments.add(PAGE.id);
    },
    comments: () => comments.map((comment) => ({ ...comment })),
    /**
     * A colleague comments on the page (or replies to a comment), in storage format.
     * @param {string} username @param {string} storage @param {string} [parentCommentId]
     */
    commentAs(username, storage, parentCommentId) {
      const comment = {
        id: String(nextId++),
        pageId: PAGE.id,
        ...(parentCommentId ? { parentCommentId } : {}),
        authorId: ACCOUNTS.get(username) ?? '',
        storage,
        createdAt: new Date(now()).toISOString(),
      };
      comments.push(comment);
      return comment.id;
    },
  };
}
