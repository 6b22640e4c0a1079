/**
 * The JSON API under /api. Reads are public; writes need the session cookie, the session's CSRF token in
 * X-CSRF-Token and a JSON body, checked in that order so each failure has its own status.
 *
 * Documented limit: at most 10 writes (POST) per second per user. Rückenwind keeps to it (HOST_LIMITS in
 * lib/sync/engine.ts); the demo does not refuse more, the reliability tests measure it at this server.
 */

import { sendError, sendJson, sendMethodNotAllowed } from './respond.mjs';
import { profileUrlOf } from './store.mjs';

/**
 * @typedef {import('node:http').IncomingMessage} IncomingMessage
 * @typedef {import('node:http').ServerResponse} ServerResponse
 * @typedef {import('./store.mjs').Store} Store
 * @typedef {ReturnType<typeof import('./session.mjs').createSessions>} Sessions
 */

const MAX_REQUEST_BYTES = 64 * 1024;
const MAX_BODY_CHARS = 5000;

/**
 * Reads the whole request body, or returns null once it exceeds `limit`. The rest is still drained so the
 * client receives the 413 instead of a reset connection.
 * @param {IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<Buffer | null>}
 */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Validates a write request and returns the trimmed post text, or sends the error and returns undefined.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @returns {Promise<string | undefined>}
 */
async function readPostText(req, res) {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    sendError(res, 415, 'Content-Type must be application/json');
    return undefined;
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) {
    req.resume();
    sendError(res, 413, `Request body is larger than ${MAX_REQUEST_BYTES} bytes`);
    return undefined;
  }
  const raw = await readBody(req, MAX_REQUEST_BYTES);
  if (raw === null) {
    sendError(res, 413, `Request body is larger than ${MAX_REQUEST_BYTES} bytes`);
    return undefined;
  }
  /** @type {unknown} */
  let data;
  try {
    data = JSON.parse(raw.toString('utf8'));
  } catch {
    sendError(res, 400, 'Request body is not valid JSON');
    return undefined;
  }
  const body = typeof data === 'object' && data !== null && 'body' in data ? data.body : undefined;
  const text = typeof body === 'string' ? body.trim() : '';
  if (text.length < 1 || text.length > MAX_BODY_CHARS) {
    sendError(res, 400, `"body" must be a string of 1 to ${MAX_BODY_CHARS} characters`);
    return undefined;
  }
  return text;
}

/**
 * @param {{ store: Store, sessions: Sessions }} deps
 */
export function createApi({ store, sessions }) {
  /**
   * Creates a post (or a reply to post `parentId`) for the session user after all checks.
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {string | undefined} parentId
   */
  async function createPost(req, res, parentId) {
    const session = sessions.fromRequest(req);
    if (!session) return sendError(res, 401, 'Not logged in');
    if (!sessions.isValidCsrfToken(session, req.headers['x-csrf-token'])) {
      return sendError(res, 403, 'Missing or wrong X-CSRF-Token');
    }
    const parent = parentId === undefined ? undefined : store.getPost(parentId);
    if (parentId !== undefined && !parent) return sendError(res, 404, 'No such post');
    const text = await readPostText(req, res);
    if (text === undefined) return;
    const post = store.addPost({ authorId: session.userId, body: text, parent });
    sendJson(res, 201, store.toJson(post));
  }

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {URL} url
   */
  return async function handleApi(req, res, url) {
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (path === '/api/me') {
      if (method !== 'GET') return sendMethodNotAllowed(res, ['GET']);
      const session = sessions.fromRequest(req);
      const user = session && store.users.get(session.userId);
      if (!user) return sendError(res, 401, 'Not logged in');
      return sendJson(res, 200, { id: user.id, name: user.name, profileUrl: profileUrlOf(user.id) });
    }

    if (path === '/api/posts') {
      if (method === 'POST') return createPost(req, res, undefined);
      if (method !== 'GET') return sendMethodNotAllowed(res, ['GET', 'POST']);
      const page = url.searchParams.get('page') ?? '1';
      if (!/^[1-9]\d{0,5}$/.test(page)) return sendError(res, 400, '"page" must be a positive integer');
      const { posts, nextPage } = store.listPage(Number(page));
      return sendJson(res, 200, { posts: posts.map(store.toJson), nextPage });
    }

    const postMatch = /^\/api\/posts\/(\d+)(\/replies)?$/.exec(path);
    const postId = postMatch?.[1];
    if (postId !== undefined && postMatch?.[2]) {
      if (method !== 'POST') return sendMethodNotAllowed(res, ['POST']);
      return createPost(req, res, postId);
    }
    if (postId !== undefined) {
      if (method !== 'GET') return sendMethodNotAllowed(res, ['GET']);
      const post = store.getPost(postId);
      if (!post) return sendError(res, 404, 'No such post');
      return sendJson(res, 200, store.toJson(post));
    }

    return sendError(res, 404, 'No such API route');
  };
}
