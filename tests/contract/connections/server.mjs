/**
 * An HCL Connections stand-in for the page transport: the adapter's fixture pages as the signed-in user
 * sees them, and the OpenSocial microblog ("ublog") and profile endpoints the adapter calls:
 * - the WebSphere session cookie `LtpaToken2`; without it the REST API answers 401;
 * - every write needs an `X-Update-Nonce` header (any value: Connections' guard against cross-site
 *   posts); without it 403;
 * - JSON bodies `{ "content": … }` of 1 to 1000 characters (the status-update limit); comments only on an
 *   existing status update, addressed on its board owner's (or `@all`) path; 404 otherwise.
 * Errors use OpenSocial's shape `{ "error": { "code", "message" } }`. The exact texts of Connections'
 * refusals are not public (HOSTS.md: unverified); these say what each refusal means.
 */

import { randomUUID } from 'node:crypto';
import { isObject } from '../support/body.mjs';
import { fixturePage } from '../support/fixtures.mjs';
import { html, json, startContractServer } from '../support/server.mjs';
import { createSessions } from '../support/session.mjs';

const SAVED_ORIGIN = 'https://connections.musterwerk.example';
/** The user the fixtures show in the banner (Mara Keller). */
export const SIGNED_IN = { id: 'd0b3b6c0-7546-102f-9f4c-f6be80987c6a', name: 'Mara Keller' };
export const PAGES = {
  feed: '/homepage/web/updates/',
  profile: '/profiles/html/profileView.do',
};
const CONTENT_MAX = 1000;
const PERSON = 'urn:lsid:lconn.ibm.com:profiles.person:';

/** @param {number} code @param {string} message */
const error = (code, message) => json(code, { error: { code, message } });

/**
 * @typedef {{ id: string, kind: 'note' | 'comment', board: string, parent?: string, author: string,
 *   content: string, published: string }} Entry
 * @typedef {import('../support/server.mjs').Context} Context
 * @typedef {import('../support/server.mjs').Reply} Reply
 */

/** Status updates and their comments as the fixtures show them. @returns {Entry[]} */
function seedEntries() {
  /** @type {Entry[]} */
  const entries = [];
  const published = new Date(Date.UTC(2026, 10, 20)).toISOString();
  for (const page of ['feed-2026-11-22.html', 'single-post-2026-11-22.html']) {
    const source = fixturePage('connections', page);
    const marks = [...source.matchAll(/data-rollupid="[^"]*:([\w-]+)"|id="comment-([\w-]+)"/g)];
    /** @type {Entry | undefined} */
    let status;
    for (const [index, mark] of marks.entries()) {
      const markup = source.slice(mark.index, marks[index + 1]?.index);
      const author = /class="x-lconn-userid"[^>]*>([\w-]+)</.exec(markup)?.[1] ?? '';
      if (mark[1]) {
        status = { id: mark[1], kind: 'note', board: author, author, content: '(status update)', published };
        entries.push(status);
      } else if (status && mark[2]) {
        entries.push({
          id: mark[2],
          kind: 'comment',
          board: status.board,
          parent: status.id,
          author,
          content: '(comment)',
          published,
        });
      }
    }
  }
  return entries;
}

/** @param {{ now?: () => number }} [options] */
export async function startConnections({ now = Date.now } = {}) {
  const sessions = createSessions({ cookieName: 'LtpaToken2' });
  const entries = seedEntries();

  /** @param {Entry} entry */
  const serialize = (entry) => ({
    id: `urn:lsid:lconn.ibm.com:profiles.${entry.kind}:${entry.id}`,
    content: entry.content,
    published: entry.published,
    updated: entry.published,
    author: { id: `${PERSON}${entry.author}`, objectType: 'person' },
    objectType: entry.kind,
  });
  /** @param {Entry[]} list */
  const collection = (list) => ({
    startIndex: 0,
    itemsPerPage: list.length,
    totalResults: list.length,
    list: list.map(serialize).reverse(),
  });

  /**
   * A route for the signed-in user: 401 without a session, 403 for a write without X-Update-Nonce.
   * @param {(ctx: Context, userId: string) => Reply | Promise<Reply>} handle
   * @returns {(ctx: Context) => Reply | Promise<Reply>}
   */
  const signedIn = (handle) => (ctx) => {
    const session = sessions.fromRequest(ctx);
    if (!session) return error(401, 'Authentication is required to access this resource.');
    if (ctx.method !== 'GET' && !ctx.header('x-update-nonce'))
      return error(403, 'The request is missing the X-Update-Nonce header.');
    return handle(ctx, session.userId);
  };

  /** @param {string} board `@me`, a person's id or a community URN @param {string} userId */
  const boardId = (board, userId) => (board === '@me' ? userId : board);

  /**
   * @param {import('../support/server.mjs').Context} ctx
   * @param {Omit<Entry, 'id' | 'author' | 'content' | 'published'>} where
   * @param {string} userId
   */
  const create = async (ctx, where, userId) => {
    const body = await ctx.body();
    if (!body.ok || !isObject(body.value)) return error(400, 'The request body is not a JSON entry.');
    const { content } = body.value;
    if (typeof content !== 'string' || content.trim() === '') return error(400, 'The entry has no content.');
    if (content.length > CONTENT_MAX)
      return error(400, `The entry is longer than ${CONTENT_MAX} characters.`);
    /** @type {Entry} */
    const entry = {
      ...where,
      id: randomUUID(),
      author: userId,
      content,
      published: new Date(now()).toISOString(),
    };
    entries.push(entry);
    return json(200, { entry: serialize(entry) });
  };

  /**
   * The status update a comment path names, on its own board or `@all`.
   * @param {import('../support/server.mjs').Context} ctx
   */
  const statusFor = (ctx) => {
    const status = entries.find((entry) => entry.kind === 'note' && entry.id === ctx.params.statusId);
    const owner = ctx.params.owner === '@all' ? status?.board : ctx.params.owner;
    return status && status.board === owner ? status : undefined;
  };

  /**
   * A signed-in route on the status update its path names; 404 when there is none.
   * @param {(ctx: Context, status: Entry, userId: string) => Reply | Promise<Reply>} handle
   */
  const onStatus = (handle) =>
    signedIn((ctx, userId) => {
      const status = statusFor(ctx);
      if (!status) return error(404, 'The status update was not found.');
      return handle(ctx, status, userId);
    });

  /** @param {string} file */
  const page = (file) => () => html(200, fixturePage('connections', file, { [SAVED_ORIGIN]: '' }));
  const ublog = '/connections/opensocial/rest/ublog';

  const server = await startContractServer({
    routes: [
      { method: 'GET', path: PAGES.feed, handle: page('feed-2026-11-22.html') },
      { method: 'GET', path: PAGES.profile, handle: page('single-post-2026-11-22.html') },
      {
        method: 'GET',
        path: '/connections/opensocial/rest/people/@me/@self',
        handle: signedIn((_ctx, userId) =>
          json(200, { entry: { id: `${PERSON}${userId}`, displayName: SIGNED_IN.name } }),
        ),
      },
      {
        method: 'GET',
        path: `${ublog}/:owner/@all/:statusId/comments`,
        handle: onStatus((_ctx, status) =>
          json(200, collection(entries.filter((entry) => entry.parent === status.id))),
        ),
      },
      {
        method: 'POST',
        path: `${ublog}/:owner/@all/:statusId/comments`,
        handle: onStatus((ctx, status, userId) =>
          create(ctx, { kind: 'comment', board: status.board, parent: status.id }, userId),
        ),
      },
      {
        method: 'GET',
        path: `${ublog}/:board/@all`,
        handle: signedIn((ctx, userId) => {
          const board = boardId(ctx.params.board ?? '', userId);
          return json(
            200,
            collection(entries.filter((entry) => entry.kind === 'note' && entry.board === board)),
          );
        }),
      },
      {
        method: 'POST',
        path: `${ublog}/:board/@all`,
        handle: signedIn((ctx, userId) => {
          const board = ctx.params.board ?? '';
          // Anyone may post on their own board or a community's, on nobody else's.
          if (board !== '@me' && board !== userId && !board.includes(':communities.community:'))
            return error(403, 'You are not allowed to post on this board.');
          return create(ctx, { kind: 'note', board: boardId(board, userId) }, userId);
        }),
      },
    ],
  });

  return {
    ...server,
    /** Signs a user in, as Connections' login form would: the cookie to give the browser or a client. */
    signIn(userId = SIGNED_IN.id) {
      const session = sessions.open(userId);
      return { cookie: { name: sessions.cookieName, value: session.id } };
    },
    /** The author deletes a status update (and with it its comments). @param {string} id */
    deleteStatus(id) {
      for (let i = entries.length - 1; i >= 0; i -= 1)
        if (entries[i]?.id === id || entries[i]?.parent === id) entries.splice(i, 1);
    },
    entries: () => entries.map((entry) => ({ ...entry })),
  };
}
